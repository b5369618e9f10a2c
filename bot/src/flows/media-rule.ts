import type { Session } from "../session";

/**
 * Which conversations keep a photo, voice note or video sent during them: the one rule. The
 * webhook fetches and stores the content only where it is kept; the flow then takes it (a
 * report, the danger path, a story told outside any flow) or, in the welfare check, answers
 * that its questions are answered with the buttons. A person in danger may not be able to type,
 * so the danger path keeps everything.
 */
const KEEPS_MEDIA: Record<Session["flow"], boolean> = {
  idle: true,
  report: true,
  urgent: true,
  welfare: false,
};

export function keepsMedia(session: Session): boolean {
  return KEEPS_MEDIA[session.flow];
}
