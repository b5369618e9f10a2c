import en from "../../../core/src/locales/en/office.json";
import th from "../../../core/src/locales/th/office.json";
import { registerStrings } from "./i18n";

// The office pages' strings (dashboard, duty roster, routing, push outbox, help points, people)
// travel in those pages' lazy chunks and join the catalog when a page is opened: on the first
// screen every volunteer would otherwise download them for nothing. Each office page imports
// this.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const catalogsMatch: SameShape<typeof th, typeof en> = true;
void catalogsMatch;

registerStrings({ th, en });
