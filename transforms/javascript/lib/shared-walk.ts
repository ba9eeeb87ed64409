/**
 * One depth-first walk that serves many visitors at once, ESLint-style: each node goes to the
 * visitors registered for its type. Walking a Babel tree costs about as much as parsing it, so the
 * engine walks each tree once for all modules rather than once per module.
 */
import type { Node } from '@babel/types';
import type { Finding, NodeVisitor, NodeVisitors, SharedDetection } from '../../types.js';
import { preorderOf, type Preorder } from './preorder.js';
import { walk } from './walk.js';

interface TypeVisitors {
  visits: NodeVisitor[];
  /** Index in `visitorSets` of each visit. */
  owners: number[];
}

/** Which visitor set is being called; read it after the walk threw to learn whose visitor failed. */
export interface WalkPosition {
  visitorSet: number;
}

export function walkWithVisitors(root: Node, visitorSets: readonly NodeVisitors[], position: WalkPosition = { visitorSet: -1 }): void {
  const byType = new Map<string, TypeVisitors>();
  for (const [owner, visitors] of visitorSets.entries()) {
    for (const [type, visit] of Object.entries(visitors) as Array<[string, NodeVisitor | undefined]>) {
      if (visit === undefined) continue;
      let entry = byType.get(type);
      if (entry === undefined) byType.set(type, (entry = { visits: [], owners: [] }));
      entry.visits.push(visit);
      entry.owners.push(owner);
    }
  }
  if (byType.size === 0) return;
  const order = preorderOf(root);
  if (order !== undefined && [...byType.keys()].every((type) => order.lists(type))) {
    replay(order, byType, position);
    return;
  }
  // Wrapping each visitor in a closure instead made V8 keep whole trees alive across collections.
  walk(root, (node, ancestors) => {
    const entry = byType.get(node.type);
    if (entry === undefined) return;
    const { visits, owners } = entry;
    for (let i = 0; i < visits.length; i++) {
      position.visitorSet = owners[i] as number;
      (visits[i] as NodeVisitor)(node, ancestors);
    }
  });
}

/** The same visits as `walk` makes, in the same order with the same ancestors, from a recorded order. */
function replay(order: Preorder, byType: ReadonlyMap<string, TypeVisitors>, position: WalkPosition): void {
  const { nodes, typeIds, depths } = order;
  const byTypeId: Array<TypeVisitors | undefined> = [];
  for (const [type, entry] of byType) byTypeId[order.typeIdOf(type) as number] = entry;
  const ancestors: Node[] = [];
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index] as Node;
    // Popping is inlined by V8; assigning `length` is a runtime call, and this runs once per node.
    const depth = depths[index] as number;
    while (ancestors.length > depth) ancestors.pop();
    const entry = byTypeId[typeIds[index] as number];
    if (entry !== undefined) {
      const { visits, owners } = entry;
      for (let i = 0; i < visits.length; i++) {
        position.visitorSet = owners[i] as number;
        (visits[i] as NodeVisitor)(node, ancestors);
      }
    }
    ancestors.push(node);
  }
}

/** A module's shared detection run on its own: what its `detect` does. */
export function detectAlone(detection: SharedDetection, root: Node): Finding[] {
  walkWithVisitors(root, [detection.visitors]);
  return detection.findings();
}
