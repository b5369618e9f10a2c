export * from "./local-stack";
export * from "./line-platform";
export * from "./sms-provider";
