export * from "./cases";
export * from "./me";
export * from "./staff";
