import { useEffect, useState } from "preact/hooks";
import { useLanguage } from "../../i18n/language-context";
import type { BenefitsSource } from "./benefits-list";

// The list is a lazy chunk: the volunteer's first screen never pays for it. Once loaded, the
// module stays in memory for the rest of the session.
const load = () => import("./benefits-list");
let loaded: Awaited<ReturnType<typeof load>> | undefined;

/** Start loading as soon as a visit form opens, while the phone most likely has a signal. */
export function preloadBenefitFinder(): void {
  load().then(
    module => (loaded = module),
    () => undefined,
  );
}

/** "สิทธิ์ที่น่าจะได้แต่ยังไม่ได้รับ" for a visit being reviewed or a case's latest visit. */
export function BenefitsFound(props: BenefitsSource) {
  const { t } = useLanguage();
  const [module, setModule] = useState(loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!module)
      load().then(
        m => setModule((loaded = m)),
        () => setFailed(true),
      );
  }, [module]);
  if (module) return <module.BenefitsList {...props} />;
  return (
    <section class="card benefits-found">
      <p class="hint">{failed ? t("benefitsFound.unavailable") : t("benefitsFound.loading")}</p>
    </section>
  );
}
