import { useState } from "preact/hooks";
import * as z from "zod/mini";
import { isRetryable } from "../api/api-error";
import { newClientId } from "../offline/client-id";
import { readJson, removeKey, writeJson } from "../storage/local-json";

const pendingSchema = z.object({ clientId: z.string(), body: z.string() });

/**
 * Sends one staff decision (assign, change status) now, not through the outbox: a decision is
 * made on what the case looks like now, and the server may refuse it (409) when the case moved
 * on, so the person must see the answer while they are still on the case. A queued change sent
 * hours later could undo someone else's newer one.
 *
 * Retries are still safe: the same decision sent again (after no answer came back, even after a
 * reload) carries the same clientId, kept on the phone until the server has answered, so the
 * server writes it once. A different decision gets a new clientId.
 */
export function useRetrySafe<B>(key: string, send: (clientId: string, body: B) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  /** True once the server has it; otherwise the error is shown and also returned. */
  const submit = async (body: B): Promise<{ sent: true } | { sent: false; error: unknown }> => {
    const text = JSON.stringify(body);
    const pending = readJson(key, pendingSchema);
    const clientId = pending?.body === text ? pending.clientId : newClientId();
    writeJson(key, { clientId, body: text });
    setBusy(true);
    setError(undefined);
    try {
      await send(clientId, body);
      removeKey(key);
      return { sent: true };
    } catch (failure) {
      // Refused (400, 403, 409): nothing was written, and sending it again would not help.
      if (!isRetryable(failure)) removeKey(key);
      setError(failure);
      return { sent: false, error: failure };
    } finally {
      setBusy(false);
    }
  };

  return { submit, busy, error, clearError: () => setError(undefined) };
}
