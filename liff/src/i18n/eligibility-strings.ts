import en from "../../../core/src/locales/en/eligibility.json";
import th from "../../../core/src/locales/th/eligibility.json";
import type { SameShape } from "./catalog";
import { registerStrings } from "./i18n";

// The eligibility form's strings travel in its chunk (it is a first screen of its own, app.tsx):
// the homes' catalog does not carry them.
const catalogsMatch: SameShape<typeof th, typeof en> = true;
void catalogsMatch;

registerStrings({ th, en });
