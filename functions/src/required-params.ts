/**
 * What must be set before the functions can serve anyone. Params without a default are
 * already asked for by `firebase deploy`, but a function started some other way (a copied
 * bundle, a hand-made Cloud Run service, an emulator with a stale .env file) would read "" and
 * send case links nowhere or refuse every LIFF sign-in. Checked once per instance, before the
 * first request (onInit), so the log says which one is missing instead of a vague failure later.
 */
export const REQUIRED_PARAMS = [
  "FUNCTIONS_REGION",
  "LINE_LOGIN_CHANNEL_ID",
  "LIFF_BASE_URL",
] as const;

/**
 * Names of the required settings that are empty in `env`. The channel needs its secret, and a
 * way to get access tokens: its id (stateless tokens) or a long-lived token. Secrets are only
 * in the environment of the functions that list them, so each is checked only where declared.
 */
export function missingParams(
  env: Record<string, string | undefined>,
  secretsDeclared: readonly string[],
): string[] {
  const missing: string[] = REQUIRED_PARAMS.filter(name => !env[name]);
  if (secretsDeclared.includes("LINE_CHANNEL_SECRET") && !env.LINE_CHANNEL_SECRET) {
    missing.push("LINE_CHANNEL_SECRET");
  }
  if (
    secretsDeclared.includes("LINE_CHANNEL_ACCESS_TOKEN") &&
    !env.LINE_CHANNEL_ID &&
    !env.LINE_CHANNEL_ACCESS_TOKEN
  ) {
    missing.push("LINE_CHANNEL_ID or LINE_CHANNEL_ACCESS_TOKEN");
  }
  return missing;
}

export class MissingParamsError extends Error {
  constructor(readonly missing: string[]) {
    super(
      `Missing required parameter(s): ${missing.join(", ")}. Set params in ` +
        "functions/.env.<project-id> and secrets with `firebase functions:secrets:set <NAME>`, " +
        "then redeploy (docs/OPERATIONS.md, “Parameters and secrets”).",
    );
    this.name = "MissingParamsError";
  }
}

/** Throws a MissingParamsError naming every required setting that is empty. */
export function assertParams(
  env: Record<string, string | undefined>,
  secretsDeclared: readonly string[],
): void {
  const missing = missingParams(env, secretsDeclared);
  if (missing.length > 0) throw new MissingParamsError(missing);
}
