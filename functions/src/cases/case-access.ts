import type { Report } from "@sa/core";
import type { Account } from "../repositories/users";

/**
 * Least access: a volunteer sees only the cases assigned to them; staff see the cases of their
 * province (staff with no area are the national 1300 centre and see every case); admins see all.
 * Anyone not approved sees nothing.
 */
export function canSeeCase(account: Account, report: Report): boolean {
  if (account.role === "admin") return true;
  if (account.registration !== "approved") return false;
  if (account.role === "volunteer") return report.assignee?.userId === account.userId;
  if (account.role === "staff") {
    if (!account.area) return true;
    return report.location?.area?.provinceCode === account.area.provinceCode;
  }
  return false;
}

export function isApprovedVolunteer(account: Account): boolean {
  return account.role === "volunteer" && account.registration === "approved";
}
