import * as z from "zod/mini";

/**
 * The LINE stand-in's /sim API (local stack only): the people one can be, and ID tokens for
 * them that the stand-in's verify endpoint accepts, exactly as LINE's would.
 */
export const simUserSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  language: z.optional(z.enum(["th", "en"])),
});
export type SimUser = z.infer<typeof simUserSchema>;

const idTokenSchema = z.object({ idToken: z.string(), expiresAt: z.string() });
export type SimIdToken = z.infer<typeof idTokenSchema>;

async function call<T>(url: string, schema: z.ZodMiniType<T>, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method: body === undefined ? "GET" : "POST",
    ...(body !== undefined && {
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return schema.parse(await response.json());
}

export function createSimulatorClient(baseUrl: string) {
  return {
    listUsers: async (): Promise<SimUser[]> =>
      (await call(`${baseUrl}/sim/users`, z.object({ users: z.array(simUserSchema) }))).users,
    createUser: async (displayName: string, language: "th" | "en"): Promise<SimUser> => {
      const { userId } = await call(`${baseUrl}/sim/users`, z.object({ userId: z.string() }), {
        displayName,
        language,
      });
      return { userId, displayName, language };
    },
    idToken: (userId: string): Promise<SimIdToken> =>
      call(`${baseUrl}/sim/users/${encodeURIComponent(userId)}/id-token`, idTokenSchema, {}),
  };
}
export type SimulatorClient = ReturnType<typeof createSimulatorClient>;

/**
 * The ID token index.html asked the stand-in for while the app downloaded (vite.config.ts,
 * `simulatorIdToken`), if it was for `userId`: taken once, then asked for as usual.
 */
export async function takeEarlyIdToken(userId: string): Promise<SimIdToken | null> {
  const holder = window as { saSimIdToken?: Promise<unknown> };
  const early = holder.saSimIdToken;
  delete holder.saSimIdToken;
  const answer = z
    .object({ userId: z.literal(userId), token: idTokenSchema })
    .safeParse(await early?.catch(() => null));
  return answer.success ? answer.data.token : null;
}
