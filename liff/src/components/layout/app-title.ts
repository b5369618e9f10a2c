import { useEffect } from "preact/hooks";
import type { Role } from "@sa/core";
import { useMe, useSavedMe } from "../../api/use-me";
import type { LiffKey } from "../../i18n/catalog";
import { useLanguage } from "../../i18n/language-context";

const TITLES: Record<Role, LiffKey> = {
  citizen: "app.title.citizen",
  volunteer: "app.title.volunteer",
  staff: "app.title.staff",
  admin: "app.title.staff",
};

/**
 * The app's name as this person knows it: a citizen checks benefits with the ministry, a
 * volunteer (อพม.) works cases, staff run the office. Until /me answers, the role saved on the
 * phone from the last visit is used, so the name does not change under the person's eyes.
 */
export function useAppTitle(): string {
  const { t } = useLanguage();
  const me = useMe();
  const saved = useSavedMe();
  const title = t(TITLES[me.data?.role ?? saved?.role ?? "citizen"]);
  useEffect(() => {
    document.title = title;
  }, [title]);
  return title;
}
