export * from "./help-point";
export * from "./help-point-view";
export * from "./nearest-help-points";
