// Measures an operation before it runs: how deep it nests, how many aliases it
// uses, and an estimate of how many field resolutions it can cause. Fragments
// count wherever they are spread (a fragment spread twice costs twice), each
// measured once (memoised), so a document of nested fragments cannot make the
// measuring itself exponential.
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

export interface OperationMeasure {
  /** Nesting of fields; the root fields are depth 1. */
  readonly depth: number;
  /** Every aliased field, `__typename` included. */
  readonly aliases: number;
  /** One per field resolution; a list multiplies what is below it. */
  readonly cost: number;
}

const zero: OperationMeasure = { depth: 0, aliases: 0, cost: 0 };

/** A list nobody said the size of is assumed this long. */
export const assumedListSize = 10;
/** A page size given as a variable is unknown at validation: assume the largest page the API serves. */
export const assumedVariablePageSize = 100;
// Introspection has its own rule (and is off in production); Sandbox's own
// introspection query is deeper than any limit an API would choose.
const introspectionFields = new Set(['__schema', '__type']);

function pageSize(node: FieldNode, field: GraphQLField<unknown, unknown> | undefined): number | undefined {
  const definition = field?.args.find((a) => a.name === 'first' || a.name === 'last');
  if (!definition) return undefined;
  const given = node.arguments?.find((a) => a.name.value === definition.name)?.value;
  if (given?.kind === Kind.INT) return Number(given.value);
  if (given?.kind === Kind.VARIABLE) return assumedVariablePageSize;
  return typeof definition.defaultValue === 'number' ? definition.defaultValue : assumedListSize;
}

const combine = (a: OperationMeasure, b: OperationMeasure): OperationMeasure => ({
  depth: Math.max(a.depth, b.depth),
  aliases: a.aliases + b.aliases,
  cost: a.cost + b.cost,
});

export function createOperationMeasurer(schema: GraphQLSchema, fragments: ReadonlyMap<string, FragmentDefinitionNode>) {
  const memo = new Map<string, OperationMeasure>();
  const inProgress = new Set<string>();

  function fragment(name: string, pending: number | undefined): OperationMeasure {
    const key = `${name}|${pending ?? ''}`;
    const known = memo.get(key);
    if (known) return known;
    const definition = fragments.get(name);
    // A cycle is reported by graphql's own NoFragmentCycles rule; do not recurse forever here.
    if (!definition || inProgress.has(key)) return zero;
    inProgress.add(key);
    const measured = selections(definition.selectionSet, schema.getType(definition.typeCondition.name.value), pending);
    inProgress.delete(key);
    memo.set(key, measured);
    return measured;
  }

  function field(node: FieldNode, parent: GraphQLNamedType | undefined, pending: number | undefined): OperationMeasure {
    const aliased = node.alias ? 1 : 0;
    if (introspectionFields.has(node.name.value)) return { depth: 0, aliases: aliased, cost: 0 };
    const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[node.name.value] : undefined;
    const isList = definition !== undefined && isListType(getNullableType(definition.type));
    const page = pageSize(node, definition);
    // A connection's page size (`users(first: 50)`) sizes the list just below it (`edges`).
    const multiplier = isList ? (page ?? pending ?? assumedListSize) : 1;
    const childPending = isList ? undefined : page;
    const below = node.selectionSet ? selections(node.selectionSet, definition ? getNamedType(definition.type) : undefined, childPending) : zero;
    return { depth: 1 + below.depth, aliases: aliased + below.aliases, cost: multiplier * (1 + below.cost) };
  }

  function selections(set: SelectionSetNode, parent: GraphQLNamedType | undefined, pending: number | undefined): OperationMeasure {
    let total = zero;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) total = combine(total, field(selection, parent, pending));
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total = combine(total, selections(selection.selectionSet, type ?? undefined, pending));
      } else total = combine(total, fragment(selection.name.value, pending));
    }
    return total;
  }

  return (set: SelectionSetNode, root: GraphQLNamedType | undefined): OperationMeasure => selections(set, root, undefined);
}
