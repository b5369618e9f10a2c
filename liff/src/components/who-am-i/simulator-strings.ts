import en from "../../../../core/src/locales/en/simulator.json";
import th from "../../../../core/src/locales/th/simulator.json";
import { registerStrings } from "../../i18n/i18n";
import type { SameShape } from "../../i18n/catalog";

// The "who am I" picker's strings travel in its chunk, which only the local stack loads: in a
// production build they would be first-screen bytes no one ever reads.
const catalogsMatch: SameShape<typeof th, typeof en> = true;
void catalogsMatch;

registerStrings({ th, en });
