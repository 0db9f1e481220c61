import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the query asks for `name` directly under the current field (through fragments too). A field
 * under @skip or @include counts as asked: the answer may cost more, never be wrong.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectsPath(info, [name]);
}

/** Whether the query asks for the field at `path` below the current field, e.g. `items.permissions`. */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const visit = (set: SelectionSetNode | undefined, depth: number): boolean =>
    set !== undefined &&
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== path[depth]) return false;
        return depth === path.length - 1 || visit(selection.selectionSet, depth + 1);
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet, depth);
      return visit(info.fragments[selection.name.value]?.selectionSet, depth);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet, 0));
}

/**
 * The response key (alias or name) under which the query asks for `name` directly under the current
 * field, through fragments too; undefined when it does not ask for it.
 */
export function responseKeyOf(info: GraphQLResolveInfo, name: string): string | undefined {
  const visit = (set: SelectionSetNode | undefined): string | undefined => {
    for (const selection of set?.selections ?? []) {
      const key =
        selection.kind === Kind.FIELD
          ? selection.name.value === name
            ? (selection.alias?.value ?? name)
            : undefined
          : visit(
              selection.kind === Kind.INLINE_FRAGMENT
                ? selection.selectionSet
                : info.fragments[selection.name.value]?.selectionSet,
            );
      if (key !== undefined) return key;
    }
    return undefined;
  };
  for (const node of info.fieldNodes) {
    const key = visit(node.selectionSet);
    if (key !== undefined) return key;
  }
  return undefined;
}
