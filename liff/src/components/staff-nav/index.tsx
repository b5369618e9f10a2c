import { isStaff, useMe } from "../../api/use-me";
import { useLanguage } from "../../i18n/language-context";

const PAGES = [
  { href: "/", key: "staff.nav.queue" },
  { href: "/staff/dashboard", key: "staff.nav.dashboard" },
  { href: "/staff/volunteers", key: "staff.nav.volunteers" },
  { href: "/staff/duty", key: "staff.nav.duty" },
  { href: "/staff/households", key: "staff.nav.households" },
  { href: "/staff/people", key: "staff.nav.people" },
  { href: "/staff/routing", key: "staff.nav.routing", admin: true },
  { href: "/staff/outbox", key: "staff.nav.outbox", admin: true },
  { href: "/staff/help-points", key: "staff.nav.helpPoints", admin: true },
  { href: "/staff/welfare-rules", key: "staff.nav.welfareRules", admin: true },
] as const;

/** The staff pages, one tap apart; routing and undelivered messages only for admins. */
export function StaffNav({ current }: { current: (typeof PAGES)[number]["href"] }) {
  const { t } = useLanguage();
  const me = useMe();
  if (me.data && !isStaff(me.data)) return null;
  return (
    <nav class="staff-nav" aria-label={t("staff.nav.label")}>
      <ul>
        {PAGES.filter(page => !("admin" in page) || me.data?.role === "admin").map(page => (
          <li key={page.href}>
            <a href={page.href} aria-current={page.href === current ? "page" : undefined}>
              {t(page.key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
