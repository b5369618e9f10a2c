import express from "express";
import { sendLineError } from "./line-http";
import { isObject } from "./message-validation";
import type { PlatformState } from "./state";

const ALIAS_ID = /^[a-z0-9_-]{1,32}$/;
const MAX_BULK_USERS = 500;

/** Rich menu aliases (what richmenuswitch actions name) and linking many users at once. */
export function richMenuAliasRoutes(state: PlatformState): express.Router {
  const router = express.Router();
  const aliasBody = (richMenuAliasId: string, richMenuId: string) => ({
    richMenuAliasId,
    richMenuId,
  });

  router.post("/v2/bot/richmenu/alias", (req, res) => {
    const body = isObject(req.body) ? req.body : {};
    const { richMenuAliasId, richMenuId } = body;
    if (typeof richMenuAliasId !== "string" || !ALIAS_ID.test(richMenuAliasId)) {
      sendLineError(res, 400, "The request body has 1 error(s)", [
        { message: "must match [a-z0-9_-]{1,32}", property: "richMenuAliasId" },
      ]);
      return;
    }
    if (typeof richMenuId !== "string" || !state.richMenus.get(richMenuId)?.image) {
      sendLineError(res, 400, "richmenu not found or has no image");
      return;
    }
    if (state.richMenuAliases.has(richMenuAliasId)) {
      sendLineError(res, 400, "conflict richmenu alias id");
      return;
    }
    state.richMenuAliases.set(richMenuAliasId, richMenuId);
    res.json({});
  });

  router.get("/v2/bot/richmenu/alias/list", (_req, res) => {
    res.json({ aliases: [...state.richMenuAliases].map(([alias, id]) => aliasBody(alias, id)) });
  });

  router.get("/v2/bot/richmenu/alias/:aliasId", (req, res) => {
    const richMenuId = state.richMenuAliases.get(req.params.aliasId);
    if (!richMenuId) sendLineError(res, 404, "richmenu alias not found");
    else res.json(aliasBody(req.params.aliasId, richMenuId));
  });

  router.post("/v2/bot/richmenu/alias/:aliasId", (req, res) => {
    const richMenuId = isObject(req.body) ? req.body.richMenuId : undefined;
    if (!state.richMenuAliases.has(req.params.aliasId)) {
      sendLineError(res, 400, "richmenu alias not found");
      return;
    }
    if (typeof richMenuId !== "string" || !state.richMenus.get(richMenuId)?.image) {
      sendLineError(res, 400, "richmenu not found or has no image");
      return;
    }
    state.richMenuAliases.set(req.params.aliasId, richMenuId);
    res.json({});
  });

  router.delete("/v2/bot/richmenu/alias/:aliasId", (req, res) => {
    if (!state.richMenuAliases.delete(req.params.aliasId)) {
      sendLineError(res, 400, "richmenu alias not found");
      return;
    }
    res.json({});
  });

  // Accepted at once and carried out later by LINE (202); here it is done before answering.
  router.post("/v2/bot/richmenu/bulk/link", (req, res) => {
    const body = isObject(req.body) ? req.body : {};
    const { richMenuId, userIds } = body;
    if (
      !Array.isArray(userIds) ||
      userIds.length < 1 ||
      userIds.length > MAX_BULK_USERS ||
      !userIds.every(id => typeof id === "string")
    ) {
      sendLineError(res, 400, "The request body has 1 error(s)", [
        { message: `Size must be between 1 and ${MAX_BULK_USERS}`, property: "userIds" },
      ]);
      return;
    }
    if (typeof richMenuId !== "string" || !state.richMenus.get(richMenuId)?.image) {
      sendLineError(res, 400, "richmenu not found or has no image");
      return;
    }
    for (const userId of userIds as string[]) {
      if (state.users.has(userId)) state.userRichMenus.set(userId, richMenuId);
    }
    res.status(202).json({});
  });

  return router;
}
