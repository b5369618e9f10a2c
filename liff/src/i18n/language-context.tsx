import { createContext, type ComponentChildren } from "preact";
import { useCallback, useContext, useEffect, useMemo, useState } from "preact/hooks";
import type { Language } from "@sa/core";
import { writeText } from "../storage/local-json";
import { LANGUAGE_KEY } from "../storage/phone-keys";
import type { Translate, WelfareTranslate } from "./catalog";
import { initialLanguage, loadLanguage, translators } from "./i18n";

interface LanguageState {
  language: Language;
  t: Translate;
  tw: WelfareTranslate;
  setLanguage(language: Language): Promise<void>;
}

const LanguageContext = createContext<LanguageState | null>(null);

/** Renders nothing until the catalog of the chosen language has arrived (one small chunk). */
export function LanguageProvider({ children }: { children: ComponentChildren }) {
  const [language, setCurrent] = useState<Language | null>(null);
  const [failed, setFailed] = useState(false);

  const setLanguage = useCallback(async (next: Language) => {
    await loadLanguage(next);
    writeText(LANGUAGE_KEY, next);
    setCurrent(next);
  }, []);

  const start = useCallback(() => {
    setFailed(false);
    const first = initialLanguage();
    loadLanguage(first).then(
      () => setCurrent(first),
      () => setFailed(true),
    );
  }, []);
  useEffect(start, [start]);

  useEffect(() => {
    if (language) document.documentElement.lang = language;
  }, [language]);

  const value = useMemo(
    () => language && { language, setLanguage, ...translators(language) },
    [language, setLanguage],
  );
  if (failed) {
    // No catalog, so no translated text: both languages, written here.
    return (
      <main class="page startup">
        <p lang="th">เปิดแอปไม่สำเร็จ ตรวจสอบอินเทอร์เน็ตแล้วลองอีกครั้ง</p>
        <p lang="en">The app could not open. Check your internet and try again.</p>
        <button type="button" class="button primary" onClick={start}>
          ลองอีกครั้ง / Try again
        </button>
      </main>
    );
  }
  if (!value) return null;
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error("useLanguage must be used inside <LanguageProvider>");
  return state;
}
