import en from "../../../core/src/locales/en/casework.json";
import th from "../../../core/src/locales/th/casework.json";
import { registerStrings } from "./i18n";
import type { SameShape } from "./catalog";

// The strings of the pages a volunteer opens after the first screen (a case, its forms, the
// registration form) travel with those pages' lazy chunks (pages/later-pages.ts) and join the
// catalog when one is loaded, as the office pages' do (office-strings.ts): the first screen's
// catalog carries only what it shows. Each of those pages imports this.
const catalogsMatch: SameShape<typeof th, typeof en> = true;
void catalogsMatch;

registerStrings({ th, en });
