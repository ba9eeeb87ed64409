/**
 * A tree's nodes in the order a depth-first walk meets them, each with its depth, recorded while the
 * tree is built (see estree-to-babel.ts). Replaying the list walks the tree without recursion or
 * looking up child keys: on the detection tree the shared walk costs a sixth of a recursive one.
 * The list describes the tree as built; a tree changed afterwards must not be replayed.
 */
import type { Node } from '@babel/types';

export interface Preorder {
  /** Whether nodes of a type are in the list: types whose nodes never have children are left out. */
  lists: (type: string) => boolean;
  /** A number for each type the list may hold; `typeIds` holds these, not the names. */
  typeIdOf: (type: string) => number | undefined;
  nodes: Node[];
  /**
   * Each node's type as its number, kept apart so the replay reads one array of small integers
   * instead of every node object, and finds a type's visitors by index instead of a lookup by name.
   */
  typeIds: number[];
  /** Depth of each node: 0 for the root. */
  depths: number[];
}

// Kept on the root itself: a WeakMap entry holding a million-node list slowed every collection.
const ORDER = Symbol('preorder');

export function recordPreorder(root: object, order: Preorder): void {
  (root as { [ORDER]?: Preorder })[ORDER] = order;
}

export function preorderOf(root: object): Preorder | undefined {
  return (root as { [ORDER]?: Preorder })[ORDER];
}
