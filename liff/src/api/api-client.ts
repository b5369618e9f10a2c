import type { z } from "zod";
import type { Language } from "@sa/core";
import type { Auth } from "../liff/auth";
import {
  ApiError,
  apiErrorBodySchema,
  BadResponseError,
  isAccountDisabled,
  NetworkError,
} from "./api-error";

export interface ApiClient {
  get<T>(path: string, schema: z.ZodType<T>): Promise<T>;
  post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<{ status: number; data: T }>;
  put<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  blob(path: string): Promise<Blob>;
}

/**
 * Calls `/api/...` on the app's own origin (Hosting rewrites it to the `api` function) with
 * the LIFF ID token. On a 401 it renews the token once and tries again; a 403 saying the account
 * is disabled calls `onAccountDisabled` (which clears the phone's store).
 */
export function createApiClient(
  auth: Auth,
  language: () => Language,
  onAccountDisabled?: () => void,
): ApiClient {
  const send = async (path: string, init: RequestInit, renewed = false): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(path, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          authorization: `Bearer ${auth.idToken() ?? ""}`,
          "accept-language": language(),
        },
      });
    } catch (error) {
      throw new NetworkError(String(error));
    }
    if (response.status === 401 && !renewed && (await auth.renew())) {
      return send(path, init, true);
    }
    if (!response.ok) {
      const error = new ApiError(response.status, await errorBody(response));
      if (isAccountDisabled(error)) onAccountDisabled?.();
      throw error;
    }
    return response;
  };

  const json = async <T>(response: Response, schema: z.ZodType<T>): Promise<T> => {
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new NetworkError(String(error));
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new BadResponseError(parsed.error.message);
    return parsed.data;
  };

  const write = (method: "POST" | "PUT", path: string, body: unknown) =>
    send(path, {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  return {
    get: async (path, schema) => json(await send(path, { method: "GET" }), schema),
    post: async (path, body, schema) => {
      const response = await write("POST", path, body);
      return { status: response.status, data: await json(response, schema) };
    },
    put: async (path, body, schema) => json(await write("PUT", path, body), schema),
    blob: async path => {
      const response = await send(path, { method: "GET" });
      try {
        return await response.blob();
      } catch (error) {
        throw new NetworkError(String(error));
      }
    },
  };
}

async function errorBody(response: Response) {
  try {
    const parsed = apiErrorBodySchema.safeParse(await response.json());
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON (a proxy's HTML page): fall through to a generic body.
  }
  return { message: response.statusText || `HTTP ${response.status}` };
}
