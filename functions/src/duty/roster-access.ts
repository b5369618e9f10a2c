import { NATIONAL_ROSTER } from "../repositories/duty-rosters";
import { scopeOf } from "../cases/case-access";
import type { Account } from "../repositories/users";

/**
 * The one place that decides which duty roster an account maintains: staff their scope's (their
 * province's, or the national one for the 1300 centre); admins their scope's or the national
 * one, or any roster they ask for. Undefined: none — not approved staff, staff without a
 * scope, or another roster than their own.
 */
export function rosterToEdit(account: Account, requested?: string): string | undefined {
  // An admin's own roster is the one of the scope on their record, or else the national one.
  const scope = account.role === "admin" ? (account.scope ?? scopeOf(account)) : scopeOf(account);
  if (scope.kind === "none") return undefined;
  const own = scope.kind === "province" ? scope.provinceCode : NATIONAL_ROSTER;
  if (requested === undefined || requested === own) return own;
  return account.role === "admin" ? requested : undefined;
}
