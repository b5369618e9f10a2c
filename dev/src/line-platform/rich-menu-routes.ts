import express from "express";
import type { Request, Response } from "express";
import { newRichMenuId } from "./ids";
import { imageSize } from "./image-size";
import { sendLineError, sendValidationFailure } from "./line-http";
import { bodyErrors, isObject, validateAction } from "./message-validation";
import type { ErrorDetail, ValidationFailure } from "./message-validation";
import type { JsonObject, PlatformState } from "./state";

const MAX_IMAGE_BYTES = 1024 * 1024;

/** Rich menu endpoints; image upload and download belong to api-data.line.me in real LINE. */
export function richMenuRoutes(state: PlatformState): express.Router {
  const router = express.Router();

  router.post("/v2/bot/richmenu", (req, res) => {
    const invalid = validateRichMenu(req.body);
    if (invalid) {
      sendValidationFailure(res, invalid);
      return;
    }
    const richMenuId = newRichMenuId();
    state.richMenus.set(richMenuId, { richMenuId, menu: req.body as JsonObject });
    res.json({ richMenuId });
  });

  router.post("/v2/bot/richmenu/validate", (req, res) => {
    const invalid = validateRichMenu(req.body);
    if (invalid) sendValidationFailure(res, invalid);
    else res.json({});
  });

  router.get("/v2/bot/richmenu/list", (_req, res) => {
    res.json({
      richmenus: [...state.richMenus.values()].map(r => ({ richMenuId: r.richMenuId, ...r.menu })),
    });
  });

  router.get("/v2/bot/richmenu/:richMenuId", (req, res) => {
    const record = state.richMenus.get(req.params.richMenuId);
    if (!record) sendLineError(res, 404, "Not found");
    else res.json({ richMenuId: record.richMenuId, ...record.menu });
  });

  router.delete("/v2/bot/richmenu/:richMenuId", (req, res) => {
    const id = req.params.richMenuId;
    if (!state.richMenus.delete(id)) {
      sendLineError(res, 404, "Not found");
      return;
    }
    if (state.defaultRichMenuId === id) state.defaultRichMenuId = null;
    for (const [userId, linked] of state.userRichMenus) {
      if (linked === id) state.userRichMenus.delete(userId);
    }
    res.json({});
  });

  router.post(
    "/v2/bot/richmenu/:richMenuId/content",
    express.raw({ type: () => true, limit: "2mb" }),
    (req: Request, res: Response) => {
      const record = state.richMenus.get(String(req.params.richMenuId));
      if (!record) {
        sendLineError(res, 404, "Not found");
        return;
      }
      const contentType = (req.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      if (contentType !== "image/png" && contentType !== "image/jpeg") {
        sendLineError(res, 415, "Unsupported Media Type");
        return;
      }
      if (record.image) {
        sendLineError(res, 400, "An image has already been uploaded to the richmenu");
        return;
      }
      const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (data.length > MAX_IMAGE_BYTES) {
        sendLineError(res, 413, "Request Entity Too Large");
        return;
      }
      const size = imageSize(data);
      if (size && !allowedImageSize(size.width, size.height)) {
        sendLineError(res, 400, "The image size is not allowed for richmenu");
        return;
      }
      record.image = { contentType, data };
      res.json({});
    },
  );

  router.get("/v2/bot/richmenu/:richMenuId/content", (req, res) => {
    const image = state.richMenus.get(req.params.richMenuId)?.image;
    if (!image) sendLineError(res, 404, "Not found");
    else res.type(image.contentType).send(image.data);
  });

  // "all" must be matched before the per-user routes, where it would read as a user ID.
  router.post("/v2/bot/user/all/richmenu/:richMenuId", (req, res) => {
    const record = state.richMenus.get(req.params.richMenuId);
    if (!record) {
      sendLineError(res, 404, "Not found");
      return;
    }
    if (!record.image) {
      sendLineError(res, 400, "must upload richmenu image before applying it to user", []);
      return;
    }
    state.defaultRichMenuId = record.richMenuId;
    res.json({});
  });

  router.get("/v2/bot/user/all/richmenu", (_req, res) => {
    if (!state.defaultRichMenuId) sendLineError(res, 404, "no default richmenu");
    else res.json({ richMenuId: state.defaultRichMenuId });
  });

  router.delete("/v2/bot/user/all/richmenu", (_req, res) => {
    state.defaultRichMenuId = null;
    res.json({});
  });

  router.post("/v2/bot/user/:userId/richmenu/:richMenuId", (req, res) => {
    const record = state.richMenus.get(req.params.richMenuId);
    if (!record || !state.users.has(req.params.userId)) {
      sendLineError(res, 404, "Not found");
      return;
    }
    if (!record.image) {
      sendLineError(res, 400, "must upload richmenu image before applying it to user", []);
      return;
    }
    state.userRichMenus.set(req.params.userId, record.richMenuId);
    res.json({});
  });

  router.get("/v2/bot/user/:userId/richmenu", (req, res) => {
    const linked = state.userRichMenus.get(req.params.userId);
    if (!linked) sendLineError(res, 404, "the user has no richmenu");
    else res.json({ richMenuId: linked });
  });

  router.delete("/v2/bot/user/:userId/richmenu", (req, res) => {
    state.userRichMenus.delete(req.params.userId);
    res.json({});
  });

  return router;
}

/** LINE's image rules: 800–2500 px wide, at least 250 px high, width/height at least 1.45. */
function allowedImageSize(width: number, height: number): boolean {
  return width >= 800 && width <= 2500 && height >= 250 && width / height >= 1.45;
}

function validateRichMenu(body: unknown): ValidationFailure | null {
  if (!isObject(body)) return bodyErrors([{ message: "May not be empty", property: "size" }]);
  const details: ErrorDetail[] = [];
  const size = body.size;
  let width = 0;
  let height = 0;
  if (!isObject(size) || typeof size.width !== "number" || typeof size.height !== "number") {
    details.push({ message: "May not be empty", property: "size" });
  } else {
    if (allowedImageSize(size.width, size.height)) {
      width = size.width;
      height = size.height;
    } else {
      // Areas are only checked against a size that is itself valid.
      details.push({
        message: "width must be 800-2500, height at least 250, and width/height at least 1.45",
        property: "size",
      });
    }
  }
  if (typeof body.selected !== "boolean") {
    details.push({ message: "May not be empty", property: "selected" });
  }
  for (const [key, max] of [
    ["name", 300],
    ["chatBarText", 14],
  ] as const) {
    const value = body[key];
    if (typeof value !== "string" || value === "") {
      details.push({ message: "May not be empty", property: key });
    } else if (value.length > max) {
      details.push({ message: `Length must be between 0 and ${max}`, property: key });
    }
  }
  const areas = body.areas;
  if (!Array.isArray(areas) || areas.length > 20) {
    details.push({ message: "Size must be between 0 and 20", property: "areas" });
  } else {
    areas.forEach((area, i) => {
      const prop = `areas[${i}]`;
      if (!isObject(area)) {
        details.push({ message: "May not be empty", property: prop });
        return;
      }
      const b = area.bounds;
      if (
        !isObject(b) ||
        ![b.x, b.y, b.width, b.height].every(n => typeof n === "number" && n >= 0)
      ) {
        details.push({ message: "May not be empty", property: `${prop}.bounds` });
      } else if (
        width > 0 &&
        (Number(b.x) + Number(b.width) > width || Number(b.y) + Number(b.height) > height)
      ) {
        details.push({ message: "must be within the rich menu size", property: `${prop}.bounds` });
      }
      validateAction(area.action, `${prop}.action`, details, { labelMax: 20 });
    });
  }
  return details.length > 0 ? bodyErrors(details) : null;
}
