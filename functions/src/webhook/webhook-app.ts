import {
  JSONParseError,
  middleware as lineSignature,
  SignatureValidationFailed,
  type webhook,
} from "@line/bot-sdk";
import express, { type ErrorRequestHandler, type Request } from "express";
import { z } from "zod";
import { handleEvent, type WebhookDeps } from "./handle-event";

/** LINE's webhook bodies are a few kilobytes; anything near this is not from LINE. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

// Only the envelope is checked here: each event is checked on its own, so one event of an
// unknown type never blocks the others in the same delivery.
const callbackSchema = z.object({
  destination: z.string(),
  events: z.array(
    z.looseObject({
      type: z.string(),
      webhookEventId: z.string().min(1),
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
      const size =
        (req as Request & { rawBody?: Buffer }).rawBody?.length ??
        Number(req.headers["content-length"] ?? 0);
      if (size > MAX_WEBHOOK_BYTES) {
        res.status(413).json({ message: "Request body too large" });
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
        await handleEvent(deps, event as unknown as webhook.Event);
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
