import * as z from "zod/mini";

/**
 * A copy of `schema` with the text the API's JSON Schema shows for it (the eligibility check's
 * documentation); the schema passed in is left as it is, since other fields share it. The LIFF
 * build empties these texts (liff/vite.config.ts): a phone never shows them, so there it gets
 * the schema itself, without a copy to build and register as the app loads.
 */
export function described<T extends z.ZodMiniType>(description: string, schema: T): T {
  if (description === "") return schema;
  const copy = schema.clone();
  z.globalRegistry.add(copy, { description });
  return copy;
}
