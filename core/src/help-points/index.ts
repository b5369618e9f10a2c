export * from "./help-point";
export * from "./nearest-help-points";
