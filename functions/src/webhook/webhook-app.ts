import {
  JSONParseError,
  middleware as lineSignature,
  SignatureValidationFailed,
  type webhook,
} from "@line/bot-sdk";
import express, { type ErrorRequestHandler } from "express";
import { bodySize } from "../api/request-limits";
import { checkEvent } from "./event-shape";
import * as z from "zod/mini";
import { handleEvent, type WebhookDeps } from "./handle-event";

/**
 * LINE's webhook bodies are a few kilobytes (a text message is at most 5,000 characters, and a
 * delivery batches a few events); anything near this is not from LINE.
 */
export const MAX_WEBHOOK_BYTES = 256 * 1024;

// Only the envelope is checked here: each event is checked on its own, so one event of an
// unknown type never blocks the others in the same delivery.
const callbackSchema = z.object({
  destination: z.string(),
  events: z.array(
    z.looseObject({
      type: z.string(),
      webhookEventId: z.string().check(z.minLength(1)),
      timestamp: z.number(),
    }),
  ),
});

export interface WebhookAppOptions {
  channelSecret: () => string;
  deps: () => Promise<WebhookDeps>;
}

/**
 * The `webhook` function's express app. The signature is checked on the raw body before
 * anything is parsed (the SDK middleware reads `req.rawBody`, which Cloud Functions provides).
 */
export function createWebhookApp(options: WebhookAppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");

  app.post(
    "/",
    (req, res, next) => {
      // On the raw body: the Functions framework has parsed it before express sees it.
      if (bodySize(req) > MAX_WEBHOOK_BYTES) {
        res.status(413).json({ message: "Request body too large", limit: MAX_WEBHOOK_BYTES });
        return;
      }
      next();
    },
    (req, res, next) => lineSignature({ channelSecret: options.channelSecret() })(req, res, next),
    async (req, res) => {
      const parsed = callbackSchema.safeParse(req.body);
      if (!parsed.success) {
        res.status(400).json({
          message: "Not a LINE webhook body",
          issues: parsed.error.issues.map(i => i.path.join(".")),
        });
        return;
      }
      const deps = await options.deps();
      // Events of one delivery are handled in order: LINE batches a user's quick messages.
      for (const event of parsed.data.events) {
        const checked = checkEvent(event);
        if (!checked.ok) {
          // Ids and field names only: the values may be anything a caller typed.
          deps.log("event refused", {
            type: event.type,
            webhookEventId: event.webhookEventId.slice(0, 64),
            fields: checked.fields.slice(0, 10),
          });
          continue;
        }
        await handleEvent(deps, checked.event as webhook.Event);
      }
      res.status(200).json({});
    },
  );

  app.all("/", (_req, res) => {
    res.status(405).json({ message: "Use POST" });
  });

  const errors: ErrorRequestHandler = (error, _req, res, _next) => {
    if (error instanceof SignatureValidationFailed) {
      res.status(401).json({ message: "Invalid or missing x-line-signature" });
      return;
    }
    if (
      error instanceof JSONParseError ||
      (error as { type?: string }).type === "entity.parse.failed"
    ) {
      res.status(400).json({ message: "Body is not valid JSON" });
      return;
    }
    // Anything else is ours (Firestore unavailable, a bug): 500 lets LINE redeliver, and the
    // processed-event markers make the redelivery safe.
    console.error("webhook failed", String(error));
    res.status(500).json({ message: "Internal error" });
  };
  app.use(errors);
  return app;
}
