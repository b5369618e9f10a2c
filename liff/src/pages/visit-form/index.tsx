import { useEffect, useRef } from "preact/hooks";
import { problemText } from "../../forms/problems";
import { householdVisitSchema, TPMAP_DIMENSIONS, visitSchema } from "@sa/core";
import { getHousehold } from "../../api/household-endpoints";
import { useResource } from "../../api/use-resource";
import { useLiff } from "../../liff/liff-context";
import { CaseFormFrame } from "../../components/case-form-frame";
import { ProgressBar } from "../../components/progress-bar";
import type { Problem } from "../../forms/problems";
import { useCaseForm } from "../../forms/use-case-form";
import { useLanguage } from "../../i18n/language-context";
import { HomeStep, MembersStep, NeedsStep } from "./household-steps";
import { NextStepField } from "./next-step-field";
import { NotesStep } from "./notes-step";
import { ReviewStep } from "./review-step";
import {
  emptyVisitForm,
  locateVisitProblem,
  VISIT_STEPS,
  visitBody,
  visitFormSchema,
} from "./visit-form-state";
import type { StepProps } from "./step-props";
import "../../i18n/casework-strings";

/** A case's visit, from its page. */
export function VisitFormPage({ ticket }: { ticket: string }) {
  const { t } = useLanguage();
  return <VisitForm target={{ kind: "visit", id: ticket }} title={t("visit.title")} />;
}

/**
 * A target household's visit, from the volunteer's "homes to visit": the same form without
 * photos. Its name shows when the network gives it; the form works without it, offline too.
 */
export function HouseholdVisitPage({ id }: { id: string }) {
  const { t } = useLanguage();
  const { api } = useLiff();
  const household = useResource(() => getHousehold(api, id), [api, id]);
  const title = household.data
    ? t("households.toVisit.visitTitle", { name: household.data.headName })
    : t("visit.title");
  return <VisitForm target={{ kind: "householdVisit", id }} title={title} />;
}

/**
 * The household visit (family record book): members, home, needs on TPMAP's five dimensions,
 * notes, photos and GPS, one step at a time so that it works on a small phone screen.
 */
function VisitForm({
  target,
  title,
}: {
  target: { kind: "visit" | "householdVisit"; id: string };
  title: string;
}) {
  const { t } = useLanguage();
  const household = target.kind === "householdVisit";
  const ticket = target.id;
  const requestSchema = household ? householdVisitSchema : visitSchema;
  const form = useCaseForm({
    kind: target.kind,
    ticket,
    formSchema: visitFormSchema,
    initial: emptyVisitForm,
    requestSchema,
    toBody: (f, clientId) => {
      const body = visitBody(f, clientId);
      if (household) delete body.photos;
      return body;
    },
    locate: locateVisitProblem,
    ...(household && { doneHref: "/" }),
  });
  const data = form.draft.data;
  const step = Math.min(data.step, VISIT_STEPS.length - 1);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // A new step is a new screen: move focus to its title so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
    window.scrollTo(0, 0);
  }, [step]);

  const named = (p: Problem): Problem =>
    p.vars?.dimension !== undefined
      ? {
          ...p,
          vars: {
            ...p.vars,
            dimension: t(`dimension.${p.vars.dimension as (typeof TPMAP_DIMENSIONS)[number]}`),
          },
        }
      : p;
  const problems = form.problems.map(named);
  const error = (target: string) => problemText(problems, target, t);
  const goTo = (next: number) => {
    form.setProblems([]);
    form.update(current => ({ ...current, step: next }));
  };
  const next = () => {
    const current = VISIT_STEPS[step]!;
    form.check(current.owns);
    const body = visitBody(data, form.draft.clientId);
    if (household) delete body.photos;
    const stepIsValid = requestSchema
      .safeParse(body)
      .error?.issues.every(issue => !current.owns(issue.path.map(String).join(".")));
    if (stepIsValid ?? true) goTo(step + 1);
  };

  const stepProps: StepProps = { form: data, update: form.update, error };
  const last = step === VISIT_STEPS.length - 1;
  return (
    <CaseFormFrame
      ticket={ticket}
      title={title}
      {...(household && { back: { href: "/", label: t("households.toVisit.back") } })}
      form={form}
      problems={problems}
      onSubmit={() => (last ? form.submit() : next())}
    >
      <ProgressBar
        step={step + 1}
        steps={VISIT_STEPS.length}
        title={t(`visit.step.${VISIT_STEPS[step]!.key}`)}
      />
      <h2 class="step-title" tabIndex={-1} ref={heading}>
        {t(`visit.step.${VISIT_STEPS[step]!.key}`)}
      </h2>
      {step === 0 && <MembersStep {...stepProps} />}
      {step === 1 && <HomeStep {...stepProps} />}
      {step === 2 && <NeedsStep {...stepProps} />}
      {step === 3 && <NextStepField {...stepProps} />}
      {step === 3 && <NotesStep {...stepProps} photos={!household} />}
      {step === 4 && <ReviewStep form={data} onEdit={goTo} {...(!household && { ticket })} />}
      <div class="actions step-actions">
        {step > 0 && (
          <button type="button" class="button secondary" onClick={() => goTo(step - 1)}>
            {t("forms.previous")}
          </button>
        )}
        <button type="submit" class="button primary">
          {last ? t("forms.save") : t("forms.next")}
        </button>
      </div>
    </CaseFormFrame>
  );
}
