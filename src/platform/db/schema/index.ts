export * from "./catalog";
export * from "./files";
export * from "./tenancy";
export * from "./webhooks";
