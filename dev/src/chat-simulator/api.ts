/** A JSON call to the stand-in that served this page; `data` is null when the body is not JSON. */
export async function simApi<T>(
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): Promise<{ ok: boolean; status: number; data: T | null; error: string | undefined }> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.headers = { "content-type": "application/json" };
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  const data = (await res.json().catch(() => null)) as (T & { error?: unknown }) | null;
  const error = data && typeof data.error === "string" ? data.error : undefined;
  return { ok: res.ok, status: res.status, data, error };
}

export function clockOf(iso?: string): string {
  const d = iso ? new Date(iso) : new Date();
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}
