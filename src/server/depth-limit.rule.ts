import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/** Deepest field nesting accepted; the example queries use at most 8. */
export const MAX_QUERY_DEPTH = 15;

/**
 * Rejects operations nested deeper than `maxDepth` before anything runs. Loaders keep upstream calls
 * bounded at any depth, but a deep cycle (organization → connections → organizations → ...) still
 * multiplies the response. Introspection (`__schema`, `__type`) is not counted: GraphiQL's own
 * introspection query is deep by nature.
 */
export function depthLimitRule(maxDepth = MAX_QUERY_DEPTH) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition);
    }
    // Each fragment's depth is computed once per document: recomputing it at every spread would let a
    // small document of fragments spreading each other twice take exponential time.
    const fragmentDepths = new Map<string, number>();
    const fragmentDepth = (name: string): number => {
      const known = fragmentDepths.get(name);
      if (known !== undefined) return known;
      const fragment = fragments.get(name);
      fragmentDepths.set(name, 0); // a cycle counts as 0 here; graphql-js reports it itself
      const depth = fragment ? depthOf(fragment.selectionSet) : 0;
      fragmentDepths.set(name, depth);
      return depth;
    };
    const depthOf = (set: SelectionSetNode | undefined): number => {
      if (!set) return 0;
      let deepest = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet));
        } else {
          deepest = Math.max(deepest, fragmentDepth(selection.name.value));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet);
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(
              `Query is nested ${depth} levels deep; at most ${maxDepth} are allowed`,
              { nodes: [operation] },
            ),
          );
        }
      },
    };
  };
}
