import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the recorded material from outside the project lives, beside the repository. */
export const FIXTURES_DIR = resolve(__dirname, '../../../../../shared/fixtures');
export const fixturesPresent = existsSync(join(FIXTURES_DIR, 'api-golden', 'v1.8.0.jsonl'));

export interface RecordedExchange {
  seq: number;
  id: string;
  note?: string;
  nondeterministic?: string;
  request: {
    method: string;
    path: string;
    query: Record<string, string>;
    user: string | null;
    content_type: string | null;
    body: unknown;
    raw_body?: string;
  };
  response: {
    status: number;
    content_type: string;
    body_kind: 'json' | 'text' | 'empty';
    body: unknown;
  };
}

export function readRecordedSession(): RecordedExchange[] {
  return readFileSync(join(FIXTURES_DIR, 'api-golden', 'v1.8.0.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RecordedExchange);
}

/** Real ids behind the `<uuid:NAME>` placeholders of the recording. */
export function readPlaceholders(): Map<string, string> {
  const raw = JSON.parse(readFileSync(join(FIXTURES_DIR, 'api-golden', 'v1.8.0.placeholders.json'), 'utf8')) as Record<string, { id: string }>;
  return new Map(Object.entries(raw).map(([placeholder, { id }]) => [placeholder, id]));
}
