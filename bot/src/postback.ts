/**
 * Postback data is short URL-encoded text ("a=category&v=elderly"): LINE allows 300 characters,
 * and a plain format survives being typed into the simulator or read in logs.
 */
export type Postback = { action: string; value?: string };

export function encodePostback(action: string, value?: string): string {
  const params = new URLSearchParams({ a: action });
  if (value !== undefined) params.set("v", value);
  return params.toString();
}

export function decodePostback(data: string): Postback | undefined {
  const params = new URLSearchParams(data);
  const action = params.get("a");
  if (!action) return undefined;
  const value = params.get("v");
  return value === null ? { action } : { action, value };
}

/** Postback actions the bot understands. */
export const Action = {
  menuReport: "menu.report",
  menuTrack: "menu.track",
  menuWelfare: "menu.welfare",
  menuHotline: "menu.hotline",
  /** "ศูนย์ใกล้ฉัน": asks for a location, then answers the nearest help points. */
  menuNearby: "menu.nearby",
  /** "ข้อมูลของฉัน": what is held about the citizen. */
  myData: "mydata",
  /** "ลบข้อมูลของฉัน": asks first; only the confirm erases. */
  eraseAsk: "erase.ask",
  eraseConfirm: "erase.confirm",
  eraseKeep: "erase.keep",
  language: "language",
  cancel: "cancel",
  /** "เอาเรื่องกลับมา": within a minute of cancelling a report, brings its draft back. */
  undoCancel: "cancel.undo",
  category: "category",
  /** "Someone is in danger now", from the first question, a danger-word offer or anywhere. */
  urgent: "urgent",
  urgentSafe: "urgent.safe",
  urgentSkip: "urgent.skip",
  area: "area",
  locationUnknown: "location.unknown",
  photosDone: "photos.done",
  noPhone: "phone.none",
  /** The number the citizen gave in an earlier report, offered again. */
  knownPhone: "phone.known",
  /** Story first: "yes, report this" and "no" to what was typed or sent outside any flow. */
  offerYes: "offer.yes",
  offerNo: "offer.no",
  /** The full consent text, from the summary. */
  consentText: "consent.text",
  consent: "consent",
  confirm: "confirm",
  edit: "edit",
  welfareAnswer: "welfare.answer",
  welfareBack: "welfare.back",
  welfareRestart: "welfare.restart",
  caseAcknowledge: "case.ack",
  caseSolved: "case.solved",
  caseNotSolved: "case.notSolved",
  caseRating: "case.rating",
} as const;
