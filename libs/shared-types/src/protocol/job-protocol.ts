import { ProblemCollector } from './field-rules';
import { checkJobProtocolValue } from './job-protocol-rule';
import { parseProtocolYaml } from './parse-protocol-yaml';
import type { ProtocolCheck, ProtocolProblem } from './protocol-problem';

export type { ProtocolCheck, ProtocolProblem } from './protocol-problem';

/** Maximum number of problems returned for one protocol. */
export const MAX_REPORTED_PROBLEMS = 20;

/**
 * Checks OpenPAI job protocol text (protocol version 2, YAML). Returns the parsed protocol,
 * or up to 20 problems in document order, the first being the earliest in the text.
 *
 * NOTE: Runs synchronously. Synthetic protocols near the 1 MiB limit took 1.5 to 2.3 s to
 * check on a 2-core AMD EPYC VM (yaml 2.9.1, Node 20.20.2), so a server may want a lower limit.
 */
export function checkJobProtocol(yamlText: string): ProtocolCheck {
  if (typeof yamlText !== 'string') {
    return rejected([{ field: 'protocol', message: `protocol must be YAML text, but is ${typeof yamlText}` }]);
  }

  const parsed = parseProtocolYaml(yamlText);
  if (!parsed.parsed) {
    return rejected(parsed.problems);
  }

  const problems = new ProblemCollector(parsed.lineOf);
  checkJobProtocolValue(problems, parsed.value);
  if (problems.problems.length > 0) {
    return rejected(problems.problems);
  }

  return { valid: true, protocol: parsed.value as Record<string, unknown> };
}

function rejected(problems: ProtocolProblem[]): ProtocolCheck {
  // Array.prototype.sort is stable, so problems on one line keep the order they were found in.
  const inDocumentOrder = [...problems].sort(
    (first, second) => (first.line ?? Number.MAX_SAFE_INTEGER) - (second.line ?? Number.MAX_SAFE_INTEGER),
  );
  return { valid: false, problems: inDocumentOrder.slice(0, MAX_REPORTED_PROBLEMS) };
}
