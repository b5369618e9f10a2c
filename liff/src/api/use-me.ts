import { meSchema, type Me } from "@sa/core";
import { useLiff } from "../liff/liff-context";
import { getMe } from "./endpoints";
import { useResource, type Resource } from "./use-resource";

/** Who I am to the API (role, area), kept on the phone so it is known offline too. */
export function useMe(): Resource<Me> {
  const { api, auth } = useLiff();
  return useResource(() => getMe(api), [api], { key: `sa.${auth.userId}.me`, schema: meSchema });
}

export const isStaff = (me: Me | undefined): boolean =>
  me?.role === "staff" || me?.role === "admin";
