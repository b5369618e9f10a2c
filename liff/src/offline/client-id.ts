/**
 * A form's idempotency key, made when the form is started (see clientIdSchema in core): every
 * retry of the same submission carries it, so the server writes the entry once.
 */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
}
