import express from "express";
import type { NextFunction, Request, Response } from "express";
import type { AddressInfo } from "node:net";
import { injectFaults, pathOf, requestId, requireBearer, sendLineError } from "./line-http";
import { messagingRoutes } from "./messaging-routes";
import { oauthRoutes } from "./oauth-routes";
import { channelRoutes } from "./channel-routes";
import { richMenuAliasRoutes } from "./rich-menu-alias-routes";
import { resolveOptions } from "./options";
import type { LinePlatformOptions } from "./options";
import { richMenuRoutes } from "./rich-menu-routes";
import { simRoutes } from "./sim-routes";
import { PlatformState } from "./state";
import { chatSimulatorPage } from "./chat-simulator-page";

export type { LinePlatformOptions } from "./options";

export interface RunningLinePlatform {
  url: string;
  port: number;
  setWebhookUrl(url: string): void;
  close(): Promise<void>;
}

interface LinePlatform {
  app: express.Express;
  state: PlatformState;
}

/** The stand-in as an express app, for mounting in another server. */
export function createLinePlatformApp(options: LinePlatformOptions): express.Express {
  return buildPlatform(options).app;
}

/** Starts the stand-in on host:port (0 picks a free port). */
export async function startLinePlatform(
  options: LinePlatformOptions,
  port = 0,
  host = "127.0.0.1",
): Promise<RunningLinePlatform> {
  const { app, state } = buildPlatform(options);
  const server = app.listen(port, host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    setWebhookUrl(url: string) {
      state.options.webhookUrl = url;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        // Keep-alive connections from fetch would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

function buildPlatform(options: LinePlatformOptions): LinePlatform {
  const state = new PlatformState(resolveOptions(options));
  const app = express();
  app.disable("x-powered-by");
  // LINE's Messaging API takes request bodies of at most 2 MB.
  app.use("/v2", express.json({ limit: "2mb" }));
  // Simulated users send photos as base64, which can be larger than anything LINE's API takes.
  // The LIFF app of the local stack (another origin) asks the simulator for users and ID tokens.
  app.use("/sim", (req, res, next) => {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Allow-Headers", "content-type");
    res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
    if (req.method === "OPTIONS") {
      res.status(204).end();
      return;
    }
    next();
  });
  app.use(["/sim", "/__control"], express.json({ limit: "30mb" }));

  app.use(["/v2", "/oauth2"], requestId);
  app.use("/v2", requireBearer(state), injectFaults(state));
  app.use("/oauth2/v3/token", injectFaults(state));
  app.use(messagingRoutes(state));
  // Before the rich menu routes, whose ":richMenuId" would take "alias" and "bulk".
  app.use(richMenuAliasRoutes(state));
  app.use(richMenuRoutes(state));
  app.use(channelRoutes(state));
  app.use(oauthRoutes(state));
  app.use(simRoutes(state));

  app.use(chatSimulatorPage());

  // Browsers ask for one; an empty answer keeps the console free of 404s.
  app.get("/favicon.ico", (_req, res) => {
    res.status(204).end();
  });

  app.use((req, res) => {
    if (pathOf(req).startsWith("/v2/")) sendLineError(res, 404, "Not found");
    else res.status(404).json({ error: `no route for ${req.method} ${pathOf(req)}` });
  });

  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const type = typeof error === "object" && error && "type" in error ? error.type : undefined;
    const onLine = !pathOf(req).startsWith("/sim") && !pathOf(req).startsWith("/__control");
    if (type === "entity.parse.failed") {
      if (onLine) sendLineError(res, 400, "The request body could not be parsed as JSON");
      else res.status(400).json({ error: "the request body is not valid JSON" });
      return;
    }
    if (type === "entity.too.large") {
      if (onLine) sendLineError(res, 413, "Request Entity Too Large");
      else res.status(413).json({ error: "request body too large" });
      return;
    }
    console.error("[line-platform]", error);
    if (onLine) sendLineError(res, 500, "Internal server error");
    else res.status(500).json({ error: error instanceof Error ? error.message : String(error) });
  });

  return { app, state };
}
