import { Kind, type DocumentNode, type SelectionSetNode } from 'graphql';

/**
 * The deepest nesting of selection sets in `document` with its fragments inlined, each spread counting
 * as a level: how deep graphql-js's own validation rules will recurse. Computed without recursion, so
 * that measuring a hostile document cannot overflow the stack either; fragment cycles count once
 * (validation reports them).
 */
export function documentNesting(document: DocumentNode): number {
  const fragmentSets = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragmentSets.set(definition.name.value, definition.selectionSet);
    }
  }
  // Each fragment's own nesting and its spreads (with the level they sit at), read once.
  const local = new Map<string, { depth: number; spreads: Array<[string, number]> }>();
  const read = (set: SelectionSetNode) => {
    let depth = 0;
    const spreads: Array<[string, number]> = [];
    const pending: Array<[SelectionSetNode, number]> = [[set, 1]];
    while (pending.length > 0) {
      const [current, level] = pending.pop()!;
      depth = Math.max(depth, level);
      for (const selection of current.selections) {
        if (selection.kind === Kind.FRAGMENT_SPREAD) spreads.push([selection.name.value, level]);
        else if (selection.selectionSet) pending.push([selection.selectionSet, level + 1]);
      }
    }
    return { depth, spreads };
  };
  for (const [name, set] of fragmentSets) local.set(name, read(set));

  // Longest path through the spreads: depth first, with an explicit stack and a memo.
  const expanded = new Map<string, number>();
  const onPath = new Set<string>();
  const expand = (root: string): number => {
    if (!local.has(root)) return 0;
    const stack = [{ name: root, next: 0 }];
    onPath.add(root);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const own = local.get(frame.name)!;
      if (frame.next < own.spreads.length) {
        const [spread] = own.spreads[frame.next++];
        if (local.has(spread) && !expanded.has(spread) && !onPath.has(spread)) {
          onPath.add(spread);
          stack.push({ name: spread, next: 0 });
        }
        continue;
      }
      let depth = own.depth;
      for (const [spread, level] of own.spreads) {
        depth = Math.max(depth, level + (expanded.get(spread) ?? 0));
      }
      expanded.set(frame.name, depth);
      onPath.delete(frame.name);
      stack.pop();
    }
    return expanded.get(root)!;
  };

  let deepest = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const own = read(definition.selectionSet);
    deepest = Math.max(deepest, own.depth);
    for (const [spread, level] of own.spreads) {
      deepest = Math.max(deepest, level + (expanded.get(spread) ?? expand(spread)));
    }
  }
  for (const name of fragmentSets.keys()) {
    deepest = Math.max(deepest, expanded.get(name) ?? expand(name));
  }
  return deepest;
}
