export * from "./arrays";
export * from "./client";
export { CommitNotAcknowledgedError, checkedTransaction, writeBehind } from "./driver";
export * from "./fresh";
export * from "./request-transaction";
export * from "./tenant-scope";
export * from "./unavailable";
