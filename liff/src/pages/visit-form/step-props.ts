import type { VisitForm } from "./visit-form-state";

export interface StepProps {
  form: VisitForm;
  update: (change: (form: VisitForm) => VisitForm) => void;
  error: (target: string) => string | undefined;
}
