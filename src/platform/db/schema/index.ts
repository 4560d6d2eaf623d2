export * from "./book-imports";
export * from "./catalog";
export * from "./files";
export * from "./tenancy";
export * from "./webhooks";
