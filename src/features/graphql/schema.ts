import { buildSchema, isObjectType, printSchema } from "graphql";
import { resolvers } from "./resolvers";
import { SDL } from "./sdl";

/** The executable schema, built once per isolate from the SDL. */
export const schema = buildSchema(SDL);

/** The SDL as served at GET /v2/graphql/schema.graphql (and committed as docs/schema.graphql). */
export const printedSchema = `${printSchema(schema)}\n`;

// A resolver for a field the SDL does not have is a typo that would silently never run.
for (const [typeName, fields] of Object.entries(resolvers)) {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`GraphQL resolvers name an unknown type ${typeName}`);
  for (const field of Object.keys(fields)) {
    if (!type.getFields()[field]) {
      throw new Error(`GraphQL resolvers name an unknown field ${typeName}.${field}`);
    }
  }
}
