/** A schema change as graphql-js reports it. */
export interface SchemaChangeReport {
  type: string;
  description: string;
}

export function classifySchemaChanges(
  releasedSdl: string,
  currentSdl: string,
): { breaking: SchemaChangeReport[]; dangerous: SchemaChangeReport[]; safe: SchemaChangeReport[] };
