export * from "./client";
export * from "./tenant-scope";
export * from "./transaction";
export * from "./unavailable";
