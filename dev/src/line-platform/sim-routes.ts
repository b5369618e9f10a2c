import express from "express";
import type { Response } from "express";
import { botUserIdFor, USER_ID_PATTERN } from "./ids";
import { signIdToken } from "./id-token";
import { MONTHLY_LIMIT_MESSAGE, RATE_LIMIT_MESSAGE } from "./line-http";
import { isObject } from "./message-validation";
import { buildEvent, SimInputError } from "./sim-events";
import type { BuiltEvent } from "./sim-events";
import type { Fault, JsonObject, PlatformState, SimUser } from "./state";
import { postWebhook, signBody } from "./webhook";

/**
 * The simulator's own API (not part of LINE): simulated users, what they send, what they were
 * sent, and fault injection. JSON in and out, no auth.
 */
export function simRoutes(state: PlatformState): express.Router {
  const router = express.Router();

  router.post("/sim/users", (req, res) => {
    const body: JsonObject = isObject(req.body) ? req.body : {};
    if (body.userId !== undefined) {
      if (typeof body.userId !== "string" || !USER_ID_PATTERN.test(body.userId)) {
        return simError(res, 400, "userId must match U[0-9a-f]{32}");
      }
      if (state.users.has(body.userId)) return simError(res, 409, "that userId already exists");
    }
    if (body.language !== undefined && body.language !== "th" && body.language !== "en") {
      return simError(res, 400, 'language must be "th" or "en"');
    }
    const user = state.createUser({
      userId: body.userId as string | undefined,
      displayName: typeof body.displayName === "string" ? body.displayName : undefined,
      language: body.language as "th" | "en" | undefined,
      pictureUrl: typeof body.pictureUrl === "string" ? body.pictureUrl : undefined,
      statusMessage: typeof body.statusMessage === "string" ? body.statusMessage : undefined,
      following: typeof body.following === "boolean" ? body.following : undefined,
    });
    res.status(201).json({ userId: user.userId, user });
  });

  router.get("/sim/users", (_req, res) => {
    res.json({ users: [...state.users.values()] });
  });

  router.get("/sim/users/:userId", (req, res) => {
    const user = state.users.get(req.params.userId);
    if (!user) return simError(res, 404, "no such simulated user");
    res.json(user);
  });

  router.post("/sim/users/:userId/events", async (req, res) => {
    const user = userOr404(state, req.params.userId, res);
    if (!user) return;
    await deliver(state, res, user, [req.body], results => ({
      webhookEventId: results[0]?.webhookEventId,
      replyToken: results[0]?.replyToken ?? null,
    }));
  });

  router.post("/sim/users/:userId/events/batch", async (req, res) => {
    const user = userOr404(state, req.params.userId, res);
    if (!user) return;
    const events: unknown = isObject(req.body) ? req.body.events : undefined;
    if (!Array.isArray(events) || events.length === 0) {
      return simError(res, 400, "events must be a non-empty array");
    }
    await deliver(state, res, user, events, results => ({
      webhookEventIds: results.map(r => r.webhookEventId),
      replyTokens: results.map(r => r.replyToken),
    }));
  });

  router.get("/sim/users/:userId/messages", (req, res) => {
    const user = userOr404(state, req.params.userId, res);
    if (!user) return;
    const after = Number(req.query.after ?? 0);
    const loading = user.loadingUntil !== null && user.loadingUntil > Date.now();
    res.json({
      messages: state.messagesAfter(user.userId, Number.isFinite(after) ? after : 0),
      following: user.following,
      loadingUntil: loading ? user.loadingUntil : null,
    });
  });

  router.post("/sim/users/:userId/id-token", (req, res) => {
    const user = userOr404(state, req.params.userId, res);
    if (!user) return;
    const body: JsonObject = isObject(req.body) ? req.body : {};
    const lifetime = typeof body.expiresInSeconds === "number" ? body.expiresInSeconds : 3600;
    const iat = Math.floor(Date.now() / 1000);
    const claims: JsonObject = {
      iss: "https://access.line.me",
      sub: user.userId,
      aud: typeof body.aud === "string" ? body.aud : state.options.channelId,
      exp: iat + lifetime,
      iat,
      amr: ["linesso"],
      name: user.displayName,
    };
    if (typeof body.nonce === "string") claims.nonce = body.nonce;
    if (user.pictureUrl) claims.picture = user.pictureUrl;
    res.json({
      idToken: signIdToken(claims, state.options.channelSecret),
      expiresAt: new Date((iat + lifetime) * 1000).toISOString(),
    });
  });

  // What the user sent, for the chat page to show; the bot uses the authenticated data API.
  router.get("/sim/content/:messageId", (req, res) => {
    const content = state.contents.get(req.params.messageId);
    if (!content) return simError(res, 404, "no content for that message");
    res.type(content.contentType).send(content.data);
  });

  router.get("/sim/richmenu", (req, res) => {
    const userId = typeof req.query.userId === "string" ? req.query.userId : undefined;
    const record = state.richMenuFor(userId);
    res.json({
      richMenu: record ? { richMenuId: record.richMenuId, ...record.menu } : null,
      hasImage: Boolean(record?.image),
      imageUrl: record?.image ? `/sim/richmenu/${record.richMenuId}/image` : null,
    });
  });

  router.get("/sim/richmenu/:richMenuId/image", (req, res) => {
    const image = state.richMenus.get(req.params.richMenuId)?.image;
    if (!image) return simError(res, 404, "no image for that rich menu");
    res.type(image.contentType).send(image.data);
  });

  router.get("/sim/webhook", (_req, res) => {
    res.json({
      url: state.options.webhookUrl ?? null,
      destination: botUserIdFor(state.options.channelId),
    });
  });

  router.put("/sim/webhook", (req, res) => {
    const url: unknown = isObject(req.body) ? req.body.url : undefined;
    if (typeof url !== "string" || !/^https?:\/\//.test(url)) {
      return simError(res, 400, "url must be an http(s) URL");
    }
    state.options.webhookUrl = url;
    res.json({ url });
  });

  router.post("/sim/webhook/raw", async (req, res) => {
    const body: JsonObject = isObject(req.body) ? req.body : {};
    if (typeof body.body !== "string") return simError(res, 400, "body must be a string");
    const url = state.options.webhookUrl;
    if (!url) return simError(res, 409, "no webhook URL is set");
    const signature =
      typeof body.signature === "string"
        ? body.signature
        : signBody(body.body, state.options.channelSecret);
    const result = await postWebhook(url, body.body, signature, state.options.webhookTimeoutMs);
    res.status(result.status === 0 ? 502 : 200).json(result);
  });

  router.get("/__control/faults", (_req, res) => {
    res.json({ faults: state.faults });
  });

  router.post("/__control/faults", (req, res) => {
    const body: JsonObject = isObject(req.body) ? req.body : {};
    const status = body.status;
    if (typeof body.path !== "string" || !body.path.startsWith("/")) {
      return simError(res, 400, 'path must be an API path such as "/v2/bot/message/push"');
    }
    const delayMs = typeof body.delayMs === "number" && body.delayMs > 0 ? body.delayMs : 0;
    if (
      typeof status !== "number" ||
      !(status === 0 || (status >= 400 && status <= 599) || (status === 200 && delayMs > 0))
    ) {
      return simError(
        res,
        400,
        "status must be 400-599, 0 to drop the connection, or 200 with delayMs for a slow answer",
      );
    }
    if (body.limit !== undefined && body.limit !== "monthly" && body.limit !== "rate") {
      return simError(res, 400, 'limit must be "monthly" (quota) or "rate" (rate limit)');
    }
    const fault: Fault = {
      path: body.path,
      status,
      remaining: typeof body.count === "number" && body.count > 0 ? Math.floor(body.count) : 1,
      acceptFirst: body.acceptFirst === true,
    };
    if (typeof body.message === "string") fault.message = body.message;
    // A 429 says which limit was hit only in its body, as on LINE.
    else if (body.limit === "rate") fault.message = RATE_LIMIT_MESSAGE;
    else if (body.limit === "monthly") fault.message = MONTHLY_LIMIT_MESSAGE;
    if (typeof body.retryAfter === "string" || typeof body.retryAfter === "number") {
      fault.retryAfter = String(body.retryAfter);
    }
    if (delayMs > 0) fault.delayMs = delayMs;
    state.faults.push(fault);
    res.status(201).json({ faults: state.faults });
  });

  router.delete("/__control/faults", (_req, res) => {
    state.faults = [];
    res.json({ faults: [] });
  });

  router.get("/__control/tokens", (_req, res) => {
    res.json({ issued: state.tokensIssued });
  });

  // A rotation: issued stateless tokens stop working (`issued`, default true) and/or the
  // long-lived token changes (`longLived`), as when an admin reissues them in the console.
  router.post("/__control/tokens/rotate", (req, res) => {
    const body: JsonObject = isObject(req.body) ? req.body : {};
    if (body.longLived !== undefined && (typeof body.longLived !== "string" || !body.longLived)) {
      return simError(res, 400, "longLived must be a non-empty string");
    }
    const revoked = state.rotateTokens({
      issued: body.issued !== false,
      ...(typeof body.longLived === "string" && { longLived: body.longLived }),
    });
    res.json({ revoked, issued: state.tokensIssued });
  });

  return router;
}

async function deliver(
  state: PlatformState,
  res: Response,
  user: SimUser,
  inputs: unknown[],
  summarize: (results: BuiltEvent[]) => JsonObject,
): Promise<void> {
  const url = state.options.webhookUrl;
  if (!url) return simError(res, 409, "no webhook URL is set; the bot is not connected yet");
  const results: BuiltEvent[] = [];
  try {
    for (const input of inputs) results.push(buildEvent(state, user, input));
  } catch (error) {
    if (error instanceof SimInputError) return simError(res, error.status, error.message);
    throw error;
  }
  const payload = {
    destination: botUserIdFor(state.options.channelId),
    events: results.map(r => r.event),
  };
  const body = JSON.stringify(payload);
  const signature = signBody(body, state.options.channelSecret);
  const result = await postWebhook(url, body, signature, state.options.webhookTimeoutMs);
  res.status(result.status === 0 ? 502 : 200).json({
    status: result.status,
    ...summarize(results),
    responseBody: result.responseBody,
    ...(result.error ? { error: result.error } : {}),
  });
}

function userOr404(state: PlatformState, userId: string, res: Response): SimUser | undefined {
  const user = state.users.get(userId);
  if (!user) simError(res, 404, "no such simulated user");
  return user;
}

function simError(res: Response, status: number, error: string): void {
  res.status(status).json({ error });
}
