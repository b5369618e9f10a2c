import { NATIONAL_ROSTER } from "../repositories/duty-rosters";
import type { Account } from "../repositories/users";

/**
 * The one place that decides which duty roster an account maintains: staff their province's,
 * staff with no area (today, the 1300 centre) the national one; admins likewise, or any roster
 * they ask for. Undefined: none — not approved staff, or another roster than their own.
 */
export function rosterToEdit(account: Account, requested?: string): string | undefined {
  const staff =
    account.role === "admin" || (account.role === "staff" && account.registration === "approved");
  if (!staff) return undefined;
  const own = account.area ? account.area.provinceCode : NATIONAL_ROSTER;
  if (requested === undefined || requested === own) return own;
  return account.role === "admin" ? requested : undefined;
}
