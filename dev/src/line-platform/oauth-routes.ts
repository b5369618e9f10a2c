import express from "express";
import type { Response } from "express";
import { readIdToken } from "./id-token";
import type { PlatformState } from "./state";

/** LINE Login's ID token verification, which a LIFF app's backend calls with the token. */
export function oauthRoutes(state: PlatformState): express.Router {
  const router = express.Router();

  router.post("/oauth2/v2.1/verify", express.urlencoded({ extended: false }), (req, res) => {
    const form: Record<string, unknown> = typeof req.body === "object" && req.body ? req.body : {};
    const idToken = typeof form.id_token === "string" ? form.id_token : "";
    const clientId = typeof form.client_id === "string" ? form.client_id : "";
    if (!idToken) return invalid(res, "id_token is required.");
    if (!clientId) return invalid(res, "client_id is required.");
    const claims = readIdToken(idToken, state.options.channelSecret);
    if (!claims) return invalid(res, "Invalid IdToken.");
    if (claims.aud !== clientId) return invalid(res, "Invalid IdToken Audience.");
    if (typeof claims.exp !== "number" || claims.exp * 1000 <= Date.now()) {
      return invalid(res, "IdToken expired.");
    }
    if (typeof form.nonce === "string" && form.nonce !== claims.nonce) {
      return invalid(res, "Invalid IdToken Nonce.");
    }
    if (typeof form.user_id === "string" && form.user_id !== claims.sub) {
      return invalid(res, "Invalid IdToken Subject Identifier.");
    }
    res.json(claims);
  });

  return router;
}

function invalid(res: Response, description: string): void {
  res.status(400).json({ error: "invalid_request", error_description: description });
}
