// Which schema field produced the value at an error's response path. Used only
// when a request has errors, so the success path costs nothing: no per-field hook.
import {
  getNamedType,
  type GraphQLField,
  type GraphQLObjectType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface FieldAtPath {
  readonly typeName: string;
  readonly fieldName: string;
  readonly node: FieldNode;
}

export type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

interface Hit {
  readonly node: FieldNode;
  /** The type condition of the fragment the field sits in, if any. */
  readonly typeCondition: string | undefined;
}

/** The field selected under `key` (its alias, else its name), looking through fragments. */
function findField(set: SelectionSetNode, key: string, fragments: Fragments, typeCondition: string | undefined): Hit | undefined {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if ((selection.alias ?? selection.name).value === key) return { node: selection, typeCondition };
      continue;
    }
    // Fragment cycles cannot occur here: validation rejected them before anything ran.
    const inner =
      selection.kind === Kind.INLINE_FRAGMENT
        ? findField(selection.selectionSet, key, fragments, selection.typeCondition?.name.value ?? typeCondition)
        : (() => {
            const fragment = fragments[selection.name.value];
            return fragment && findField(fragment.selectionSet, key, fragments, fragment.typeCondition.name.value);
          })();
    if (inner) return inner;
  }
  return undefined;
}

/** The field at `path` (list indexes skipped), or undefined when it cannot be told (e.g. __typename). */
export function fieldAtPath(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Fragments, path: readonly (string | number)[]): FieldAtPath | undefined {
  let parent: GraphQLNamedType | null | undefined = schema.getRootType(operation.operation);
  let set: SelectionSetNode | undefined = operation.selectionSet;
  let found: FieldAtPath | undefined;
  for (const key of path) {
    if (typeof key === 'number') continue;
    if (!parent || !set) return undefined;
    const hit = findField(set, key, fragments, undefined);
    if (!hit) return undefined;
    // Under an interface or union the concrete type is the fragment's.
    const candidate: GraphQLNamedType | null | undefined = isObjectType(parent) ? parent : hit.typeCondition === undefined ? undefined : schema.getType(hit.typeCondition);
    if (!isObjectType(candidate)) return undefined;
    const owner: GraphQLObjectType = candidate;
    const field: GraphQLField<unknown, unknown> | undefined = owner.getFields()[hit.node.name.value];
    if (!field) return undefined;
    found = { typeName: owner.name, fieldName: field.name, node: hit.node };
    parent = getNamedType(field.type);
    set = hit.node.selectionSet;
  }
  return found;
}

/** The names of the fields an operation selects at its root, once each. */
export function rootFieldNames(operation: OperationDefinitionNode, fragments: Fragments): string[] {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode, depth: number) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (depth < 10) {
        const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments[selection.name.value]?.selectionSet;
        if (inner) visit(inner, depth + 1);
      }
    }
  };
  visit(operation.selectionSet, 0);
  return [...names];
}
