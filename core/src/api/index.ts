export * from "./cases";
export * from "./entries";
export * from "./duty";
export * from "./me";
export * from "./staff";
export * from "./households";
export * from "./household-visits";
