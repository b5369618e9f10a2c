import type { ComponentChildren } from "preact";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";
import { useOutbox } from "../../offline/outbox-context";
import { useAppTitle } from "./app-title";
import { LanguageSwitch } from "./language-switch";
import { useOnline } from "./use-online";

/** The frame of every screen: who I am, the language, and whether anything waits to be sent. */
export function Layout({ children }: { children: ComponentChildren }) {
  const { t } = useLanguage();
  const { auth, switchUser, signOut } = useLiff();
  const { items } = useOutbox();
  const online = useOnline();
  const waiting = items.length;
  const title = useAppTitle();
  return (
    <div class="app">
      <a class="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <header class="topbar">
        <a class="brand" href="/">
          {title}
        </a>
        <LanguageSwitch />
        <details class="user-menu">
          <summary aria-label={t("whoAmI.menuLabel", { name: auth.displayName })}>
            {auth.displayName}
          </summary>
          <div class="user-menu-body">
            {switchUser && (
              <>
                <p class="hint">{t("whoAmI.simulated")}</p>
                <button type="button" class="button secondary" onClick={switchUser}>
                  {t("whoAmI.switch")}
                </button>
              </>
            )}
            <p class="hint">{t("account.signOutHint")}</p>
            <button type="button" class="button secondary" onClick={signOut}>
              {t("account.signOut")}
            </button>
          </div>
        </details>
      </header>
      {!online && (
        <p class="banner offline" role="status">
          {t("offline.banner")}
        </p>
      )}
      {waiting > 0 && (
        <a class="banner outbox" href="/outbox">
          {t("offline.waiting", { count: waiting })}
        </a>
      )}
      <main class="page" id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
