import { useState } from "preact/hooks";
import * as z from "zod/mini";
import { parseThaiPhone, registrationSchema, type Me } from "@sa/core";
import { ApiError, NetworkError } from "../../api/api-error";
import { registerVolunteer } from "../../api/endpoints";
import { ErrorSummary } from "../../components/error-summary";
import { TextField } from "../../components/field/text-field";
import { useLanguage } from "../../i18n/language-context";
import type { LiffKey } from "../../i18n/catalog";
import { useLiff } from "../../liff/liff-context";
import { useDraft } from "../../offline/use-draft";
import { firstPerTarget, type Problem } from "../../forms/problems";
import { AreaSelects } from "./area-selects";
import "../../i18n/casework-strings";
import { personKey } from "../../storage/phone-keys";

const registrationFormSchema = z.object({
  name: z.string(),
  phone: z.string(),
  provinceCode: z.string(),
  districtCode: z.string(),
  subDistrictCode: z.string(),
  volunteerNumber: z.string(),
});
type RegistrationForm = z.infer<typeof registrationFormSchema>;

const FIELD_PROBLEMS: Record<string, Problem> = {
  name: { target: "reg-name", key: "registration.errors.name" },
  phone: { target: "reg-phone", key: "registration.errors.phone" },
  subDistrictCode: { target: "reg-subdistrict", key: "registration.errors.area" },
  volunteerNumber: { target: "reg-number", key: "registration.errors.volunteerNumber" },
};
/** Mistakes are listed in the order of the fields on screen. */
const FIELD_ORDER = Object.values(FIELD_PROBLEMS).map(p => p.target);
const OTHER_PROBLEM: Problem = { target: "registration-form", key: "registration.errors.other" };

/** A volunteer (อพม.) asks to use the app; staff of their province approve them. */
export function RegistrationForm({ onRegistered }: { onRegistered: (me: Me) => void }) {
  const { t } = useLanguage();
  const { api, auth } = useLiff();
  const { draft, update, discard } = useDraft<RegistrationForm>(
    personKey(auth.userId, "draft.registration"),
    registrationFormSchema,
    () => ({
      name: auth.displayName,
      phone: "",
      provinceCode: "",
      districtCode: "",
      subDistrictCode: "",
      volunteerNumber: "",
    }),
  );
  const form = draft.data;
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<LiffKey | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (change: Partial<RegistrationForm>) => update(current => ({ ...current, ...change }));
  const problemFor = (target: string) => {
    const problem = problems.find(p => p.target === target);
    return problem && t(problem.key);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const phone = parseThaiPhone(form.phone);
    const parsed = registrationSchema.safeParse({
      name: form.name,
      phone: phone ?? form.phone,
      subDistrictCode: form.subDistrictCode,
      volunteerNumber: form.volunteerNumber,
    });
    const found: Problem[] = [];
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        found.push(FIELD_PROBLEMS[String(issue.path[0])] ?? OTHER_PROBLEM);
    if (!phone) found.push(FIELD_PROBLEMS.phone!);
    const ordered = firstPerTarget(found).sort(
      (a, b) => FIELD_ORDER.indexOf(a.target) - FIELD_ORDER.indexOf(b.target),
    );
    setProblems(ordered);
    setAttempt(n => n + 1);
    if (!parsed.success || ordered.length > 0) return;

    setBusy(true);
    try {
      const me = await registerVolunteer(api, parsed.data);
      discard();
      onRegistered(me);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.body.errors) {
        setProblems(
          firstPerTarget(error.body.errors.map(e => FIELD_PROBLEMS[e.field] ?? OTHER_PROBLEM)),
        );
        setAttempt(n => n + 1);
      } else {
        setFailure(error instanceof NetworkError ? "registration.offline" : "problem.genericBody");
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form id="registration-form" class="card" onSubmit={submit} noValidate>
      <h2>{t("registration.title")}</h2>
      <p class="hint">{t("registration.intro")}</p>
      <ErrorSummary
        attempt={attempt}
        errors={problems.map(p => ({ target: p.target, message: t(p.key) }))}
      />
      <TextField
        id="reg-name"
        label={t("registration.name")}
        autoComplete="name"
        value={form.name}
        error={problemFor("reg-name")}
        onInput={name => set({ name })}
      />
      <TextField
        id="reg-phone"
        label={t("registration.phone")}
        hint={t("registration.phoneHint")}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        value={form.phone}
        error={problemFor("reg-phone")}
        onInput={phone => set({ phone })}
      />
      <AreaSelects
        value={form}
        error={problemFor("reg-subdistrict")}
        onChange={codes => set(codes)}
      />
      <TextField
        id="reg-number"
        label={t("registration.volunteerNumber")}
        hint={t("registration.volunteerNumberHint")}
        value={form.volunteerNumber}
        error={problemFor("reg-number")}
        onInput={volunteerNumber => set({ volunteerNumber })}
      />
      {failure && (
        <p class="notice error" role="alert">
          {t(failure)}
        </p>
      )}
      <button type="submit" class="button primary" disabled={busy}>
        {busy ? t("common.sending") : t("registration.submit")}
      </button>
    </form>
  );
}
