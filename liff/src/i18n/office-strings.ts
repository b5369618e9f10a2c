import en from "../../../core/src/locales/en/office.json";
import th from "../../../core/src/locales/th/office.json";
import { registerStrings } from "./i18n";
import type { SameShape } from "./catalog";

// The office pages' strings (dashboard, duty roster, routing, push outbox, help points, people)
// travel in those pages' lazy chunks and join the catalog when a page is opened: on the first
// screen every volunteer would otherwise download them for nothing. Each office page imports
// this.
const catalogsMatch: SameShape<typeof th, typeof en> = true;
void catalogsMatch;

registerStrings({ th, en });
