export * from "./arrays";
export * from "./client";
export * from "./fresh";
export * from "./request-transaction";
export * from "./tenant-scope";
export * from "./transaction";
export * from "./unavailable";
