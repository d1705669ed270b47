import { configureLogging, requestContext } from '../common/logging/logger';
import { JsonTypeOrmLogger } from './typeorm-logger';

describe('JsonTypeOrmLogger', () => {
  let lines: Record<string, unknown>[];

  beforeEach(() => {
    lines = [];
    configureLogging('debug', { write: (line: string) => void lines.push(JSON.parse(line)) });
  });

  afterAll(() => {
    configureLogging('silent');
  });

  // A pool event fires in the context of whichever request opened the connection.
  it('logs pool events without a request id', () => {
    requestContext.run({ requestId: 'request-1' }, () => new JsonTypeOrmLogger().log('warn', 'Postgres pool raised an error. error: connection lost'));

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'warn', context: 'typeorm', msg: 'Postgres pool raised an error. error: connection lost' });
    expect(lines[0]).not.toHaveProperty('requestId');
  });
});
