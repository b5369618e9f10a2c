import express from "express";
import { botUserIdFor } from "./ids";
import { sendLineError } from "./line-http";
import { isObject } from "./message-validation";
import type { PlatformState } from "./state";
import { postWebhook, signBody } from "./webhook";

/**
 * LINE requires HTTPS; the local stack has no TLS, so the stand-in also takes plain HTTP to
 * a loopback host (the one place it is looser than LINE).
 */
function acceptableEndpoint(value: unknown): value is string {
  if (typeof value !== "string" || value.length > 500) return false;
  try {
    const url = new URL(value);
    const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
    return url.protocol === "https:" || (url.protocol === "http:" && loopback);
  } catch {
    return false;
  }
}

/** Set, get and test the webhook endpoint (Messaging API, "Channel" section). */
export function channelRoutes(state: PlatformState): express.Router {
  const router = express.Router();

  router.put("/v2/bot/channel/webhook/endpoint", (req, res) => {
    const endpoint = isObject(req.body) ? req.body.endpoint : undefined;
    if (!acceptableEndpoint(endpoint)) {
      sendLineError(res, 400, "Invalid webhook endpoint URL");
      return;
    }
    state.options.webhookUrl = endpoint;
    res.json({});
  });

  router.get("/v2/bot/channel/webhook/endpoint", (_req, res) => {
    const endpoint = state.options.webhookUrl ?? "";
    res.json({ endpoint, active: endpoint !== "" });
  });

  // LINE sends a signed body with no events, as the console's "Verify" button does.
  router.post("/v2/bot/channel/webhook/test", async (req, res) => {
    const given = isObject(req.body) ? req.body.endpoint : undefined;
    if (given !== undefined && !acceptableEndpoint(given)) {
      sendLineError(res, 400, "Invalid webhook endpoint URL");
      return;
    }
    const endpoint = given ?? state.options.webhookUrl;
    if (!endpoint) {
      sendLineError(res, 400, "The webhook URL is not set");
      return;
    }
    const body = JSON.stringify({
      destination: botUserIdFor(state.options.messagingChannelId),
      events: [],
    });
    const timestamp = new Date().toISOString();
    const result = await postWebhook(
      endpoint,
      body,
      signBody(body, state.options.channelSecret),
      state.options.webhookTimeoutMs,
    );
    const success = result.status >= 200 && result.status < 300;
    res.json({
      success,
      timestamp,
      statusCode: result.status,
      reason: success ? "OK" : result.status === 0 ? "COULD_NOT_CONNECT" : "ERROR_STATUS_CODE",
      detail: result.error ?? String(result.status),
    });
  });

  return router;
}
