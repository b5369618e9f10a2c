import { formatAmount, formatDate, type EligibilityResult } from "@sa/core";
import { useLanguage } from "../../i18n/language-context";
import type { LiffKey } from "../../i18n/catalog";

const VERDICT: Record<EligibilityResult["status"], LiffKey> = {
  eligible: "eligibility.verdict.eligible",
  not_eligible: "eligibility.verdict.not_eligible",
  unknown: "eligibility.verdict.unknown",
};

/** One benefit: the verdict first (in words, not only colour), then why and what to do. */
export function ResultCard({ result }: { result: EligibilityResult }) {
  const { t, language } = useLanguage();
  const headingId = `result-${result.benefit}`;
  return (
    <article
      class={`card result ${result.status}`}
      aria-labelledby={headingId}
      data-benefit={result.benefit}
      data-version={result.source.version}
    >
      <h3 id={headingId}>{result.title}</h3>
      <p class={`verdict ${result.status}`}>{t(VERDICT[result.status])}</p>
      {result.monthlyAmount !== undefined && (
        <p class="amount">
          {t("eligibility.monthlyAmount", { amount: formatAmount(result.monthlyAmount) })}
        </p>
      )}
      {result.oneOffAmount !== undefined && (
        <p class="amount">
          {t("eligibility.oneOffAmount", { amount: formatAmount(result.oneOffAmount) })}
        </p>
      )}
      {/* The reasons already name what is missing ("…ต้องทราบข้อมูลเพิ่มเติม ได้แก่ อายุ"). */}
      {result.reasons.length > 0 && (
        <ul class="reasons">
          {result.reasons.map(reason => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {result.status !== "not_eligible" && result.documents.length > 0 && (
        <>
          <h4>{t("eligibility.documents")}</h4>
          <ul>
            {result.documents.map(document => (
              <li key={document}>{document}</li>
            ))}
          </ul>
        </>
      )}
      {result.status !== "not_eligible" && (
        <>
          <h4>{t("eligibility.applyAt")}</h4>
          <p>{result.applyAt}</p>
        </>
      )}
      {result.notes.length > 0 && (
        <ul class="notes">
          {result.notes.map(note => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <p class="source">
        {t("eligibility.source")}{" "}
        <a
          href={result.source.url}
          target="_blank"
          rel="noopener noreferrer"
          // Regulations are cited by their official Thai titles, in English screens too.
          lang={/[ก-๙]/.test(result.source.title) ? "th" : undefined}
        >
          {result.source.title}
        </a>{" "}
        ({t("eligibility.effective", { date: formatDate(result.source.effective, language) })})
      </p>
    </article>
  );
}
