/**
 * Source offsets of nodes and comments. The parser always records them; the types allow them to be
 * missing only because trees can also be built by hand.
 */
interface Ranged {
  start?: number | null;
  end?: number | null;
}

export function startOf(node: Ranged): number {
  return node.start ?? 0;
}

export function endOf(node: Ranged): number {
  return node.end ?? 0;
}
