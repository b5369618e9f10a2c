import type { Case } from "@sa/core";
import type { Account, StaffScope } from "../repositories/users";

/** The cases an account answers for as staff: a province, the country, or none at all. */
export type CaseScope = StaffScope | { kind: "none" };

/**
 * Staff scope, failing closed: admins are national; approved staff have the scope on their
 * record; staff whose scope is missing or unreadable have none (and it is logged, ids only, so
 * that an admin can fix the record). Everyone else has none.
 */
export function scopeOf(account: Account): CaseScope {
  if (account.role === "admin") return { kind: "national" };
  if (account.role !== "staff" || account.registration !== "approved") return { kind: "none" };
  if (account.scope) return account.scope;
  console.warn(
    "staff account without a scope sees nothing",
    JSON.stringify({ user: account.userId }),
  );
  return { kind: "none" };
}

/** Whether the scope covers a case (by the province of its place; unplaced cases are national). */
export function scopeCovers(scope: CaseScope, report: Case): boolean {
  if (scope.kind === "national") return true;
  if (scope.kind === "none") return false;
  return report.location?.area?.provinceCode === scope.provinceCode;
}

export function isApprovedVolunteer(account: Account): boolean {
  return account.role === "volunteer" && account.registration === "approved";
}

function isAssignedVolunteer(account: Account, report: Case): boolean {
  return isApprovedVolunteer(account) && report.assignee?.userId === account.userId;
}

/**
 * Least access, in one place: a volunteer sees only the cases assigned to them; staff the cases
 * their scope covers; admins all. Anyone not approved sees nothing.
 */
export function canSee(account: Account, report: Case): boolean {
  return isAssignedVolunteer(account, report) || scopeCovers(scopeOf(account), report);
}

/** Every kind of change to a case, by who makes it. */
export type ChangeKind =
  /** A volunteer's (or staff member's) work: visit, assistance, referral, status. */
  | "work"
  /** Staff: take the case, assign a volunteer, change its status. */
  | "manage"
  /** The citizen who reported it: solved / not solved, rating. */
  | "feedback";

/** Who may make which change: the table the routes and the chat share. */
const CAN_CHANGE: Record<ChangeKind, (account: Account, report: Case) => boolean> = {
  work: (account, report) => canSee(account, report),
  manage: (account, report) => scopeCovers(scopeOf(account), report),
  feedback: (account, report) => report.reporter.lineUserId === account.userId,
};

export function canChange(account: Account, report: Case, kind: ChangeKind): boolean {
  return CAN_CHANGE[kind](account, report);
}

/**
 * Target households follow the same rule as cases: staff manage those of the province their
 * scope covers (national staff and admins, all); a volunteer sees and visits only the
 * households assigned to them, while they are approved.
 */
export function canManageHouseholdsOf(account: Account, provinceCode: string): boolean {
  const scope = scopeOf(account);
  return (
    scope.kind === "national" || (scope.kind === "province" && scope.provinceCode === provinceCode)
  );
}

export function canVisitHousehold(
  account: Account,
  household: { provinceCode: string; assignee: { userId: string } | null },
): boolean {
  return (
    (isApprovedVolunteer(account) && household.assignee?.userId === account.userId) ||
    canManageHouseholdsOf(account, household.provinceCode)
  );
}

/**
 * Who may be given an area's households: an approved volunteer registered in that same
 * sub-district (they know its villages).
 */
export function servesSubDistrict(volunteer: Account, subDistrictCode: string): boolean {
  return isApprovedVolunteer(volunteer) && volunteer.area?.subDistrictCode === subDistrictCode;
}
