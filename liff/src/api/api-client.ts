import type * as z from "zod/mini";
import { homeSchema, type Language } from "@sa/core";
import type { Auth } from "../liff/auth";
import {
  ApiError,
  apiErrorBodySchema,
  BadResponseError,
  isAccountDisabled,
  NetworkError,
} from "./api-error";

export interface ApiClient {
  get<T>(path: string, schema: z.ZodMiniType<T>): Promise<T>;
  post<T>(
    path: string,
    body: unknown,
    schema: z.ZodMiniType<T>,
  ): Promise<{ status: number; data: T }>;
  put<T>(path: string, body: unknown, schema: z.ZodMiniType<T>): Promise<T>;
  blob(path: string): Promise<Blob>;
  /**
   * GET /api/home: who I am (GET /api/me's answer), with the answers the home screen would ask
   * for next (homeSchema). A later `get` of one of those paths takes its answer instead of
   * asking (once, while fresh), and every `get` asked while it is on its way waits for it, since
   * it may carry the answer. Asked again while on its way, it is the same request.
   */
  home(): Promise<void>;
  /**
   * Resolves once a request has been answered and no other has been asked for `forMs` after
   * it: the screen has what it asked for (a screen asks for its data as it renders, once the
   * answer before told it what to show), and a slow link is free for anything else.
   */
  quiet(forMs: number): Promise<void>;
}

/**
 * Half a second without a request (`quiet`): the first screen has rendered what its last answer
 * told it to, and a slow link is free for what comes after it (the later pages, the LIFF SDK).
 */
export const SCREEN_SETTLED_MS = 500;

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
  let waiting = 0;
  let quietTimers: (() => void)[] = [];
  let whenQuiet: { forMs: number; resolve: () => void }[] = [];
  /** Counts a call as waiting until its body has been read, whatever the outcome. */
  const tracked = async <T>(call: () => Promise<T>): Promise<T> => {
    waiting++;
    for (const cancel of quietTimers.splice(0)) cancel();
    try {
      return await call();
    } finally {
      if (--waiting === 0) {
        quietTimers = whenQuiet.map(waiter => {
          const timer = setTimeout(() => {
            whenQuiet = whenQuiet.filter(other => other !== waiter);
            waiter.resolve();
          }, waiter.forMs);
          return () => clearTimeout(timer);
        });
      }
    }
  };

  /** `sent`: the same request, already on its way (sendHomeEarly); answered as if sent here. */
  const send = async (
    path: string,
    init: RequestInit,
    renewed = false,
    sent?: Promise<Response>,
  ): Promise<Response> => {
    let response: Response;
    try {
      response = await (sent ??
        fetch(path, {
          ...init,
          headers: {
            ...(init.headers as Record<string, string>),
            ...signedHeaders(auth, language()),
          },
        }));
    } catch (error) {
      throw new NetworkError(String(error));
    }
    // Sent before this client existed (sendHomeEarly), perhaps with the token kept from the last
    // open: when that one is no longer good, ask again with this open's before renewing.
    if (response.status === 401 && sent) return send(path, init, renewed);
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

  const json = async <T>(response: Response, schema: z.ZodMiniType<T>): Promise<T> => {
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new NetworkError(String(error));
    }
    return parse(body, schema);
  };

  const carried = new Map<string, { body: unknown; until: number }>();
  let homeOnItsWay: Promise<void> | undefined;
  const takeCarried = (path: string) => {
    const answer = carried.get(path);
    carried.delete(path);
    return answer && answer.until >= Date.now() ? answer : undefined;
  };

  const write = (method: "POST" | "PUT", path: string, body: unknown) => {
    // What the home carried is what those GETs answered then: a change makes it old news.
    carried.clear();
    return send(path, {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  };

  return {
    get: (path, schema) =>
      tracked(async () => {
        if (homeOnItsWay) await homeOnItsWay.catch(() => undefined);
        const answer = takeCarried(path);
        if (answer) return parse(answer.body, schema);
        return json(await send(path, { method: "GET" }), schema);
      }),
    home: () => {
      if (homeOnItsWay) return homeOnItsWay;
      const asking = tracked(async () => {
        const early = homeSentEarly?.userId === auth.userId ? homeSentEarly.response : undefined;
        homeSentEarly = undefined;
        const home = await json(
          await send("/api/home", { method: "GET" }, false, early),
          homeSchema,
        );
        const until = Date.now() + CARRIED_FRESH_MS;
        const answers = { ...home.answers, "/api/me": home.me };
        for (const [path, body] of Object.entries(answers)) carried.set(path, { body, until });
      });
      homeOnItsWay = asking;
      const done = () => {
        if (homeOnItsWay === asking) homeOnItsWay = undefined;
      };
      asking.then(done, done);
      return asking;
    },
    post: (path, body, schema) =>
      tracked(async () => {
        const response = await write("POST", path, body);
        return { status: response.status, data: await json(response, schema) };
      }),
    put: (path, body, schema) => tracked(async () => json(await write("PUT", path, body), schema)),
    blob: path =>
      tracked(async () => {
        const response = await send(path, { method: "GET" });
        try {
          return await response.blob();
        } catch (error) {
          throw new NetworkError(String(error));
        }
      }),
    quiet: forMs => new Promise(resolve => void whenQuiet.push({ forMs, resolve })),
  };
}

/** Who is asking, and in which language the answer's texts should be. */
function signedHeaders(auth: Auth, language: Language): Record<string, string> {
  return { authorization: `Bearer ${auth.idToken() ?? ""}`, "accept-language": language };
}

let homeSentEarly: { userId: string; response: Promise<Response> } | undefined;

/**
 * Sends `GET /api/home` for `auth`'s person before any API client exists (liff-start.ts: as
 * soon as LIFF knows who it is). That person's client takes it, once, as its `home()`. Most
 * often index.html's inline script has sent it already (liff/vite.config.ts), with the ID token
 * LINE put in the URL or the one kept from the last open (liff/kept-id-token.ts): that request
 * is taken instead when it was sent for this same person, and left unread otherwise.
 */
export function sendHomeEarly(auth: Auth, language: Language): void {
  const page = window as { saEarlyHome?: { userId: string; response: Promise<Response> } };
  const sentByPage = page.saEarlyHome;
  delete page.saEarlyHome;
  const response =
    sentByPage?.userId === auth.userId
      ? sentByPage.response
      : fetch("/api/home", { headers: signedHeaders(auth, language) });
  // Taken and read by the client; a failure is handled there, as any request's would be.
  response.catch(() => undefined);
  homeSentEarly = { userId: auth.userId, response };
}

/** A carried answer not taken by then is old news: the page asks for itself. */
const CARRIED_FRESH_MS = 10_000;

function parse<T>(body: unknown, schema: z.ZodMiniType<T>): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new BadResponseError(parsed.error.message);
  return parsed.data;
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
