import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A project's params as `firebase deploy` reads them: functions/.env, then
 * functions/.env.<project-id> on top. Secrets are not here: they live in Secret Manager.
 */
export function projectParams(repoRoot: string, projectId: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of [".env", `.env.${projectId}`]) {
    const file = join(repoRoot, "functions", name);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const match = /^\s*([A-Z][A-Z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
      if (match) params[match[1]!] = match[2]!.replace(/^(["'])(.*)\1$/, "$2");
    }
  }
  return params;
}

/** `https://liff.line.me/<liffId>` → the LIFF id; the production LIFF build needs it too. */
export function liffIdOf(liffBaseUrl: string): string | null {
  return /^https:\/\/liff\.line\.me\/([^/?#]+)\/?$/.exec(liffBaseUrl)?.[1] ?? null;
}
