import * as z from "zod/mini";

// What a case and a target household keep of an open follow-up; the rule is follow-up-rule.ts
// (apart, so that the LIFF app's first screen, which parses these records, carries none of it).

/** An open follow-up on a case or a household; `remindedOn`: Bangkok dates a reminder went. */
export const followUpSchema = z.object({
  /** YYYY-MM-DD, Bangkok calendar. */
  due: z.string(),
  volunteerUserId: z.string(),
  /** For the staff dashboard; follow-ups set before it was kept have none. */
  volunteerName: z.optional(z.string()),
  remindedOn: z.array(z.string()),
});
export type FollowUp = z.infer<typeof followUpSchema>;
