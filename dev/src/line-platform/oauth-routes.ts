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

  // Stateless channel access tokens from the Messaging API channel's id and secret.
  router.post("/oauth2/v3/token", express.urlencoded({ extended: false }), (req, res) => {
    const form: Record<string, unknown> = typeof req.body === "object" && req.body ? req.body : {};
    if (form.grant_type !== "client_credentials") {
      res.status(400).json({
        error: "unsupported_grant_type",
        error_description: "grant_type must be client_credentials",
      });
      return;
    }
    if (typeof form.client_id !== "string" || typeof form.client_secret !== "string") {
      return invalid(res, "client_id and client_secret are required.");
    }
    if (
      form.client_id !== state.options.messagingChannelId ||
      form.client_secret !== state.options.channelSecret
    ) {
      res.status(400).json({
        error: "invalid_client",
        error_description: "Invalid client_id or client_secret.",
      });
      return;
    }
    const { token, expiresInSeconds } = state.issueStatelessToken();
    res.set("cache-control", "no-store");
    res.json({ token_type: "Bearer", access_token: token, expires_in: expiresInSeconds });
  });

  return router;
}

function invalid(res: Response, description: string): void {
  res.status(400).json({ error: "invalid_request", error_description: description });
}
