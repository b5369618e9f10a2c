import en from "../../../core/src/locales/en/benefits-found.json";
import th from "../../../core/src/locales/th/benefits-found.json";
import type { SameShape } from "./catalog";
import { registerStrings } from "./i18n";

// The benefits-found list's strings travel in its lazy chunk, as the office pages' do: the
// volunteer's first screen stays within its size budget.
const catalogsMatch: SameShape<typeof th, typeof en> = true;
void catalogsMatch;

registerStrings({ th, en });
