export * from "./columns";
export * from "./household";
export * from "./validate";
