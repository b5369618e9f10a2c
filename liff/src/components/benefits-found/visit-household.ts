import type { VisitHousehold } from "@sa/core";
import { parseTypedNumber } from "../../forms/numbers";
import { nationalIdDigits, type VisitForm } from "../../pages/visit-form/visit-form-state";

/** What the welfare engine reads from the form: what can be read so far, nothing guessed. */
export function visitHousehold(form: VisitForm): VisitHousehold {
  const income = parseTypedNumber(form.monthlyIncome);
  return {
    members: form.members.map(m => {
      const age = parseTypedNumber(m.age);
      const nationalId = nationalIdDigits(m.nationalId);
      return {
        ...(age !== undefined && !Number.isNaN(age) && { age }),
        disability: m.disability,
        ...(nationalId && { nationalId }),
        receives: m.receives,
      };
    }),
    ...(income !== undefined && !Number.isNaN(income) && { monthlyIncome: income }),
  };
}
