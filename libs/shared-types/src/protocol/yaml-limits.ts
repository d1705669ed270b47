import {
  CST,
  isAlias,
  isCollection,
  isScalar,
  visit,
  type Alias,
  type Document,
  type LineCounter,
  type Node,
} from 'yaml';

import { quoteText, type ProtocolProblem } from './protocol-problem';

/**
 * Maximum collection nesting accepted. OpenPAI's published protocols nest at most 6 levels.
 * `yaml` composes documents recursively. With yaml 2.9.1 on Node 20.20.2, parsing a list
 * nested 1,000 levels deep and then one nested 20,000 levels deep aborted the process with
 * a fatal out-of-memory error that no try/catch can handle.
 */
export const MAX_NESTING_DEPTH = 100;

/**
 * Returns a problem when the concrete syntax tree nests collections more than
 * MAX_NESTING_DEPTH levels deep. Walks the tree with an explicit stack, because recursion
 * is what the limit protects against.
 */
export function findExcessiveNesting(
  tokens: readonly CST.Token[],
  lineCounter: LineCounter,
): ProtocolProblem | undefined {
  // Each entry contains a token and the number of collections around it. Children are pushed
  // in reverse, so tokens are visited in document order.
  const pending = tokens.map((token) => ({ token, depth: 0 })).reverse();

  while (pending.length > 0) {
    const { token, depth } = pending.pop()!;

    if (token.type === 'document' && token.value) {
      pending.push({ token: token.value, depth });
    }
    if (!CST.isCollection(token)) {
      continue;
    }

    const level = depth + 1;
    if (level > MAX_NESTING_DEPTH) {
      const { line, col } = lineCounter.linePos(token.offset);
      const message = `protocol must not nest collections more than ${MAX_NESTING_DEPTH} levels deep, but does at line ${line}, column ${col}`;
      return { field: 'protocol', message, line };
    }

    const children = token.items.flatMap((item) => [item.key, item.value]);
    for (const child of children.reverse()) {
      if (child) {
        pending.push({ token: child, depth: level });
      }
    }
  }

  return undefined;
}

/**
 * Maps each alias to the node it refers to: the last node with that anchor before it.
 * Reports aliases with no such anchor and aliases inside the collection they refer to,
 * which would make the converted value circular.
 */
export function resolveAliases(
  document: Document.Parsed,
  lineCounter: LineCounter,
): { targets: Map<Alias, Node>; problems: ProtocolProblem[] } {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  const problems: ProtocolProblem[] = [];

  visit(document, (_key, node, path) => {
    if ((isScalar(node) || isCollection(node)) && node.anchor) {
      anchors.set(node.anchor, node);
    }
    if (!isAlias(node)) {
      return;
    }

    const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
    const where = `at line ${line}, column ${col}`;
    const target = anchors.get(node.source);
    const alias = quoteText(`*${node.source}`);

    if (!target) {
      const message = `protocol is not valid YAML: alias ${alias} refers to no anchor defined before it ${where}`;
      problems.push({ field: 'protocol', message, line });
    } else if (path.includes(target)) {
      const message = `protocol must not contain recursive YAML aliases, but alias ${alias} is inside the collection it refers to ${where}`;
      problems.push({ field: 'protocol', message, line });
    } else {
      targets.set(node, target);
    }
  });

  return { targets, problems };
}
