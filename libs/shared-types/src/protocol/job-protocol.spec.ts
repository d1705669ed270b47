import { checkJobProtocol, type ProtocolProblem } from './job-protocol';

// Lines 1-13. Lines appended with four spaces of indentation extend the task role `train`,
// and unindented lines add top-level keys.
const IMAGE_PREREQUISITES = 'prerequisites: [{ name: pytorch_image, type: dockerimage, uri: "openpai/standard:python_3.6-pytorch_1.2.0-gpu" }]\n';
const MINIMAL_PROTOCOL = `protocolVersion: 2
name: train_mnist
type: job
${IMAGE_PREREQUISITES}taskRoles:
  train:
    dockerImage: pytorch_image
    resourcePerInstance:
      cpu: 4
      memoryMB: 8192
      gpu: 1
    commands:
      - python train.py
`;

const FULL_PROTOCOL = `protocolVersion: "2"
name: cifar10-resnet
type: job
version: 1.0
contributor: OpenPAI
description: Trains ResNet on CIFAR-10.
parameters:
  epochs: 10
secrets:
  registry_password: not-a-real-password
jobRetryCount: 1
prerequisites:
  - protocolVersion: 2
    name: pytorch_image
    type: dockerimage
    version: latest
    contributor: OpenPAI
    description: PyTorch with CUDA
    uri: openpai/standard:python_3.6-pytorch_1.2.0-gpu
    auth:
      username: openpai
      password: <% $secrets.registry_password %>
      registryuri: registry.example.com
  - name: cifar10_data
    type: data
    uri:
      - https://data.example.com/cifar-10-python.tar.gz
    plugin: fetch
  - name: training_script
    type: script
    uri: https://git.example.com/cifar10.git
  - name: model_output
    type: output
    uri: /mnt/output
taskRoles:
  worker:
    protocolVersion: 2
    instances: 2
    completion:
      minFailedInstances: 1
      minSucceededInstances: null
    taskRetryCount: 0
    prerequisites:
      - training_script
    dockerImage: pytorch_image
    data: cifar10_data
    output: model_output
    script: training_script
    extraContainerOptions:
      shmMB: 4096
    resourcePerInstance:
      cpu: 8
      memoryMB: 16384
      gpu: 2
      ports:
        ssh: 1
    commands:
      - python train.py --epochs <% $parameters.epochs %>
deployments:
  - name: local
    taskRoles:
      worker:
        preCommands:
          - wget <% $data.uri[0] %>
        postCommands:
          - cp -r output /mnt/output
defaults:
  deployment: local
  virtualCluster: default
extras:
  com.microsoft.pai.runtimeplugin:
    - plugin: ssh
`;

function problemsOf(yamlText: string): ProtocolProblem[] {
  const result = checkJobProtocol(yamlText);
  return result.valid ? [] : result.problems;
}

function firstProblem(yamlText: string): ProtocolProblem | undefined {
  return problemsOf(yamlText)[0];
}

function fieldsOf(yamlText: string): string[] {
  return problemsOf(yamlText).map((problem) => problem.field);
}

function withRoleLines(...lines: string[]): string {
  return MINIMAL_PROTOCOL + lines.map((line) => `    ${line}\n`).join('');
}

function withTopLevel(yamlText: string): string {
  return MINIMAL_PROTOCOL + yamlText;
}

/**
 * Replaces the minimal protocol's prerequisites with `entries` (lines of a YAML list), keeping
 * the image its task role names at the end so that its absence is not reported as well.
 */
function withPrerequisites(entries: string): string {
  return `${MINIMAL_PROTOCOL.replace(IMAGE_PREREQUISITES, '')}prerequisites:\n${entries}  - { name: pytorch_image, type: dockerimage, uri: ubuntu }\n`;
}

/** Nine levels, each a list of nine aliases to the level below: 9^9 strings if expanded. */
function buildAliasBomb(): string {
  const levels = [`lol0: &lol0 [${Array(9).fill('"lol"').join(', ')}]`];
  for (let level = 1; level < 9; level++) {
    levels.push(`lol${level}: &lol${level} [${Array(9).fill(`*lol${level - 1}`).join(', ')}]`);
  }
  return withTopLevel(`extras:\n${levels.map((line) => `  ${line}\n`).join('')}`);
}

describe('checkJobProtocol', () => {
  describe('accepted protocols', () => {
    it('accepts a minimal protocol', () => {
      const result = checkJobProtocol(MINIMAL_PROTOCOL);

      expect(result).toEqual({ valid: true, protocol: expect.objectContaining({ name: 'train_mnist' }) });
    });

    it('accepts every optional key', () => {
      expect(problemsOf(FULL_PROTOCOL)).toEqual([]);
    });

    it('returns the parsed protocol', () => {
      const result = checkJobProtocol(MINIMAL_PROTOCOL);

      const protocol = result.valid ? result.protocol : undefined;
      expect(protocol?.taskRoles).toEqual({
        train: {
          dockerImage: 'pytorch_image',
          resourcePerInstance: { cpu: 4, memoryMB: 8192, gpu: 1 },
          commands: ['python train.py'],
        },
      });
    });

    it('accepts protocolVersion 2 as a number', () => {
      expect(MINIMAL_PROTOCOL).toContain('protocolVersion: 2\n');
      expect(problemsOf(MINIMAL_PROTOCOL)).toEqual([]);
    });

    it('accepts protocolVersion "2" as a string', () => {
      expect(problemsOf(MINIMAL_PROTOCOL.replace('protocolVersion: 2', 'protocolVersion: "2"'))).toEqual([]);
    });

    it('accepts a name of exactly 255 characters', () => {
      const name = 'a'.repeat(255);

      expect(problemsOf(MINIMAL_PROTOCOL.replace('train_mnist', name))).toEqual([]);
    });

    it('accepts aliases used a few times', () => {
      const protocol = withTopLevel('extras:\n  image: &image pytorch_image\n  copies: [*image, *image, *image]\n');

      expect(problemsOf(protocol)).toEqual([]);
    });

    it('applies merge keys before checking', () => {
      const protocol = `protocolVersion: 2
name: merged
type: job
prerequisites: [{ name: pytorch_image, type: dockerimage, uri: ubuntu }]
extras:
  role_defaults: &role_defaults
    dockerImage: pytorch_image
    resourcePerInstance: {cpu: 1, memoryMB: 1024, gpu: 0}
taskRoles:
  train:
    <<: *role_defaults
    commands: [python train.py]
`;

      expect(problemsOf(protocol)).toEqual([]);
    });
  });

  describe('text and YAML syntax', () => {
    it('rejects empty text', () => {
      expect(problemsOf('')).toEqual([{ field: 'protocol', message: 'protocol must not be empty' }]);
    });

    it('rejects whitespace-only text', () => {
      expect(problemsOf('  \n\t\n')).toEqual([{ field: 'protocol', message: 'protocol must not be empty' }]);
    });

    it('rejects text over 1 MiB', () => {
      const protocol = withTopLevel(`description: "${'x'.repeat(1024 * 1024)}"\n`);

      const problem = firstProblem(protocol);
      expect(problem?.field).toBe('protocol');
      expect(problem?.message).toContain('1 MiB (1048576 bytes)');
    });

    it('counts the size limit in UTF-8 bytes', () => {
      const description = 'é'.repeat(600 * 1024);
      const protocol = withTopLevel(`description: "${description}"\n`);

      expect(protocol.length).toBeLessThan(1024 * 1024);
      expect(firstProblem(protocol)?.message).toContain('1 MiB');
    });

    it('reports a YAML syntax error with its line', () => {
      const protocol = `protocolVersion: 2
name: broken
type: job
taskRoles:
  train:
    dockerImage: pytorch_image
   commands: [python train.py]
`;

      const problem = firstProblem(protocol);
      expect(problem?.line).toBe(7);
      expect(problem?.message).toMatch(/^protocol is not valid YAML: .+ at line 7, column 1$/);
    });

    it('reports a duplicate key with its line', () => {
      const protocol = 'protocolVersion: 2\nname: first\nname: second\n';

      const problem = firstProblem(protocol);
      expect(problem?.line).toBe(3);
      expect(problem?.message).toContain('map keys must be unique');
    });

    it('rejects a multi-document text', () => {
      const problem = firstProblem(`${MINIMAL_PROTOCOL}---\n${MINIMAL_PROTOCOL}`);

      expect(problem?.message).toBe('protocol must be a single YAML document, but a second document starts at line 14');
      expect(problem?.line).toBe(14);
    });

    it('rejects a billion-laughs alias bomb quickly', () => {
      const startedAt = performance.now();

      const problems = problemsOf(buildAliasBomb());

      expect(performance.now() - startedAt).toBeLessThan(500);
      expect(problems).toHaveLength(1);
      expect(problems[0].message).toContain('aliases that expand too far');
    });

    it('rejects an alias to an undefined anchor', () => {
      const problem = firstProblem(withTopLevel('extras:\n  image: *missing_anchor\n'));

      expect(problem?.message).toContain('"*missing_anchor" refers to no anchor defined before it');
      expect(problem?.line).toBe(15);
    });

    it('rejects a recursive alias', () => {
      const problem = firstProblem(withTopLevel('extras: &loop\n  self: [*loop]\n'));

      expect(problem?.message).toContain('recursive YAML aliases');
      expect(problem?.line).toBe(15);
    });

    it('rejects collections nested over 100 levels', () => {
      const protocol = withTopLevel(`extras:\n  deep: ${'['.repeat(150)}${']'.repeat(150)}\n`);

      const problem = firstProblem(protocol);
      expect(problem?.message).toContain('more than 100 levels deep');
      expect(problem?.line).toBe(15);
    });

    it('rejects deep compact sequences without crashing', () => {
      const shallow = `extras:\n  deep:\n    ${'- '.repeat(1000)}x\n`;
      const deep = `extras:\n  deep:\n    ${'- '.repeat(20000)}x\n`;

      expect(firstProblem(withTopLevel(shallow))?.message).toContain('more than 100 levels deep');
      expect(firstProblem(withTopLevel(deep))?.message).toContain('more than 100 levels deep');
    });

    it('rejects input that is not a string', () => {
      const problem = firstProblem(undefined as unknown as string);

      expect(problem?.message).toBe('protocol must be YAML text, but is undefined');
    });
  });

  describe('document root', () => {
    it('rejects a list document', () => {
      expect(firstProblem('- protocolVersion: 2\n- name: a_list\n')?.message).toMatch(
        /^protocol must be a YAML mapping .+, but is a list$/,
      );
    });

    it('rejects a scalar document', () => {
      expect(firstProblem('just some text\n')?.message).toMatch(/, but is "just some text"$/);
    });

    it('rejects a null document', () => {
      expect(firstProblem('~\n')?.message).toMatch(/, but is null$/);
    });

    it('rejects a document of only comments', () => {
      expect(firstProblem('# nothing here\n')?.message).toMatch(/, but is null$/);
    });
  });

  describe('top-level keys', () => {
    it('rejects protocolVersion 3', () => {
      expect(problemsOf(MINIMAL_PROTOCOL.replace('protocolVersion: 2', 'protocolVersion: 3'))).toEqual([
        { field: 'protocol.protocolVersion', message: 'protocol.protocolVersion must be 2 or "2", but is 3', line: 1 },
      ]);
    });

    it('rejects a missing protocolVersion', () => {
      const problem = firstProblem(MINIMAL_PROTOCOL.replace('protocolVersion: 2\n', ''));

      expect(problem?.field).toBe('protocol.protocolVersion');
      expect(problem?.message).toBe('protocol.protocolVersion is required and must be 2 or "2"');
    });

    it('rejects a protocol name with spaces', () => {
      expect(problemsOf(MINIMAL_PROTOCOL.replace('train_mnist', 'my data set'))).toEqual([
        {
          field: 'protocol.name',
          message: 'protocol.name must match ^[a-zA-Z0-9_-]+$ (letters, digits, "_" and "-"), but is "my data set"',
          line: 2,
        },
      ]);
    });

    it('rejects a template placeholder name', () => {
      const problem = firstProblem(MINIMAL_PROTOCOL.replace('train_mnist', '{{jobname}}'));

      expect(problem?.field).toBe('protocol.name');
      expect(problem?.message).toMatch(/^protocol\.name must be a string matching .+, but is a mapping$/);
    });

    it('rejects a name of 256 characters', () => {
      const problem = firstProblem(MINIMAL_PROTOCOL.replace('train_mnist', 'a'.repeat(256)));

      expect(problem?.message).toBe('protocol.name must be at most 255 characters long, but is 256');
    });

    it('rejects a numeric name', () => {
      expect(firstProblem(MINIMAL_PROTOCOL.replace('train_mnist', '42'))?.message).toMatch(/, but is 42$/);
    });

    it('escapes control characters and markup in values', () => {
      const problem = firstProblem(MINIMAL_PROTOCOL.replace('train_mnist', '"<b>bold</b>\\a"'));

      expect(problem?.message).toContain('but is "\\u003cb\\u003ebold\\u003c/b\\u003e\\u0007"');
    });

    it('shortens long values in messages', () => {
      const problem = firstProblem(MINIMAL_PROTOCOL.replace('train_mnist', `"a b${'c'.repeat(500)}"`));

      expect(problem?.message).toContain('... (503 characters)');
      expect(problem?.message.length).toBeLessThan(250);
    });

    it('rejects a type other than job', () => {
      expect(firstProblem(MINIMAL_PROTOCOL.replace('type: job', 'type: data'))?.message).toBe(
        'protocol.type must be "job", but is "data"',
      );
    });

    it('rejects an unknown top-level key', () => {
      const problem = firstProblem(withTopLevel('virtualCluster: default\n'));

      expect(problem?.field).toBe('protocol.virtualCluster');
      expect(problem?.message).toMatch(/^protocol\.virtualCluster is not an allowed key \(allowed keys: protocolVersion, name, /);
      expect(problem?.line).toBe(14);
    });

    it('rejects a __proto__ key without changing prototypes', () => {
      const problem = firstProblem(withTopLevel('__proto__:\n  polluted: true\n'));

      expect(problem?.field).toBe('protocol.__proto__');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('accepts a numeric version', () => {
      expect(problemsOf(withTopLevel('version: 2.1\n'))).toEqual([]);
    });

    it('rejects a version that is a list', () => {
      expect(fieldsOf(withTopLevel('version: [1, 2]\n'))).toEqual(['protocol.version']);
    });

    it('rejects a description that is a list', () => {
      expect(fieldsOf(withTopLevel('description: [a, b]\n'))).toEqual(['protocol.description']);
    });

    it('rejects a contributor that is a number', () => {
      expect(fieldsOf(withTopLevel('contributor: 7\n'))).toEqual(['protocol.contributor']);
    });

    it('rejects parameters that are a list', () => {
      expect(fieldsOf(withTopLevel('parameters: [epochs]\n'))).toEqual(['protocol.parameters']);
    });

    it('rejects secrets that are a string', () => {
      expect(fieldsOf(withTopLevel('secrets: hunter2\n'))).toEqual(['protocol.secrets']);
    });

    it('rejects a negative jobRetryCount', () => {
      expect(firstProblem(withTopLevel('jobRetryCount: -1\n'))?.message).toBe(
        'protocol.jobRetryCount must be an integer of at least 0, but is -1',
      );
    });

    it('rejects a fractional jobRetryCount', () => {
      expect(fieldsOf(withTopLevel('jobRetryCount: 1.5\n'))).toEqual(['protocol.jobRetryCount']);
    });

    it('accepts other keys inside defaults', () => {
      expect(problemsOf(withTopLevel('defaults:\n  virtualCluster: default\n  anything: [1]\n'))).toEqual([]);
    });

    it('rejects a defaults deployment that is not a string', () => {
      expect(fieldsOf(withTopLevel('defaults:\n  deployment: [prod]\n'))).toEqual(['protocol.defaults.deployment']);
    });

    it('rejects extras that are a list', () => {
      expect(fieldsOf(withTopLevel('extras: [ssh]\n'))).toEqual(['protocol.extras']);
    });
  });

  describe('prerequisites', () => {
    it('rejects an empty prerequisites list', () => {
      const messages = problemsOf(`${MINIMAL_PROTOCOL.replace(IMAGE_PREREQUISITES, '')}prerequisites: []\n`).map((problem) => problem.message);

      expect(messages).toContain('protocol.prerequisites must be a non-empty list of mappings with a name and a type, but is an empty list');
    });

    it('rejects a prerequisite without a name', () => {
      expect(fieldsOf(withPrerequisites('  - type: dockerimage\n    uri: ubuntu\n'))).toEqual([
        'protocol.prerequisites[0].name',
      ]);
    });

    it('rejects a prerequisite that is a string', () => {
      expect(fieldsOf(withPrerequisites('  - ubuntu\n'))).toEqual(['protocol.prerequisites[0]']);
    });

    it('rejects an unknown prerequisite type', () => {
      const problem = firstProblem(withPrerequisites('  - name: model\n    type: model\n'));

      expect(problem).toEqual({
        field: 'protocol.prerequisites[0].type',
        message:
          'protocol.prerequisites[0].type must be one of "dockerimage", "data", "script", "output", but is "model"',
        line: 15,
      });
    });

    it('rejects a dockerimage without uri', () => {
      expect(firstProblem(withPrerequisites('  - name: image\n    type: dockerimage\n'))?.message).toBe(
        'protocol.prerequisites[0].uri is required and must be a string',
      );
    });

    it('rejects an unknown key in a dockerimage', () => {
      const protocol = withPrerequisites('  - name: image\n    type: dockerimage\n    uri: ubuntu\n    tag: latest\n');

      expect(fieldsOf(protocol)).toEqual(['protocol.prerequisites[0].tag']);
    });

    it('accepts protocol header keys in a dockerimage', () => {
      const protocol = withPrerequisites(
        '  - protocolVersion: 2\n    name: image\n    type: dockerimage\n    version: 1.0\n    contributor: OpenPAI\n    description: Ubuntu\n    uri: ubuntu\n',
      );

      expect(problemsOf(protocol)).toEqual([]);
    });

    it('rejects an unknown key in dockerimage auth', () => {
      const protocol = withPrerequisites(
        '  - name: image\n    type: dockerimage\n    uri: ubuntu\n    auth:\n      username: me\n      token: abc\n',
      );

      expect(fieldsOf(protocol)).toEqual(['protocol.prerequisites[0].auth.token']);
    });

    it('rejects a data uri that is a string', () => {
      const protocol = withPrerequisites('  - name: mnist\n    type: data\n    uri: /mnt/data/mnist\n');

      expect(firstProblem(protocol)?.message).toBe(
        'protocol.prerequisites[0].uri must be a list of strings, but is "/mnt/data/mnist"',
      );
    });

    it('rejects a script uri that is a list', () => {
      const protocol = withPrerequisites('  - name: code\n    type: script\n    uri: [a, b]\n');

      expect(fieldsOf(protocol)).toEqual(['protocol.prerequisites[0].uri']);
    });

    it('accepts further keys on data, script and output entries', () => {
      const protocol = withPrerequisites(
        '  - {name: d, type: data, uri: [x], plugin: p}\n  - {name: s, type: script, require: [d]}\n  - {name: o, type: output, uri: y, anything: 1}\n',
      );

      expect(problemsOf(protocol)).toEqual([]);
    });
  });

  describe('references between parts', () => {
    it('rejects a dockerImage naming no prerequisite', () => {
      const problem = firstProblem(MINIMAL_PROTOCOL.replace('dockerImage: pytorch_image', 'dockerImage: nothere'));

      expect(problem).toEqual({
        field: 'protocol.taskRoles.train.dockerImage',
        message: 'protocol.taskRoles.train.dockerImage names "nothere", but no dockerimage prerequisite has that name',
        line: 7,
      });
    });

    it('rejects a dockerImage naming a prerequisite of another type', () => {
      const protocol = withPrerequisites('  - { name: mnist, type: data, uri: [/data] }\n').replace('dockerImage: pytorch_image', 'dockerImage: mnist');

      expect(fieldsOf(protocol)).toEqual(['protocol.taskRoles.train.dockerImage']);
    });

    it.each(['data', 'script', 'output'])('rejects a %s naming no prerequisite', (field) => {
      expect(fieldsOf(withRoleLines(`${field}: missing`))).toEqual([`protocol.taskRoles.train.${field}`]);
    });

    it('accepts data, script and output naming their prerequisites', () => {
      const protocol = withPrerequisites('  - { name: d, type: data, uri: [x] }\n  - { name: s, type: script, uri: y }\n  - { name: o, type: output, uri: z }\n');

      expect(problemsOf(`${protocol.replace('    commands:', '    data: d\n    script: s\n    output: o\n    commands:')}`)).toEqual([]);
    });

    it('rejects two prerequisites of one type with one name', () => {
      const protocol = withPrerequisites('  - { name: code, type: script, uri: a }\n  - { name: code, type: script, uri: b }\n');

      expect(problemsOf(protocol)).toEqual([
        expect.objectContaining({ field: 'protocol.prerequisites[1].name', message: 'protocol.prerequisites[1].name repeats "code", the name of an earlier script prerequisite' }),
      ]);
    });

    it('accepts one name for prerequisites of different types', () => {
      expect(problemsOf(withPrerequisites('  - { name: mnist, type: data, uri: [x] }\n  - { name: mnist, type: script, uri: y }\n'))).toEqual([]);
    });

    it('rejects two deployments with one name', () => {
      const deployments = 'deployments:\n  - { name: local, taskRoles: {} }\n  - { name: local, taskRoles: {} }\n';

      expect(fieldsOf(withTopLevel(deployments))).toEqual(['protocol.deployments[1].name']);
    });

    it('rejects a default deployment that does not exist', () => {
      const protocol = withTopLevel('deployments:\n  - { name: local, taskRoles: {} }\ndefaults:\n  deployment: remote\n');

      expect(problemsOf(protocol)).toEqual([
        expect.objectContaining({ field: 'protocol.defaults.deployment', message: 'protocol.defaults.deployment names "remote", but no deployment has that name' }),
      ]);
    });
  });

  describe('task roles', () => {
    it('rejects a protocol without taskRoles', () => {
      const protocol = 'protocolVersion: 2\nname: no_roles\ntype: job\n';

      expect(firstProblem(protocol)?.message).toBe(
        'protocol.taskRoles is required and must be a mapping with at least one task role',
      );
    });

    it('rejects an empty taskRoles mapping', () => {
      const protocol = 'protocolVersion: 2\nname: no_roles\ntype: job\ntaskRoles: {}\n';

      expect(fieldsOf(protocol)).toEqual(['protocol.taskRoles']);
    });

    it('rejects a task role name with a space', () => {
      const problem = firstProblem(MINIMAL_PROTOCOL.replace('  train:', '  "train model":'));

      expect(problem?.field).toBe('protocol.taskRoles["train model"]');
      expect(problem?.message).toContain('must have a name matching ^[a-zA-Z_][a-zA-Z0-9_]*$');
    });

    it('rejects a task role name starting with a digit', () => {
      expect(fieldsOf(MINIMAL_PROTOCOL.replace('  train:', '  1st_role:'))).toEqual(['protocol.taskRoles["1st_role"]']);
    });

    it('rejects a task role missing commands', () => {
      const protocol = MINIMAL_PROTOCOL.replace('    commands:\n      - python train.py\n', '');

      expect(problemsOf(protocol)).toEqual([
        {
          field: 'protocol.taskRoles.train.commands',
          message: 'protocol.taskRoles.train.commands is required and must be a non-empty list of strings',
          line: 6,
        },
      ]);
    });

    it('rejects an empty commands list', () => {
      const protocol = MINIMAL_PROTOCOL.replace('    commands:\n      - python train.py\n', '    commands: []\n');

      expect(firstProblem(protocol)?.message).toMatch(/commands must be a non-empty list of strings, but is an empty list$/);
    });

    it('rejects a command that YAML reads as a mapping', () => {
      const problem = firstProblem(MINIMAL_PROTOCOL.replace('- python train.py', '- echo step: one'));

      expect(problem?.field).toBe('protocol.taskRoles.train.commands[0]');
    });

    it('rejects a task role missing dockerImage', () => {
      expect(fieldsOf(MINIMAL_PROTOCOL.replace('    dockerImage: pytorch_image\n', ''))).toEqual([
        'protocol.taskRoles.train.dockerImage',
      ]);
    });

    it('rejects resourcePerInstance with an unknown key', () => {
      const protocol = MINIMAL_PROTOCOL.replace('      gpu: 1\n', '      gpu: 1\n      diskGB: 100\n');

      expect(problemsOf(protocol)).toEqual([
        {
          field: 'protocol.taskRoles.train.resourcePerInstance.diskGB',
          message:
            'protocol.taskRoles.train.resourcePerInstance.diskGB is not an allowed key (allowed keys: cpu, memoryMB, gpu, ports)',
          line: 12,
        },
      ]);
    });

    it('rejects resourcePerInstance without gpu', () => {
      expect(fieldsOf(MINIMAL_PROTOCOL.replace('      gpu: 1\n', ''))).toEqual([
        'protocol.taskRoles.train.resourcePerInstance.gpu',
      ]);
    });

    it('rejects a fractional cpu count', () => {
      expect(firstProblem(MINIMAL_PROTOCOL.replace('cpu: 4', 'cpu: 0.5'))?.message).toBe(
        'protocol.taskRoles.train.resourcePerInstance.cpu must be an integer, but is 0.5',
      );
    });

    it('rejects memoryMB written as a string', () => {
      expect(firstProblem(MINIMAL_PROTOCOL.replace('memoryMB: 8192', 'memoryMB: "8192"'))?.message).toMatch(
        /memoryMB must be an integer, but is "8192"$/,
      );
    });

    it('accepts ports mapped to integers', () => {
      const protocol = MINIMAL_PROTOCOL.replace('      gpu: 1\n', '      gpu: 1\n      ports:\n        ssh: 1\n');

      expect(problemsOf(protocol)).toEqual([]);
    });

    it('rejects a port count that is a string', () => {
      const protocol = MINIMAL_PROTOCOL.replace('      gpu: 1\n', '      gpu: 1\n      ports:\n        ssh: one\n');

      expect(fieldsOf(protocol)).toEqual(['protocol.taskRoles.train.resourcePerInstance.ports.ssh']);
    });

    it('rejects zero instances', () => {
      expect(firstProblem(withRoleLines('instances: 0'))?.message).toBe(
        'protocol.taskRoles.train.instances must be an integer of at least 1, but is 0',
      );
    });

    it('accepts null completion counts', () => {
      expect(problemsOf(withRoleLines('completion:', '  minFailedInstances: null', '  minSucceededInstances: -1'))).toEqual(
        [],
      );
    });

    it('rejects a completion count that is a string', () => {
      expect(fieldsOf(withRoleLines('completion:', '  minFailedInstances: all'))).toEqual([
        'protocol.taskRoles.train.completion.minFailedInstances',
      ]);
    });

    it('rejects an unknown completion key', () => {
      expect(fieldsOf(withRoleLines('completion:', '  maxFailedInstances: 1'))).toEqual([
        'protocol.taskRoles.train.completion.maxFailedInstances',
      ]);
    });

    it('rejects a fractional taskRetryCount', () => {
      expect(fieldsOf(withRoleLines('taskRetryCount: 0.5'))).toEqual(['protocol.taskRoles.train.taskRetryCount']);
    });

    it('rejects task role prerequisites that are not strings', () => {
      expect(fieldsOf(withRoleLines('prerequisites:', '  - {name: image}'))).toEqual([
        'protocol.taskRoles.train.prerequisites[0]',
      ]);
    });

    it('rejects a data reference that is a list', () => {
      expect(fieldsOf(withRoleLines('data: [mnist]'))).toEqual(['protocol.taskRoles.train.data']);
    });

    it('rejects shmMB written with a unit', () => {
      expect(fieldsOf(withRoleLines('extraContainerOptions:', '  shmMB: 64M'))).toEqual([
        'protocol.taskRoles.train.extraContainerOptions.shmMB',
      ]);
    });

    it('rejects an unknown task role key', () => {
      const problem = firstProblem(withRoleLines('gpuType: k80'));

      expect(problem?.field).toBe('protocol.taskRoles.train.gpuType');
      expect(problem?.line).toBe(14);
    });

    it('accepts protocolVersion in a task role', () => {
      expect(problemsOf(withRoleLines('protocolVersion: 2'))).toEqual([]);
    });
  });

  describe('deployments', () => {
    it('accepts preCommands and postCommands', () => {
      const protocol = withTopLevel(
        'deployments:\n  - name: prod\n    taskRoles:\n      train:\n        preCommands: [pip install -r requirements.txt]\n        postCommands: [echo done]\n',
      );

      expect(problemsOf(protocol)).toEqual([]);
    });

    it('rejects deployments given as a mapping', () => {
      const protocol = withTopLevel('deployments:\n  prod:\n    taskRoles: {}\n');

      expect(firstProblem(protocol)?.message).toBe(
        'protocol.deployments must be a non-empty list of mappings with name and taskRoles, but is a mapping',
      );
    });

    it('rejects an empty deployments list', () => {
      expect(fieldsOf(withTopLevel('deployments: []\n'))).toEqual(['protocol.deployments']);
    });

    it('rejects a deployment without a name', () => {
      expect(fieldsOf(withTopLevel('deployments:\n  - taskRoles: {}\n'))).toEqual(['protocol.deployments[0].name']);
    });

    it('rejects a deployment without taskRoles', () => {
      expect(fieldsOf(withTopLevel('deployments:\n  - name: prod\n'))).toEqual(['protocol.deployments[0].taskRoles']);
    });

    it('rejects an unknown key in a deployment', () => {
      expect(fieldsOf(withTopLevel('deployments:\n  - name: prod\n    taskRoles: {}\n    image: x\n'))).toEqual([
        'protocol.deployments[0].image',
      ]);
    });

    it('rejects an unknown key in a deployment task role', () => {
      const protocol = withTopLevel('deployments:\n  - name: prod\n    taskRoles:\n      train:\n        commands: [x]\n');

      expect(fieldsOf(protocol)).toEqual(['protocol.deployments[0].taskRoles.train.commands']);
    });

    it('rejects an empty preCommands list', () => {
      const protocol = withTopLevel('deployments:\n  - name: prod\n    taskRoles:\n      train:\n        preCommands: []\n');

      expect(fieldsOf(protocol)).toEqual(['protocol.deployments[0].taskRoles.train.preCommands']);
    });
  });

  describe('problem reporting', () => {
    it('reports problems in document order', () => {
      const protocol = `protocolVersion: 3
name: my job
type: job
taskRoles:
  "1st":
    dockerImage: image
    resourcePerInstance: {cpu: 1, memoryMB: 1, gpu: 0}
    commands: []
unknown: 1
`;

      expect(problemsOf(protocol).map((problem) => problem.line)).toEqual([1, 2, 5, 6, 8, 9]);
    });

    it('reports at most 20 problems', () => {
      const unknownKeys = Array.from({ length: 30 }, (_, index) => `unknown_${index}: 1\n`).join('');

      expect(problemsOf(withTopLevel(unknownKeys))).toHaveLength(20);
    });

    it('reports the line of a nested field', () => {
      const problem = firstProblem(MINIMAL_PROTOCOL.replace('gpu: 1', 'gpu: two'));

      expect(problem?.line).toBe(11);
    });
  });
});
