import { meSchema, type Me } from "@sa/core";
import { useLiff } from "../liff/liff-context";
import type { ApiClient } from "./api-client";
import { getMe } from "./endpoints";
import { useResource, type Resource } from "./use-resource";

/**
 * One `GET /api/me` for every component that asks at the same moment (the title, the nav and
 * the page each do on the first screen): on a slow link each extra request shares the
 * bandwidth, and the screen waits for the slowest.
 */
const asking = new WeakMap<ApiClient, Promise<Me>>();
function sharedMe(api: ApiClient): Promise<Me> {
  let answer = asking.get(api);
  if (!answer) {
    answer = getMe(api).finally(() => asking.delete(api));
    asking.set(api, answer);
  }
  return answer;
}

/** Who I am to the API (role, area), kept on the phone so it is known offline too. */
export function useMe(): Resource<Me> {
  const { api, auth } = useLiff();
  return useResource(() => sharedMe(api), [api], { key: `sa.${auth.userId}.me`, schema: meSchema });
}

export const isStaff = (me: Me | undefined): boolean =>
  me?.role === "staff" || me?.role === "admin";
