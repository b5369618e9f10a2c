import { useLanguage } from "../../i18n/language-context";

/** "Step 2 of 5" in words and as a bar: the bar alone says nothing to a screen reader. */
export function ProgressBar({
  step,
  steps,
  title,
}: {
  step: number;
  steps: number;
  title: string;
}) {
  const { t } = useLanguage();
  const label = t("common.stepOf", { step, steps });
  return (
    <div class="progress">
      <p class="progress-label">
        <span>{label}</span> · <strong>{title}</strong>
      </p>
      <progress max={steps} value={step} aria-label={label} />
    </div>
  );
}
