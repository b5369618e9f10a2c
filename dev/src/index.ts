export * from "./local-stack";
export * from "./line-platform";
