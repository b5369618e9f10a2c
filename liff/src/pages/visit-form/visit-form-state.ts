import * as z from "zod/mini";
import { BENEFIT_IDS, TPMAP_DIMENSIONS, toAsciiDigits } from "@sa/core";
import { parseTypedNumber } from "../../forms/numbers";
import type { Problem } from "../../forms/problems";

const memberSchema = z.object({
  age: z.string(),
  sex: z.enum(["", "female", "male", "other"]),
  disability: z.boolean(),
  chronicIllness: z.boolean(),
  nationalId: z.string(),
  // Drafts saved before this field existed still open.
  receives: z._default(z.array(z.enum(BENEFIT_IDS)), []),
});
export type MemberForm = z.infer<typeof memberSchema>;

const needSchema = z.object({ level: z.enum(["", "none", "some", "urgent"]), note: z.string() });

export const visitFormSchema = z.object({
  step: z.int().check(z.minimum(0)),
  members: z.array(memberSchema),
  housing: z.enum(["", "stable", "needs_repair", "unsafe", "no_home"]),
  monthlyIncome: z.string(),
  needs: z.object({
    health: needSchema,
    living: needSchema,
    education: needSchema,
    income: needSchema,
    access: needSchema,
  }),
  notes: z.string(),
  photos: z.array(z.string()),
  gps: z.nullable(z.object({ latitude: z.number(), longitude: z.number(), accuracy: z.number() })),
  // Drafts saved before the field existed open with it empty.
  nextStep: z._default(
    z.object({ kind: z.enum(["", "follow_up", "none"]), date: z.string(), reason: z.string() }),
    { kind: "", date: "", reason: "" },
  ),
});
export type VisitForm = z.infer<typeof visitFormSchema>;

export const emptyMember = (): MemberForm => ({
  age: "",
  sex: "",
  disability: false,
  chronicIllness: false,
  nationalId: "",
  receives: [],
});

export function emptyVisitForm(): VisitForm {
  const need = { level: "" as const, note: "" };
  return {
    step: 0,
    members: [emptyMember()],
    housing: "",
    monthlyIncome: "",
    needs: { health: need, living: need, education: need, income: need, access: need },
    notes: "",
    photos: [],
    gps: null,
    nextStep: { kind: "", date: "", reason: "" },
  };
}

/** "1-2345-67890-12-3" and Thai digits as people type them, to the 13 digits the API checks. */
export const nationalIdDigits = (text: string) => toAsciiDigits(text).replace(/[\s-]/g, "");

export function visitBody(form: VisitForm, clientId: string, now = new Date()) {
  return {
    clientId,
    visitedAt: now.toISOString(),
    members: form.members.map(m => ({
      age: parseTypedNumber(m.age) ?? Number.NaN,
      sex: m.sex,
      disability: m.disability,
      chronicIllness: m.chronicIllness,
      ...(m.nationalId.trim() && { nationalId: nationalIdDigits(m.nationalId) }),
      ...(m.receives.length > 0 && { receives: m.receives }),
    })),
    housing: form.housing,
    monthlyIncome: parseTypedNumber(form.monthlyIncome) ?? Number.NaN,
    needs: Object.fromEntries(
      TPMAP_DIMENSIONS.map(d => [
        d,
        {
          level: form.needs[d].level,
          ...(form.needs[d].note.trim() && { note: form.needs[d].note.trim() }),
        },
      ]),
    ),
    ...(form.notes.trim() && { notes: form.notes.trim() }),
    ...(form.photos.length > 0 && { photos: form.photos }),
    ...(form.gps && { gps: form.gps }),
    nextStep: nextStepBody(form.nextStep),
  };
}

/** Undefined until chosen: the schema then names the field. */
function nextStepBody(next: VisitForm["nextStep"]) {
  if (next.kind === "follow_up") return { kind: next.kind, date: next.date };
  if (next.kind === "none") return { kind: next.kind, reason: next.reason.trim() };
  return undefined;
}

export const memberFieldId = (index: number, field: keyof MemberForm) => `member-${index}-${field}`;

/** Where a mistake the shared schema found is shown, and what is said about it. */
export function locateVisitProblem(path: string): Problem {
  const member = /^members\.(\d+)\.(age|sex|nationalId)$/.exec(path);
  if (member) {
    const index = Number(member[1]);
    const field = member[2] as "age" | "sex" | "nationalId";
    return {
      target: memberFieldId(index, field),
      key: `visit.errors.${field}`,
      vars: { index: index + 1 },
    };
  }
  if (path === "members") return { target: "members", key: "visit.errors.members" };
  if (path === "housing") return { target: "housing", key: "visit.errors.housing" };
  if (path === "monthlyIncome") return { target: "v-income", key: "visit.errors.income" };
  const need = /^needs\.(\w+)\.(level|note)$/.exec(path);
  if (need)
    return need[2] === "level"
      ? { target: `need-${need[1]}`, key: "visit.errors.need", vars: { dimension: need[1]! } }
      : { target: `need-${need[1]}-note`, key: "forms.errors.tooLong" };
  if (path === "notes") return { target: "v-notes", key: "forms.errors.tooLong" };
  if (path.startsWith("nextStep")) return { target: "v-next-step", key: "visit.errors.nextStep" };
  if (path.startsWith("photos")) return { target: "v-photos", key: "visit.errors.photos" };
  return { target: "case-form", key: "forms.errors.other" };
}

/** Which schema paths each step answers for: "next" checks only the step on screen. */
export const VISIT_STEPS = [
  { key: "members", owns: (path: string) => path.startsWith("members") },
  { key: "home", owns: (path: string) => path === "housing" || path === "monthlyIncome" },
  { key: "needs", owns: (path: string) => path.startsWith("needs") },
  {
    key: "notes",
    owns: (path: string) =>
      path === "notes" ||
      path.startsWith("photos") ||
      path.startsWith("gps") ||
      path.startsWith("nextStep"),
  },
  { key: "review", owns: () => true },
] as const;
