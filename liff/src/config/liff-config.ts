import * as z from "zod/mini";

/**
 * Read at run time from /liff-config.json, so one build serves production (a real LIFF id)
 * and the local stack (LIFF mocked, ID tokens from the LINE stand-in).
 */
const lineConfigSchema = z.object({
  mock: z.literal(false),
  liffId: z.string().check(z.minLength(1)),
});
/** A function, so that the production build (which never calls it) carries no trace of it. */
const mockConfigSchema = () =>
  z.object({
    mock: z.literal(true),
    liffId: z.string().check(z.minLength(1)),
    lineSimulatorUrl: z.url(),
  });
export type MockLiffConfig = z.infer<ReturnType<typeof mockConfigSchema>>;
export type LiffConfig = z.infer<typeof lineConfigSchema> | MockLiffConfig;

let loading: Promise<LiffConfig> | undefined;

/** Fetched once per page load (main.tsx starts it early); fetched again after a failure. */
export function loadLiffConfig(): Promise<LiffConfig> {
  loading ??= (async () => {
    // index.html started it while parsing (see vite.config.ts); used once, then fetched anew.
    const early = (window as { saLiffConfig?: Promise<Response> }).saLiffConfig;
    delete (window as { saLiffConfig?: unknown }).saLiffConfig;
    const response = await (early ?? fetch("/liff-config.json", { cache: "no-store" }));
    if (!response.ok) throw new Error(`liff-config.json: HTTP ${response.status}`);
    // A production build cannot run mocked: a stray local config fails here, by name.
    const schema: z.ZodMiniType<LiffConfig> = import.meta.env.SIMULATOR_BUILD
      ? z.discriminatedUnion("mock", [lineConfigSchema, mockConfigSchema()])
      : lineConfigSchema;
    return schema.parse(await response.json());
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
