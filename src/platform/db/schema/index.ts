export * from "./book-imports";
export * from "./catalog";
export * from "./files";
export * from "./operations";
export * from "./tenancy";
export * from "./webhooks";
