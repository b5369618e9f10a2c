import express from "express";
import type { Request, Response } from "express";
import { botUserIdFor, UUID_PATTERN } from "./ids";
import { sendLineError, sendValidationFailure } from "./line-http";
import { bodyErrors, isObject, validateMessages } from "./message-validation";
import type { ErrorDetail } from "./message-validation";
import type { JsonObject, PlatformState } from "./state";

const RECIPIENT_PATTERN = /^[UCR][0-9a-f]{32}$/;

/** Send, profile, loading-animation and content endpoints of api.line.me / api-data.line.me. */
export function messagingRoutes(state: PlatformState): express.Router {
  const router = express.Router();

  router.post("/v2/bot/message/reply", (req, res) => {
    if (rejectRetryKey(req, res)) return;
    const body: JsonObject = isObject(req.body) ? req.body : {};
    const details: ErrorDetail[] = [];
    if (typeof body.replyToken !== "string" || body.replyToken === "") {
      details.push({ message: "May not be empty", property: "replyToken" });
    }
    const invalid = validateMessages(body.messages);
    if (details.length > 0 || invalid) {
      sendValidationFailure(res, invalid ?? bodyErrors(details));
      return;
    }
    // Validation comes first so a rejected reply does not burn the token.
    const userId = state.useReplyToken(String(body.replyToken));
    if (!userId) {
      sendLineError(res, 400, "Invalid reply token");
      return;
    }
    const sentMessages = state.deliver(userId, "reply", body.messages as JsonObject[]);
    res.json({ sentMessages });
  });

  router.post("/v2/bot/message/push", (req, res) => {
    const retryKey = req.get("x-line-retry-key");
    if (retryKey !== undefined) {
      if (!UUID_PATTERN.test(retryKey)) {
        sendLineError(res, 400, "The retry key must be a hexadecimal UUID", [
          { message: "invalid retry key", property: "X-Line-Retry-Key" },
        ]);
        return;
      }
      const accepted = state.acceptedRetry(retryKey);
      if (accepted) {
        res.set("x-line-accepted-request-id", accepted.requestId);
        res.status(409).json({
          message: "The retry key is already accepted",
          sentMessages: accepted.sentMessages,
        });
        return;
      }
    }
    const body: JsonObject = isObject(req.body) ? req.body : {};
    const invalid = validateMessages(body.messages);
    if (typeof body.to !== "string" || body.to === "") {
      sendValidationFailure(res, bodyErrors([{ message: "May not be empty", property: "to" }]));
      return;
    }
    if (invalid) {
      sendValidationFailure(res, invalid);
      return;
    }
    if (!RECIPIENT_PATTERN.test(body.to)) {
      sendLineError(
        res,
        400,
        "The property, 'to', in the request body is invalid (line: -, column: -)",
      );
      return;
    }
    // LINE's FAQ: a user ID that does not exist gets 400 "Failed to send messages", while a user
    // who blocked the account gets 200 and simply never sees the message (state.deliver).
    if (!state.users.has(body.to)) {
      sendLineError(res, 400, "Failed to send messages");
      return;
    }
    const sentMessages = state.deliver(body.to, "push", body.messages as JsonObject[]);
    if (retryKey !== undefined) {
      state.acceptRetry(retryKey, String(res.locals.requestId), sentMessages);
    }
    res.json({ sentMessages });
  });

  router.post("/v2/bot/message/multicast", (req, res) => {
    const retryKey = req.get("x-line-retry-key");
    if (retryKey !== undefined) {
      if (!UUID_PATTERN.test(retryKey)) {
        sendLineError(res, 400, "The retry key must be a hexadecimal UUID");
        return;
      }
      const accepted = state.acceptedRetry(retryKey);
      if (accepted) {
        res.set("x-line-accepted-request-id", accepted.requestId);
        sendLineError(res, 409, "The retry key is already accepted");
        return;
      }
    }
    const body: JsonObject = isObject(req.body) ? req.body : {};
    const to = body.to;
    if (!Array.isArray(to) || to.length < 1 || to.length > 500) {
      sendValidationFailure(
        res,
        bodyErrors([{ message: "Size must be between 1 and 500", property: "to" }]),
      );
      return;
    }
    const invalid = validateMessages(body.messages);
    if (invalid) {
      sendValidationFailure(res, invalid);
      return;
    }
    // Multicast never reports individual recipients, so unknown IDs are dropped silently.
    for (const userId of to) {
      if (typeof userId === "string" && state.users.has(userId)) {
        state.deliver(userId, "push", body.messages as JsonObject[]);
      }
    }
    if (retryKey !== undefined) state.acceptRetry(retryKey, String(res.locals.requestId), []);
    res.json({});
  });

  for (const kind of ["reply", "push", "multicast", "broadcast", "narrowcast"]) {
    router.post(`/v2/bot/message/validate/${kind}`, (req, res) => {
      const body: JsonObject = isObject(req.body) ? req.body : {};
      const invalid = validateMessages(body.messages);
      if (invalid) sendValidationFailure(res, invalid);
      else res.json({});
    });
  }

  router.get("/v2/bot/profile/:userId", (req, res) => {
    const user = state.users.get(req.params.userId);
    // A user who blocked the account has no profile for the bot, as on LINE.
    if (!user || !user.following) {
      sendLineError(res, 404, "Not found");
      return;
    }
    const profile: JsonObject = {
      userId: user.userId,
      displayName: user.displayName,
      language: user.language,
    };
    if (user.pictureUrl) profile.pictureUrl = user.pictureUrl;
    if (user.statusMessage) profile.statusMessage = user.statusMessage;
    res.json(profile);
  });

  router.post("/v2/bot/chat/loading/start", (req, res) => {
    const body: JsonObject = isObject(req.body) ? req.body : {};
    const details: ErrorDetail[] = [];
    if (typeof body.chatId !== "string" || body.chatId === "") {
      details.push({ message: "May not be empty", property: "chatId" });
    }
    const seconds = body.loadingSeconds ?? 20;
    if (
      typeof seconds !== "number" ||
      !Number.isInteger(seconds) ||
      seconds < 5 ||
      seconds > 60 ||
      seconds % 5 !== 0
    ) {
      details.push({
        message: "Must be a multiple of 5 between 5 and 60",
        property: "loadingSeconds",
      });
    }
    if (details.length > 0) {
      sendValidationFailure(res, bodyErrors(details));
      return;
    }
    const user = state.users.get(String(body.chatId));
    if (user?.following) user.loadingUntil = Date.now() + Number(seconds) * 1000;
    res.status(202).json({});
  });

  router.get("/v2/bot/info", (_req, res) => {
    res.json({
      userId: botUserIdFor(state.options.channelId),
      basicId: "@000stand",
      displayName: "LINE stand-in bot",
      chatMode: "bot",
      markAsReadMode: "auto",
    });
  });

  // Served by api-data.line.me in real LINE; the bot points its blob client at this same server.
  const sendContent = (req: Request, res: Response) => {
    const content = state.contents.get(String(req.params.messageId));
    if (!content) {
      sendLineError(res, 404, "Not found");
      return;
    }
    // LINE answers 202 with no body while audio or video content is still being prepared.
    if (content.preparationFails || (content.preparingChecks ?? 0) > 0) {
      res.status(202).end();
      return;
    }
    res.type(content.contentType).send(content.data);
  };
  router.get("/v2/bot/message/:messageId/content", sendContent);
  router.get("/v2/bot/message/:messageId/content/preview", sendContent);
  router.get("/v2/bot/message/:messageId/content/transcoding", (req, res) => {
    const content = state.contents.get(req.params.messageId);
    if (!content) {
      sendLineError(res, 404, "Not found");
      return;
    }
    // GET /v2/bot/message/{messageId}/content/transcoding: "processing" until prepared, then
    // "succeeded" (or "failed"). Images are never transcoded and answer "succeeded" at once.
    if (content.preparationFails) {
      res.json({ status: "failed" });
      return;
    }
    if ((content.preparingChecks ?? 0) > 0) {
      content.preparingChecks! -= 1;
      res.json({ status: "processing" });
      return;
    }
    res.json({ status: "succeeded" });
  });

  return router;
}

/** LINE refuses X-Line-Retry-Key on endpoints that do not support it (400). */
function rejectRetryKey(req: Request, res: Response): boolean {
  if (req.get("x-line-retry-key") === undefined) return false;
  sendLineError(res, 400, "X-Line-Retry-Key is not supported for this API");
  return true;
}
