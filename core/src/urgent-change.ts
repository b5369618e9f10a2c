import type { CaseCategory } from "./categories";
import type { CaseLocation, CaseMedia } from "./case";

/**
 * One thing a citizen added to an urgent report after it was opened. Each is written to the
 * report at once, and the people already alerted hear of the meaningful ones.
 */
export type UrgentChange =
  | { kind: "location"; location: CaseLocation }
  | { kind: "description"; text: string }
  | { kind: "category"; category: CaseCategory }
  | { kind: "phone"; phone: string }
  | { kind: "photo"; path: string }
  /** A voice note (the story told aloud by someone who cannot type now) or a video. */
  | { kind: "media"; media: CaseMedia }
  /** The answer to "is everyone safe now?" after the citizen asked to cancel. */
  | { kind: "safety"; dangerOver: boolean }
  /** The citizen reached the end, or stopped (left, or the session ran out). */
  | { kind: "intake"; state: "stopped" | "complete" };
