import { useMemo } from "preact/hooks";
import * as z from "zod/mini";
import { meSchema, type Me } from "@sa/core";
import { useLiff } from "../liff/liff-context";
import { readJson } from "../storage/local-json";
import type { ApiClient } from "./api-client";
import { getMe } from "./endpoints";
import { useResource, type Resource } from "./use-resource";
import { personKey } from "../storage/phone-keys";

/**
 * One `GET /api/me` for every component that asks at the same moment (the title, the nav and
 * the page each do on the first screen): on a slow link each extra request shares the
 * bandwidth, and the screen waits for the slowest. An answer is also shared for a moment after
 * it came: the staff nav appears only once the home knows the role, and asked again then, as
 * the second request on every staff member's first screen beside the queue's.
 */
const FRESH_MS = 3_000;
const asking = new WeakMap<ApiClient, Promise<Me>>();
function sharedMe(api: ApiClient): Promise<Me> {
  let answer = asking.get(api);
  if (!answer) {
    const forget = () => asking.delete(api);
    answer = getMe(api).then(
      me => {
        setTimeout(forget, FRESH_MS);
        return me;
      },
      (error: unknown) => {
        forget();
        throw error;
      },
    );
    asking.set(api, answer);
  }
  return answer;
}

const meKey = (userId: string) => personKey(userId, "me");

/** Who I am to the API (role, area), kept on the phone so it is known offline too. */
export function useMe(): Resource<Me> {
  const { api, auth } = useLiff();
  return useResource(() => sharedMe(api), [api], { key: meKey(auth.userId), schema: meSchema });
}

/**
 * Who this person was the last time `/api/me` answered on this phone: lets the home screen
 * start (and ask for its data) while `/api/me` is asked again, a round trip less on a slow
 * link. Only a guess of which screen to show: every call it makes is decided by the server
 * for the caller as they are now, and the answer of `/api/me` replaces it.
 */
export function useSavedMe(): Me | undefined {
  const { auth } = useLiff();
  return useMemo(
    () => readJson(meKey(auth.userId), z.object({ savedAt: z.string(), data: meSchema }))?.data,
    [auth.userId],
  );
}

export const isStaff = (me: Me | undefined): boolean =>
  me?.role === "staff" || me?.role === "admin";
