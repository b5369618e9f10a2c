import { z } from "zod";

/**
 * Read at run time from /liff-config.json, so one build serves production (a real LIFF id)
 * and the local stack (LIFF mocked, ID tokens from the LINE stand-in).
 */
export const liffConfigSchema = z.discriminatedUnion("mock", [
  z.object({ mock: z.literal(false), liffId: z.string().min(1) }),
  z.object({ mock: z.literal(true), liffId: z.string().min(1), lineSimulatorUrl: z.url() }),
]);
export type LiffConfig = z.infer<typeof liffConfigSchema>;
export type MockLiffConfig = Extract<LiffConfig, { mock: true }>;

let loading: Promise<LiffConfig> | undefined;

/** Fetched once per page load (main.tsx starts it early); fetched again after a failure. */
export function loadLiffConfig(): Promise<LiffConfig> {
  loading ??= (async () => {
    const response = await fetch("/liff-config.json", { cache: "no-store" });
    if (!response.ok) throw new Error(`liff-config.json: HTTP ${response.status}`);
    return liffConfigSchema.parse(await response.json());
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
