export * from "./client";
export * from "./tenant-scope";
