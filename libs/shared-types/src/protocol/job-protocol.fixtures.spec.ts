import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { checkJobProtocol } from './job-protocol';

// Real protocols from OpenPAI's public repositories, kept outside this repository.
const FIXTURES_DIR = path.resolve(__dirname, '../../../../../shared/fixtures/protocols');

const fixturesPresent = existsSync(FIXTURES_DIR);
const describeWithFixtures = fixturesPresent ? describe : describe.skip;
const suiteTitle = fixturesPresent
  ? 'checkJobProtocol on real protocols'
  : 'checkJobProtocol on real protocols (skipped: the folder of real protocols is not present)';

function listFiles(kind: string): [string][] {
  const dir = path.join(FIXTURES_DIR, kind);
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => [name]);
}

function readFixture(kind: string, name: string): string {
  return readFileSync(path.join(FIXTURES_DIR, kind, name), 'utf8');
}

describeWithFixtures(suiteTitle, () => {
  describe('valid', () => {
    it.each(listFiles('valid'))('accepts %s', (name) => {
      const result = checkJobProtocol(readFixture('valid', name));

      expect(result.valid ? [] : result.problems).toEqual([]);
    });
  });

  describe('invalid', () => {
    it.each(listFiles('invalid'))('rejects the name in %s', (name) => {
      const result = checkJobProtocol(readFixture('invalid', name));

      expect(result.valid).toBe(false);
      const fields = result.valid ? [] : result.problems.map((problem) => problem.field);
      expect(fields).toContain('protocol.name');
    });
  });

  describe('malformed', () => {
    it.each(listFiles('malformed'))('rejects %s with a line', (name) => {
      const result = checkJobProtocol(readFixture('malformed', name));

      expect(result.valid).toBe(false);
      const firstProblem = result.valid ? undefined : result.problems[0];
      expect(firstProblem?.message).toMatch(/^protocol is not valid YAML: .+ at line \d+, column \d+$/);
      expect(firstProblem?.line).toEqual(expect.any(Number));
    });
  });
});
