import { useState } from "preact/hooks";
import { REPORT_CATEGORIES } from "@sa/core";
import { ApiError } from "../../api/api-error";
import { getRouting, saveRouting, type RoutingEntry } from "../../api/staff-endpoints";
import { useResource } from "../../api/use-resource";
import { ErrorSummary } from "../../components/error-summary";
import { ChoiceGroup } from "../../components/field/choice-group";
import { TextField } from "../../components/field/text-field";
import { Loading } from "../../components/loading";
import { ProblemScreen } from "../../components/status-screen";
import { parseTypedNumber } from "../../forms/numbers";
import type { Problem } from "../../forms/problems";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";
import { NotFoundPage } from "../not-found";
import { ROUTING_ID, routingName, useProvinces } from "../staff-routing/province-names";
import "../../i18n/office-strings";

interface StaffRow {
  userId: string;
  categories: string[];
}
interface RoutingForm {
  staff: StaffRow[];
  escalation: string;
  urgent: string;
  normal: string;
}

/** The server's defaults for a new entry (functions/src/routing/routing-table.ts). */
const NEW_ENTRY: RoutingEntry = {
  staff: [],
  escalation: [],
  ackMinutes: { urgent: 15, normal: 24 * 60 },
};
const LINE_USER_ID = /^U[0-9a-f]{32}$/;

const toForm = (entry: RoutingEntry): RoutingForm => ({
  staff: entry.staff.map(s => ({ userId: s.userId, categories: s.categories ?? [] })),
  escalation: entry.escalation.join("\n"),
  urgent: String(entry.ackMinutes.urgent),
  normal: String(entry.ackMinutes.normal),
});

/** The entry to save, or the mistakes in the order they are on screen. */
function check(form: RoutingForm): { entry?: RoutingEntry; problems: Problem[] } {
  const problems: Problem[] = [];
  form.staff.forEach((s, i) => {
    if (!LINE_USER_ID.test(s.userId.trim()))
      problems.push({
        target: `staff-${i}-user`,
        key: "staff.routing.errors.userId",
        vars: { index: i + 1 },
      });
  });
  const escalation = form.escalation
    .split(/[\s,]+/)
    .map(id => id.trim())
    .filter(Boolean);
  const wrong = escalation.find(id => !LINE_USER_ID.test(id));
  if (wrong)
    problems.push({
      target: "routing-escalation",
      key: "staff.routing.errors.escalation",
      vars: { id: wrong },
    });
  const urgent = parseTypedNumber(form.urgent);
  const normal = parseTypedNumber(form.normal);
  for (const [target, value] of [
    ["routing-urgent", urgent],
    ["routing-normal", normal],
  ] as const) {
    if (value === undefined || !(value > 0))
      problems.push({ target, key: "staff.routing.errors.minutes" });
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    entry: {
      staff: form.staff.map(s => ({
        userId: s.userId.trim(),
        ...(s.categories.length > 0 && { categories: s.categories }),
      })),
      escalation,
      ackMinutes: { urgent: urgent!, normal: normal! },
    },
  };
}

/** Admin: edit (or create) one routing entry. */
export function StaffRoutingEntryPage({ id }: { id: string }) {
  const { t } = useLanguage();
  const { api } = useLiff();
  const routing = useResource(() => getRouting(api), [api]);
  if (!ROUTING_ID.test(id)) return <NotFoundPage />;
  if (routing.error !== undefined)
    return (
      <ProblemScreen
        error={routing.error}
        onRetry={routing.reload}
        backHref="/staff/routing"
        forbidden={[t("staff.adminOnlyTitle"), t("staff.adminOnlyBody")]}
      />
    );
  if (!routing.data) return <Loading />;
  const existing = routing.data.find(row => row.id === id);
  return <EntryForm id={id} entry={existing ?? NEW_ENTRY} />;
}

function EntryForm({ id, entry }: { id: string; entry: RoutingEntry }) {
  const { t, language } = useLanguage();
  const { api } = useLiff();
  const provinces = useProvinces(language);
  const [form, setForm] = useState(() => toForm(entry));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<"idle" | "busy" | "saved" | "failed">("idle");
  const name = routingName(id, provinces, t);

  const set = (change: Partial<RoutingForm>) => {
    setForm(current => ({ ...current, ...change }));
    if (state === "saved") setState("idle");
  };
  const setRow = (index: number, change: Partial<StaffRow>) =>
    set({ staff: form.staff.map((row, i) => (i === index ? { ...row, ...change } : row)) });
  const problemFor = (target: string) => {
    const p = problems.find(problem => problem.target === target);
    return p && t(p.key, p.vars);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = check(form);
    setProblems(checked.problems);
    setAttempt(n => n + 1);
    if (!checked.entry) return;
    setState("busy");
    try {
      setForm(toForm(await saveRouting(api, id, checked.entry)));
      setState("saved");
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        setProblems([{ target: "routing-form", key: "staff.routing.errors.other" }]);
        setAttempt(n => n + 1);
        setState("idle");
      } else setState("failed");
    }
  };

  return (
    <form id="routing-form" onSubmit={e => void submit(e)} noValidate>
      <p class="breadcrumb">
        <a href="/staff/routing">{t("staff.routing.back")}</a>
      </p>
      <h1>{t("staff.routing.editTitle", { name })}</h1>
      <ErrorSummary
        attempt={attempt}
        errors={problems.map(p => ({ target: p.target, message: t(p.key, p.vars) }))}
      />
      <section class="card" aria-labelledby="routing-staff">
        <h2 id="routing-staff">{t("staff.routing.staff")}</h2>
        {form.staff.map((row, index) => (
          <fieldset class="member" key={index}>
            <legend>{t("staff.routing.staffMember", { index: index + 1 })}</legend>
            <TextField
              id={`staff-${index}-user`}
              label={t("staff.routing.userId")}
              hint={t("staff.routing.userIdHint")}
              value={row.userId}
              error={problemFor(`staff-${index}-user`)}
              onInput={userId => setRow(index, { userId })}
            />
            <ChoiceGroup
              name={`staff-${index}-categories`}
              legend={t("staff.routing.categories")}
              hint={t("staff.routing.categoriesHint")}
              multiple
              options={REPORT_CATEGORIES.map(c => ({ value: c, label: t(`category.${c}`) }))}
              selected={row.categories}
              onToggle={(category, checked) =>
                setRow(index, {
                  categories: checked
                    ? [...row.categories, category]
                    : row.categories.filter(c => c !== category),
                })
              }
            />
            <button
              type="button"
              class="button secondary"
              onClick={() => set({ staff: form.staff.filter((_, i) => i !== index) })}
            >
              {t("staff.routing.removeStaff", { index: index + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          class="button secondary"
          onClick={() => set({ staff: [...form.staff, { userId: "", categories: [] }] })}
        >
          {t("staff.routing.addStaff")}
        </button>
      </section>
      <section class="card" aria-labelledby="routing-rules">
        <h2 id="routing-rules">{t("staff.routing.rules")}</h2>
        <TextField
          id="routing-escalation"
          label={t("staff.routing.escalation")}
          hint={t("staff.routing.escalationHint")}
          multiline
          value={form.escalation}
          error={problemFor("routing-escalation")}
          onInput={escalation => set({ escalation })}
        />
        <TextField
          id="routing-urgent"
          label={t("staff.routing.ackUrgent")}
          inputMode="numeric"
          value={form.urgent}
          error={problemFor("routing-urgent")}
          onInput={urgent => set({ urgent })}
        />
        <TextField
          id="routing-normal"
          label={t("staff.routing.ackNormal")}
          hint={t("staff.routing.ackNormalHint")}
          inputMode="numeric"
          value={form.normal}
          error={problemFor("routing-normal")}
          onInput={normal => set({ normal })}
        />
      </section>
      <p
        role="status"
        class={
          state === "saved"
            ? "notice success"
            : state === "failed"
              ? "notice error"
              : "visually-hidden"
        }
      >
        {state === "saved" && t("staff.routing.saved")}
        {state === "failed" && t("problem.genericBody")}
      </p>
      <div class="actions sticky">
        <button type="submit" class="button primary" disabled={state === "busy"}>
          {state === "busy" ? t("common.sending") : t("forms.save")}
        </button>
      </div>
    </form>
  );
}
