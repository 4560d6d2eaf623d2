import {
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

/** Deepest field nesting a document may reach (a root field is depth 1). */
export const MAX_DEPTH = 10;
/** Most a document may cost (the cost model below). */
export const MAX_COST = 1_000;
/** Most aliased fields a document may carry (so aliases cannot repeat a costly field at will). */
export const MAX_ALIASES = 30;
/** The page size a connection is charged when `first` is absent or not a number. */
const DEFAULT_FIRST = 20;
const LARGEST_FIRST = 100;

/** What a document asks for, measured before it runs. */
export interface Complexity {
  depth: number;
  cost: number;
  aliases: number;
}

/**
 * The cost model: every field costs 1; in a connection (a field whose type is a `…Connection`),
 * its `edges` are charged `first` times (the page size asked for, 20 when absent); everything
 * else once. Introspection fields (`__schema`, `__type`, `__typename`) cost nothing and do not
 * count toward depth: introspection has its own switch and depth rule. Fragments count where
 * they are spread; `@skip`/`@include` are ignored (the cost of the document as written).
 */
export function measure(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>>,
): Complexity {
  let aliases = 0;

  const pageSize = (field: FieldNode): number => {
    const argument = field.arguments?.find((a) => a.name.value === "first");
    const value = argument ? literal(argument.value, variables) : DEFAULT_FIRST;
    return typeof value === "number" && Number.isInteger(value) && value >= 0
      ? value
      : LARGEST_FIRST;
  };

  /** Cost and depth of a selection set on `type`; `first` set when `type` is a connection. */
  const walk = (
    set: SelectionSetNode,
    type: GraphQLNamedType | undefined,
    depth: number,
    first: number | undefined,
  ): { cost: number; depth: number } => {
    let cost = 0;
    let deepest = depth - 1;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith("__")) continue;
        if (selection.alias) aliases++;
        const definition = isObjectType(type) ? type.getFields()[name] : undefined;
        const fieldType = definition ? getNamedType(definition.type) : undefined;
        let fieldCost = 1;
        let fieldDepth = depth;
        if (selection.selectionSet) {
          const isConnection = fieldType?.name.endsWith("Connection") === true;
          const inner = walk(
            selection.selectionSet,
            fieldType,
            depth + 1,
            isConnection ? pageSize(selection) : undefined,
          );
          fieldCost += inner.cost;
          fieldDepth = inner.depth;
        }
        cost += first !== undefined && name === "edges" ? fieldCost * first : fieldCost;
        deepest = Math.max(deepest, fieldDepth);
      } else {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment) continue;
        const condition = fragment.typeCondition?.name.value;
        const inner = walk(
          fragment.selectionSet,
          condition ? (schema.getType(condition) ?? type) : type,
          depth,
          first,
        );
        cost += inner.cost;
        deepest = Math.max(deepest, inner.depth);
      }
    }
    return { cost, depth: deepest };
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  const { cost, depth } = walk(operation.selectionSet, root, 1, undefined);
  return { depth, cost, aliases };
}

/** A literal or variable argument's value (objects and lists are not needed for `first`). */
function literal(value: ValueNode, variables: Readonly<Record<string, unknown>>): unknown {
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
  return undefined;
}

/** The refusal of a document over a limit: `query_too_complex`, saying which and by how much. */
export function tooComplex(measured: Complexity): GraphQLError | undefined {
  const over =
    measured.depth > MAX_DEPTH
      ? `The query is ${measured.depth} levels deep; the limit is ${MAX_DEPTH}.`
      : measured.cost > MAX_COST
        ? `The query costs ${measured.cost}; the limit is ${MAX_COST}.`
        : measured.aliases > MAX_ALIASES
          ? `The query uses ${measured.aliases} aliases; the limit is ${MAX_ALIASES}.`
          : undefined;
  if (!over) return undefined;
  return new GraphQLError(over, {
    extensions: {
      code: "query_too_complex",
      cost: measured.cost,
      max_cost: MAX_COST,
      depth: measured.depth,
      max_depth: MAX_DEPTH,
      aliases: measured.aliases,
      max_aliases: MAX_ALIASES,
    },
  });
}
