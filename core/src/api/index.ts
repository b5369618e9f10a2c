export * from "./cases";
export * from "./me";
