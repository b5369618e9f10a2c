import type { messagingApi } from "@line/bot-sdk";
import type {
  AreaDirectory,
  Language,
  Case,
  Translate,
  UrgentChange,
  WelfareRuleSet,
} from "@sa/core";
import type { Session } from "./session";

/** Everything a flow may use besides its input: passed in, never reached for. */
export interface FlowContext {
  now: Date;
  userId: string;
  language: Language;
  t: Translate;
  /** The translator for another language, for the reply that confirms a language switch. */
  tFor: (language: Language) => Translate;
  areas: Pick<AreaDirectory, "find">;
  newTicket: () => string;
  /**
   * The phone number this person gave in their latest report, read by the caller from its
   * store, so the phone step can offer it again (LINE never tells a bot a user's number).
   */
  knownPhone?: string;
  /**
   * When this person sent their ordinary reports of the last hour (the abuse limit,
   * REPORTS_PER_HOUR); read by the caller from its store. Urgent reports are not in it and are
   * never limited.
   */
  recentReports?: readonly Date[];
  /**
   * The welfare rules in force (bundled plus published), read by the caller for a welfare
   * conversation; the bundled rules when left out.
   */
  welfareRules?: WelfareRuleSet;
}

/** Ordinary reports one LINE user may start in an hour; the danger path has no limit. */
export const REPORTS_PER_HOUR = 5;
export const REPORT_LIMIT_WINDOW_MS = 60 * 60_000;

/** Work the caller does after (or as part of) saving the new session. */
export type Command =
  | { type: "createCase"; report: Case }
  /** Written to the urgent report in the same transaction as the session. */
  | { type: "updateUrgentCase"; ticket: string; change: UrgentChange }
  | { type: "showMyReports" }
  /** The nearest help points to a shared location; the caller reads the directory after commit. */
  | { type: "showNearbyHelpPoints"; latitude: number; longitude: number; provinceCode: string }
  /** The summary of what is held; the caller reads the reports after commit. */
  | { type: "showMyData"; conversation: boolean }
  /**
   * Unlinks the citizen from their reports, deletes their session and profile and cancels
   * pushes to them, in the same transaction; the caller then replies with the request id.
   * Always the only data-changing command of its step.
   */
  | { type: "eraseMyData" }
  | { type: "setLanguage"; language: Language }
  /** Photos of a report that will never be sent (cancelled, expired, replaced). */
  | { type: "discardPhotos"; paths: string[] };

export interface FlowResult {
  session: Session;
  replies: messagingApi.Message[];
  commands: Command[];
}
