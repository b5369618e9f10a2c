import { useLanguage } from "../../i18n/language-context";

/** Names the other language in that language, so a person who cannot read this one finds it. */
export function LanguageSwitch() {
  const { language, setLanguage } = useLanguage();
  const other = language === "th" ? "en" : "th";
  return (
    <button type="button" class="button ghost" lang={other} onClick={() => void setLanguage(other)}>
      {other === "en" ? "English" : "ภาษาไทย"}
    </button>
  );
}
