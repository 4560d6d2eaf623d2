export * from "./client";
export * from "./tenant-scope";
export * from "./unavailable";
