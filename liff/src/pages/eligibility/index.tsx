import { useEffect, useRef, useState } from "preact/hooks";
import {
  HARDSHIPS,
  type EligibilityRequest,
  type EligibilityResponse,
  type Hardship,
} from "@sa/core";
import { ApiError, NetworkError } from "../../api/api-error";
import { checkEligibility } from "../../api/eligibility-endpoints";
import { ChoiceGroup, type YesNo } from "../../components/field/choice-group";
import { TextField } from "../../components/field/text-field";
import { ErrorSummary } from "../../components/error-summary";
import "../../i18n/eligibility-strings";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";
import { useDraft } from "../../offline/use-draft";
import type { Problem } from "../../forms/problems";
import {
  childBirthDateId,
  eligibilityFormSchema,
  emptyEligibilityForm,
  toEligibilityRequest,
  YES_NO_QUESTIONS,
  type EligibilityForm,
} from "./eligibility-form-state";
import { ResultCard } from "./result-card";
import { personKey } from "../../storage/phone-keys";

const MAX_CHILD_ROWS = 20;
/** Asked of each child: Thai or not, and whether the child lives in a care home. */
const CHILD_QUESTIONS = [
  ["thai", "eligibility.childThai"],
  ["careHome", "eligibility.childCareHome"],
] as const;

/**
 * The welfare check as one form, for people who prefer a form to the chat and for volunteers
 * checking for a household during a visit. Needs no registration.
 */
export function EligibilityPage() {
  const { t, tw, language } = useLanguage();
  const { auth } = useLiff();
  const { draft, update, discard } = useDraft(
    personKey(auth.userId, "draft.eligibility"),
    eligibilityFormSchema,
    emptyEligibilityForm,
  );
  const form = draft.data;
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [checked, setChecked] = useState<EligibilityRequest | null>(null);
  const [response, setResponse] = useState<EligibilityResponse | null>(null);
  const [failure, setFailure] = useState<"offline" | "server" | null>(null);
  const [busy, setBusy] = useState(false);
  const results = useRef<HTMLElement>(null);

  const set = <K extends keyof EligibilityForm>(key: K, value: EligibilityForm[K]) =>
    update(current => ({ ...current, [key]: value }));
  const problemFor = (target: string) => {
    const problem = problems.find(p => p.target === target);
    return problem && t(problem.key, problem.vars);
  };

  const run = async (request: EligibilityRequest, focusResults: boolean) => {
    setBusy(true);
    setFailure(null);
    try {
      setResponse(await checkEligibility(request, language));
      // The results start at their heading, not wherever focus would scroll a tall section to.
      if (focusResults) {
        requestAnimationFrame(() => {
          results.current?.scrollIntoView({ block: "start" });
          results.current?.focus({ preventScroll: true });
        });
      }
    } catch (error) {
      setFailure(error instanceof NetworkError ? "offline" : "server");
      if (error instanceof ApiError) console.warn("eligibility refused", error.body);
    } finally {
      setBusy(false);
    }
  };

  // Results come translated from the server: ask again in the new language.
  useEffect(() => {
    if (checked) void run(checked, false);
  }, [language]);

  const submit = (event: Event) => {
    event.preventDefault();
    const result = toEligibilityRequest(form);
    setProblems(result.problems);
    setAttempt(n => n + 1);
    if (!result.request) {
      setResponse(null);
      return;
    }
    setChecked(result.request);
    void run(result.request, true);
  };

  const reset = () => {
    discard();
    update(() => emptyEligibilityForm());
    setProblems([]);
    setResponse(null);
    setChecked(null);
  };

  const yesNoOptions = [
    { value: "yes", label: t("common.yes") },
    { value: "no", label: t("common.no") },
  ];
  const yesNo = (name: (typeof YES_NO_QUESTIONS)[number] | "hasChildren", legend: string) => (
    <ChoiceGroup
      name={name}
      legend={legend}
      options={yesNoOptions}
      selected={[form[name]]}
      error={problemFor(name)}
      onToggle={value => set(name, value as YesNo)}
    />
  );

  return (
    <>
      <h1>{t("eligibility.title")}</h1>
      <p class="lead">{t("eligibility.intro")}</p>
      <form id="eligibility-form" onSubmit={submit} noValidate>
        <ErrorSummary
          attempt={attempt}
          errors={problems.map(p => ({ target: p.target, message: t(p.key, p.vars) }))}
        />
        <section class="card">
          <h2>{t("eligibility.section.person")}</h2>
          <TextField
            id="age"
            label={t("eligibility.age")}
            hint={t("eligibility.ageHint")}
            inputMode="numeric"
            value={form.age}
            error={problemFor("age")}
            onInput={value => set("age", value)}
          />
          <ChoiceGroup
            name="nationality"
            legend={t("eligibility.nationality")}
            options={[
              { value: "thai", label: t("eligibility.thai") },
              { value: "other", label: t("eligibility.notThai") },
            ]}
            selected={[form.nationality]}
            onToggle={value => set("nationality", value as EligibilityForm["nationality"])}
          />
        </section>
        <section class="card">
          <h2>{t("eligibility.section.cards")}</h2>
          {yesNo("hasDisabilityCard", t("eligibility.hasDisabilityCard"))}
          {yesNo("hasStateWelfareCard", t("eligibility.hasStateWelfareCard"))}
          {yesNo("receivesGovernmentPension", t("eligibility.receivesGovernmentPension"))}
          {yesNo("livesInStateCareHome", t("eligibility.livesInStateCareHome"))}
          {yesNo("hivCertified", t("eligibility.hivCertified"))}
          {yesNo("poorOrWithoutSupport", t("eligibility.poorOrWithoutSupport"))}
        </section>
        <section class="card">
          <h2>{t("eligibility.section.money")}</h2>
          <TextField
            id="annualIncomePerPerson"
            label={t("eligibility.income")}
            hint={t("eligibility.incomeHint")}
            inputMode="numeric"
            value={form.annualIncomePerPerson}
            error={problemFor("annualIncomePerPerson")}
            onInput={value => set("annualIncomePerPerson", value)}
          />
          <TextField
            id="financialAssets"
            label={t("eligibility.assets")}
            hint={t("eligibility.assetsHint")}
            inputMode="numeric"
            value={form.financialAssets}
            error={problemFor("financialAssets")}
            onInput={value => set("financialAssets", value)}
          />
        </section>
        <section class="card">
          <h2>{t("eligibility.section.children")}</h2>
          {yesNo("hasChildren", t("eligibility.hasChildren"))}
          {form.hasChildren === "yes" && (
            <>
              {form.children.map((child, index) => (
                <fieldset class="child" key={index}>
                  <legend>{t("eligibility.child", { index: index + 1 })}</legend>
                  <TextField
                    id={childBirthDateId(index)}
                    label={t("eligibility.childBirthDate")}
                    hint={t("eligibility.dateHint")}
                    inputMode="numeric"
                    value={child.birthDate}
                    error={problemFor(childBirthDateId(index))}
                    onInput={value =>
                      set(
                        "children",
                        form.children.map((c, i) => (i === index ? { ...c, birthDate: value } : c)),
                      )
                    }
                  />
                  {CHILD_QUESTIONS.map(([fact, legend]) => (
                    <ChoiceGroup
                      name={`child-${index}-${fact}`}
                      legend={t(legend)}
                      options={yesNoOptions}
                      selected={[child[fact]]}
                      onToggle={value =>
                        set(
                          "children",
                          form.children.map((c, i) =>
                            i === index ? { ...c, [fact]: value as YesNo } : c,
                          ),
                        )
                      }
                    />
                  ))}
                  <button
                    type="button"
                    class="button secondary"
                    onClick={() =>
                      set(
                        "children",
                        form.children.filter((_, i) => i !== index),
                      )
                    }
                  >
                    {t("eligibility.removeChild", { index: index + 1 })}
                  </button>
                </fieldset>
              ))}
              {form.children.length < MAX_CHILD_ROWS && (
                <button
                  type="button"
                  class="button secondary"
                  onClick={() =>
                    set("children", [...form.children, { birthDate: "", thai: "", careHome: "" }])
                  }
                >
                  {t("eligibility.addChild")}
                </button>
              )}
            </>
          )}
        </section>
        <section class="card">
          <h2>{t("eligibility.section.hardships")}</h2>
          <ChoiceGroup
            name="hardships"
            legend={t("eligibility.hardships")}
            multiple
            options={[
              ...HARDSHIPS.map(h => ({ value: h, label: tw(`hardship.${h}`) })),
              { value: "none", label: t("eligibility.noHardship") },
            ]}
            selected={form.noHardship ? ["none"] : form.hardships}
            onToggle={(value, on) =>
              update(current =>
                value === "none"
                  ? { ...current, noHardship: on, hardships: [] }
                  : {
                      ...current,
                      noHardship: false,
                      hardships: on
                        ? [...current.hardships, value as Hardship]
                        : current.hardships.filter(h => h !== value),
                    },
              )
            }
          />
        </section>
        <div class="actions sticky">
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? t("common.loading") : t("eligibility.submit")}
          </button>
          <button type="button" class="button secondary" onClick={reset}>
            {t("eligibility.reset")}
          </button>
        </div>
      </form>
      {failure && (
        <p class="notice error" role="alert">
          {failure === "offline" ? t("problem.offlineBody") : t("problem.genericBody")}
        </p>
      )}
      {response && (
        <section class="results" aria-labelledby="results-title" tabIndex={-1} ref={results}>
          <h2 id="results-title">{t("eligibility.resultsTitle")}</h2>
          <p class="hint">{t("eligibility.resultsHint")}</p>
          {response.results.map(result => (
            <ResultCard key={result.benefit} result={result} />
          ))}
          {response.notes.map(note => (
            <p key={note}>{note}</p>
          ))}
          <a class="button primary" href="tel:1300">
            {t("common.call1300")}
          </a>
        </section>
      )}
    </>
  );
}
