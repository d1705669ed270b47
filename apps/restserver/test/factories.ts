import type { CreateItemRequest } from '@openpai-marketplace/shared-types';

/** Writes a small job protocol that passes the protocol rule, with `name` as the protocol's own name. */
export function jobProtocol(name = 'hello_job'): string {
  return [
    'protocolVersion: 2',
    `name: ${name}`,
    'type: job',
    'prerequisites:',
    '  - name: image',
    '    type: dockerimage',
    '    uri: openpai/standard:python_3.6-pytorch_1.2.0-gpu',
    'taskRoles:',
    '  worker:',
    '    instances: 1',
    '    dockerImage: image',
    '    resourcePerInstance: { cpu: 1, memoryMB: 1024, gpu: 0 }',
    '    commands:',
    '      - echo hello',
    '',
  ].join('\n');
}

/** Builds a create-item body for `author`, public by default, with any field overridden. */
export function itemBody(author: string, overrides: Partial<CreateItemRequest> = {}): CreateItemRequest {
  return {
    name: `${author} template`,
    author,
    type: 'template',
    summary: `A template by ${author}`,
    description: '# Template\n\nRuns a job.',
    protocol: jobProtocol(),
    isPublic: true,
    isPrivate: false,
    ...overrides,
  };
}
