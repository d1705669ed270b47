import { type z } from 'zod';
import { describeRawValue, rawValueAt, type RawValue } from './yaml-source';

/** Raised for configuration that cannot be rendered; each line names a key path and the problem. */
export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigurationError';
  }
}

/** Formats a key path as written in YAML documentation: `webportal.plugins[0].id`. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let formatted = '';
  for (const step of path) {
    if (typeof step === 'number') {
      formatted += `[${step}]`;
    } else {
      formatted += formatted ? `.${String(step)}` : String(step);
    }
  }
  return formatted || '(top level)';
}

/** Turns zod issues into lines such as `marketplace-db.port: expected an integer 1–65535, got "abc"`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], root: RawValue, fileName: string): string[] {
  return issues.map((issue) => {
    const found = describeRawValue(rawValueAt(root, issue.path));
    const expected = issue.message.startsWith('expected') ? issue.message : `expected a valid value (${issue.message})`;
    return `${fileName}: ${formatKeyPath(issue.path)}: ${expected}, got ${found}`;
  });
}
