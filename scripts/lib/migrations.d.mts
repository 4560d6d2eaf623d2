export const migrationsFolder: string;
export function migrateUp(url: string): Promise<void>;
export function rollback(url: string, steps?: number): Promise<string[]>;
