import { isMapping, type ProblemCollector } from './field-rules';
import { quoteText } from './protocol-problem';

/** Task role fields that name a prerequisite, with the prerequisite type each must name. */
const PREREQUISITE_REFERENCES = { dockerImage: 'dockerimage', data: 'data', script: 'script', output: 'output' } as const;

/**
 * Checks the names one part of a protocol gives another, as OpenPAI does when a job is submitted.
 * Prerequisite names are unique within their type, and deployment names are unique. Each task
 * role's `dockerImage`, `data`, `script` and `output` name a prerequisite of that type, and
 * `defaults.deployment` names a deployment. Parts of the wrong shape are skipped here, because
 * the shape rules have reported them already.
 */
export function checkProtocolReferences(problems: ProblemCollector, protocol: unknown): void {
  if (!isMapping(protocol)) {
    return;
  }

  const prerequisites = namedEntries(protocol.prerequisites, (entry) => (typeof entry.type === 'string' ? entry.type : undefined));
  const deployments = namedEntries(protocol.deployments, () => 'deployment');
  reportDuplicates(problems, 'prerequisites', prerequisites.duplicates, (type) => `${type} prerequisite`);
  reportDuplicates(problems, 'deployments', deployments.duplicates, () => 'deployment');

  if (isMapping(protocol.taskRoles)) {
    for (const [role, taskRole] of Object.entries(protocol.taskRoles)) {
      if (!isMapping(taskRole)) {
        continue;
      }
      for (const [field, type] of Object.entries(PREREQUISITE_REFERENCES)) {
        const name = taskRole[field];
        if (typeof name === 'string' && !prerequisites.names.get(type)?.has(name)) {
          problems.report(['taskRoles', role, field], `names ${quoteText(name)}, but no ${type} prerequisite has that name`);
        }
      }
    }
  }

  const defaultDeployment = isMapping(protocol.defaults) ? protocol.defaults.deployment : undefined;
  if (typeof defaultDeployment === 'string' && !deployments.names.get('deployment')?.has(defaultDeployment)) {
    problems.report(['defaults', 'deployment'], `names ${quoteText(defaultDeployment)}, but no deployment has that name`);
  }
}

interface NamedEntries {
  /** Names seen, by kind. */
  names: Map<string, Set<string>>;
  /** Index, kind and name of each entry whose name an earlier entry of its kind already has. */
  duplicates: { index: number; kind: string; name: string }[];
}

function namedEntries(list: unknown, kindOf: (entry: Record<string, unknown>) => string | undefined): NamedEntries {
  const result: NamedEntries = { names: new Map(), duplicates: [] };
  if (!Array.isArray(list)) {
    return result;
  }
  list.forEach((entry: unknown, index) => {
    const kind = isMapping(entry) ? kindOf(entry) : undefined;
    if (!isMapping(entry) || kind === undefined || typeof entry.name !== 'string') {
      return;
    }
    const seen = result.names.get(kind) ?? new Set<string>();
    result.names.set(kind, seen);
    if (seen.has(entry.name)) {
      result.duplicates.push({ index, kind, name: entry.name });
    }
    seen.add(entry.name);
  });
  return result;
}

function reportDuplicates(problems: ProblemCollector, listField: string, duplicates: NamedEntries['duplicates'], label: (kind: string) => string): void {
  for (const { index, kind, name } of duplicates) {
    problems.report([listField, index, 'name'], `repeats ${quoteText(name)}, the name of an earlier ${label(kind)}`);
  }
}
