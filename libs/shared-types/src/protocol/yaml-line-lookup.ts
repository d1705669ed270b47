import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  type Alias,
  type Document,
  type LineCounter,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';

import type { FieldPath } from './protocol-problem';

/**
 * Creates a function that returns the 1-based line of the field at a path. A map entry is
 * located at its key, a list item at its start. When the path leaves the written document,
 * for a missing key or a key added by a `<<` merge, the line of the deepest node found is
 * returned instead.
 */
export function createLineLookup(
  document: Document.Parsed,
  lineCounter: LineCounter,
  aliasTargets: ReadonlyMap<Alias, Node>,
): (path: FieldPath) => number {
  const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

  function indexKeys(map: YAMLMap): Map<string, Pair> {
    let index = keyIndexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        const key = pairKeyAsString(pair);
        if (key !== undefined && !index.has(key)) {
          index.set(key, pair);
        }
      }
      keyIndexes.set(map, index);
    }
    return index;
  }

  return (path) => {
    let node: unknown = document.contents;
    let offset = startOffset(node) ?? 0;

    for (const segment of path) {
      if (isAlias(node)) {
        node = aliasTargets.get(node);
      }

      let next: unknown;
      if (typeof segment === 'number' && isSeq(node)) {
        next = node.items[segment];
        offset = startOffset(next) ?? offset;
      } else if (typeof segment === 'string' && isMap(node)) {
        const pair = indexKeys(node).get(segment);
        next = pair?.value;
        offset = startOffset(pair?.key) ?? startOffset(next) ?? offset;
      }

      if (next === undefined) {
        break;
      }
      node = next;
    }

    return lineCounter.linePos(offset).line;
  };
}

/** Returns the key as the plain-object conversion of `yaml` names it, for scalar keys. */
function pairKeyAsString(pair: Pair): string | undefined {
  if (!isScalar(pair.key)) {
    return undefined;
  }
  return pair.key.value === null ? '' : String(pair.key.value);
}

function startOffset(node: unknown): number | undefined {
  if (isPair(node)) {
    return startOffset(node.key);
  }
  if (isNode(node)) {
    return node.range?.[0];
  }
  return undefined;
}
