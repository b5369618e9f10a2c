import en from "../../../../core/src/locales/en/simulator.json";
import th from "../../../../core/src/locales/th/simulator.json";
import { registerStrings } from "../../i18n/i18n";

// The "who am I" picker's strings travel in its chunk, which only the local stack loads: in a
// production build they would be first-screen bytes no one ever reads.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const catalogsMatch: SameShape<typeof th, typeof en> = true;
void catalogsMatch;

registerStrings({ th, en });
