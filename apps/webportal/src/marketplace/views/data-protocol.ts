/**
 * Writes the job protocol of a data template: a small job that downloads the data at `url` into
 * `/data/<name>`, which users can copy into their own protocols. The protocol's own name allows
 * only letters, digits, `_` and `-`, so it is derived from the display name.
 */
export function dataTemplateProtocol(displayName: string, url: string): string {
  const name = `${displayName.toLowerCase().replace(/[^a-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'dataset'}_download`.slice(0, 255);
  const folder = name.replace(/_download$/, '');
  return [
    'protocolVersion: 2',
    `name: ${name}`,
    'type: job',
    `description: Download ${JSON.stringify(url)} into /data/${folder}.`,
    'prerequisites:',
    '  - name: tools_image',
    '    type: dockerimage',
    '    uri: python:3.11-slim',
    '  - name: dataset',
    '    type: data',
    '    uri:',
    `      - ${JSON.stringify(url)}`,
    'taskRoles:',
    '  download:',
    '    instances: 1',
    '    dockerImage: tools_image',
    '    data: dataset',
    '    resourcePerInstance: {cpu: 1, memoryMB: 2048, gpu: 0}',
    '    commands:',
    `      - mkdir -p /data/${folder} && cd /data/${folder}`,
    `      - python -c "import sys, urllib.request as r; r.urlretrieve(sys.argv[1], sys.argv[1].rsplit('/', 1)[-1] or 'data')" ${JSON.stringify(url)}`,
    '',
  ].join('\n');
}
