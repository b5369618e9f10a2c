import compression from "compression";
import express, { type ErrorRequestHandler } from "express";
import { accountRoutes } from "./account-routes";
import { adminRoutes } from "./admin-routes";
import type { ApiDeps } from "./api-deps";
import { authenticate } from "./authenticate";
import { caseRoutes } from "./case-routes";
import { dutyRoutes } from "./duty-routes";
import { eligibilityRoute } from "./eligibility-route";
import { helpPointRoutes } from "./help-point-routes";
import { alertToStdout, type RaiseAlert } from "../alerts/alerts";
import { healthRoute } from "./health-route";
import { householdRoutes } from "./household-routes";
import { CaseError } from "../cases/case-errors";
import { caseErrorToHttp, HttpError } from "./http-error";
import { ipRateLimit } from "./ip-rate-limit";
import { meRoutes } from "./me-routes";
import { BODY_LIMITS, bodyLimitOf, limitBodySize } from "./request-limits";
import { staffRoutes } from "./staff-routes";
import { welfareRuleRoutes } from "./welfare-rule-routes";

export interface ApiAppOptions {
  now: () => Date;
  deps: () => Promise<ApiDeps>;
  /** Requests per minute from one address to the public endpoints. */
  publicRateLimit?: number;
  /** Structured alerts (see alerts/alerts.ts); one JSON line on stdout unless given. */
  alert?: RaiseAlert;
}

/**
 * The `api` function's express app: the public eligibility check and health check, then the
 * LIFF app's routes, each behind a LINE ID token.
 */
export function createApiApp(options: ApiAppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  // Cloud Functions sits behind Google's front end: the caller's address is in X-Forwarded-For.
  app.set("trust proxy", 1);

  // The LIFF app is served from another origin; no cookies are used, so any origin may call.
  app.use((req, res, next) => {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Allow-Headers", "Content-Type, Authorization, Accept-Language");
    res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS");
    if (req.method === "OPTIONS") {
      res.status(204).end();
      return;
    }
    next();
  });
  // Answers go compressed to phones that accept it: on a slow rural link a queue page of JSON is
  // several times its compressed size in waiting (photos and voice notes are left as they are).
  app.use(compression());
  // One limit per route, on the raw body (the Functions framework has parsed it already, so
  // express.json's own limit only applies when the app runs outside the framework).
  app.use(limitBodySize(req => bodyLimitOf(req.method, req.path)));
  app.use(express.json({ limit: BODY_LIMITS.householdList }));

  // Kept in Firestore, so the limit holds across instances (see ip-rate-limit.ts).
  const publicLimit = ipRateLimit({
    route: "eligibility",
    limit: options.publicRateLimit ?? 60,
    windowMs: 60_000,
    deps: options.deps,
    now: options.now,
    ...(options.alert && { alert: options.alert }),
  });

  // Called directly at the function's URL, and as /api/** through the Hosting rewrite that
  // serves the LIFF app from the same origin.
  const routes = express.Router();
  routes.post("/eligibility", publicLimit, eligibilityRoute(options.now, options.deps));
  routes.get("/health", healthRoute(options.now, options.deps, options.alert ?? alertToStdout));
  routes.use(authenticate(options.deps));
  routes.use(meRoutes(options.deps));
  routes.use(caseRoutes(options.deps));
  routes.use(staffRoutes(options.deps));
  routes.use(dutyRoutes(options.deps));
  routes.use(accountRoutes(options.deps));
  routes.use(adminRoutes(options.deps));
  routes.use(welfareRuleRoutes(options.deps));
  routes.use(helpPointRoutes(options.deps));
  routes.use(householdRoutes(options.deps));
  app.use("/api", routes);
  app.use(routes);

  app.use((_req, res) => {
    res.status(404).json({ message: "Not found" });
  });
  const errors: ErrorRequestHandler = (thrown, _req, res, _next) => {
    const error = thrown instanceof CaseError ? caseErrorToHttp(thrown) : thrown;
    if (error instanceof HttpError) {
      if (error.retryAfter !== undefined) res.setHeader("Retry-After", String(error.retryAfter));
      res.status(error.status).json({
        message: error.message,
        ...(error.code && { code: error.code }),
        ...(error.errors && { errors: error.errors }),
      });
      return;
    }
    const status = (error as { status?: number }).status;
    if (status === 413) {
      res.status(413).json({ message: "Request body too large" });
      return;
    }
    if ((error as { type?: string }).type === "entity.parse.failed") {
      res.status(400).json({ message: "Body is not valid JSON" });
      return;
    }
    // Other client errors express raises itself (a path that is not valid percent-encoding).
    if (typeof status === "number" && status >= 400 && status < 500) {
      res.status(status).json({ message: "Invalid request" });
      return;
    }
    console.error("api failed", String(error));
    res.status(500).json({ message: "Internal error" });
  };
  app.use(errors);
  return app;
}
