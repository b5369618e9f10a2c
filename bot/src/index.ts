export * from "./context";
export * from "./conversation";
export * from "./input";
export * from "./postback";
export * from "./session";
export { CONSENT_VERSION, needsKnownPhone } from "./flows/report-flow";
export { myReportsMessage, MY_REPORTS_LIMIT } from "./messages/my-reports";
export { erasedMessage, myDataMessage, MY_DATA_LIMIT } from "./messages/my-data";
export { richMenu, richMenuAlias } from "./rich-menu";
export {
  caseUpdateNotice,
  citizenStatusNotice,
  type CitizenNotice,
  ratingQuestion,
  staffCaseAlert,
  volunteerAssignment,
} from "./messages/case-messages";
export { textMessage } from "./messages/quick-reply";
export {
  nearbyHelpPointsMessage,
  nearestCentreText,
  NEARBY_HELP_POINTS,
} from "./messages/nearby-help-points";
export { isEnglishSentence, phoneFromText, typedAnswer, type TypedAnswer } from "./flows/answers";
export { keepsMedia } from "./flows/media-rule";
