import { useCallback, useRef, useState } from "preact/hooks";
import * as z from "zod/mini";
import { readJson, removeKey, writeJson } from "../storage/local-json";
import { newClientId } from "./client-id";

export interface Draft<T> {
  clientId: string;
  startedAt: string;
  data: T;
}

/**
 * A form's answers, saved on every change so that nothing typed is lost when LINE is closed,
 * the phone locks or the signal drops. The clientId is made once, when the form starts, and
 * travels with the submission (see Outbox).
 */
export function useDraft<T>(
  key: string,
  schema: z.ZodMiniType<T>,
  initial: () => T,
): {
  draft: Draft<T>;
  update(change: (data: T) => T): void;
  discard(): void;
  /** False when the last change could not be saved (storage full). */
  saved: boolean;
} {
  const draftSchema = z.object({ clientId: z.string(), startedAt: z.string(), data: schema });
  const [draft, setDraft] = useState<Draft<T>>(
    () =>
      (readJson(key, draftSchema) as Draft<T> | undefined) ?? {
        clientId: newClientId(),
        startedAt: new Date().toISOString(),
        data: initial(),
      },
  );
  const [saved, setSaved] = useState(true);
  // Several fields may change before the next render (a select resetting the one below it).
  const latest = useRef(draft);

  const update = useCallback(
    (change: (data: T) => T) => {
      const next = { ...latest.current, data: change(latest.current.data) };
      latest.current = next;
      setDraft(next);
      setSaved(writeJson(key, next));
    },
    [key],
  );

  const discard = useCallback(() => removeKey(key), [key]);
  return { draft, update, discard, saved };
}
