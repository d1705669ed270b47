import {
  anyMappingRule,
  checkMapping,
  integerRule,
  isMapping,
  listRule,
  mappingRule,
  namedValuesRule,
  protocolVersionRule,
  stringListRule,
  stringRule,
  valueRule,
  type FieldRule,
  type MappingShape,
  type ProblemCollector,
} from './field-rules';
import { quoteText } from './protocol-problem';
import { checkProtocolReferences } from './reference-rules';
import { taskRolesRule } from './task-role-rule';

const JOB_NAME = /^[a-zA-Z0-9_-]+$/;
const JOB_NAME_CHARACTERS = 'letters, digits, "_" and "-"';
const MAX_JOB_NAME_LENGTH = 255;

const PREREQUISITE_TYPES = ['dockerimage', 'data', 'script', 'output'];

const versionRule = valueRule(
  'a string or a number',
  (value) => typeof value === 'string' || typeof value === 'number',
);

const jobNameRule: FieldRule = {
  expected: `a string matching ${JOB_NAME.source} (${JOB_NAME_CHARACTERS})`,
  check(problems, path, value) {
    if (typeof value !== 'string') {
      problems.reportMismatch(path, jobNameRule.expected, value);
    } else if (!JOB_NAME.test(value)) {
      problems.report(path, `must match ${JOB_NAME.source} (${JOB_NAME_CHARACTERS}), but is ${quoteText(value)}`);
    } else if (value.length > MAX_JOB_NAME_LENGTH) {
      problems.report(path, `must be at most ${MAX_JOB_NAME_LENGTH} characters long, but is ${value.length}`);
    }
  },
};

/**
 * Keys that dockerimage prerequisites may carry besides name, type, uri and auth. Protocols
 * published in OpenPAI's example and marketplace repositories repeat the protocol header in
 * their image entries, and the original marketplace server accepted those protocols.
 */
const DOCKER_IMAGE_HEADER_FIELDS: Readonly<Record<string, FieldRule>> = {
  protocolVersion: protocolVersionRule,
  version: versionRule,
  contributor: stringRule,
  description: stringRule,
};

const prerequisiteTypeRule = valueRule(
  `one of ${PREREQUISITE_TYPES.map((type) => `"${type}"`).join(', ')}`,
  (value) => typeof value === 'string' && PREREQUISITE_TYPES.includes(value),
);

const PREREQUISITE_BASE_FIELDS = { name: stringRule, type: prerequisiteTypeRule };

const registryAuthRule = mappingRule({
  fields: { username: stringRule, password: stringRule, registryuri: stringRule },
});

/** Shapes by prerequisite type. Data, script and output prerequisites may carry further keys. */
const PREREQUISITE_SHAPES: Readonly<Record<string, MappingShape>> = {
  dockerimage: {
    fields: { ...PREREQUISITE_BASE_FIELDS, uri: stringRule, auth: registryAuthRule, ...DOCKER_IMAGE_HEADER_FIELDS },
    required: ['name', 'type', 'uri'],
  },
  data: {
    fields: { ...PREREQUISITE_BASE_FIELDS, uri: stringListRule({ nonEmpty: false }) },
    required: ['name', 'type'],
    allowOtherKeys: true,
  },
  script: {
    fields: { ...PREREQUISITE_BASE_FIELDS, uri: stringRule },
    required: ['name', 'type'],
    allowOtherKeys: true,
  },
  output: {
    fields: { ...PREREQUISITE_BASE_FIELDS, uri: stringRule },
    required: ['name', 'type'],
    allowOtherKeys: true,
  },
};

/** Shape used when the type is missing or unknown, so that only name and type are reported. */
const UNTYPED_PREREQUISITE_SHAPE: MappingShape = {
  fields: PREREQUISITE_BASE_FIELDS,
  required: ['name', 'type'],
  allowOtherKeys: true,
};

const prerequisiteRule: FieldRule = {
  expected: 'a mapping with a name and a type',
  check(problems, path, value) {
    const type = isMapping(value) ? value.type : undefined;
    const shape =
      typeof type === 'string' && Object.hasOwn(PREREQUISITE_SHAPES, type)
        ? PREREQUISITE_SHAPES[type]
        : UNTYPED_PREREQUISITE_SHAPE;

    checkMapping(problems, path, value, { ...shape, expected: prerequisiteRule.expected });
  },
};

const deploymentRule = mappingRule({
  expected: 'a mapping with name and taskRoles',
  fields: {
    name: stringRule,
    taskRoles: namedValuesRule(
      'a mapping of task role names to preCommands and postCommands',
      mappingRule({
        fields: {
          preCommands: stringListRule({ nonEmpty: true }),
          postCommands: stringListRule({ nonEmpty: true }),
        },
      }),
      { nonEmpty: false },
    ),
  },
  required: ['name', 'taskRoles'],
});

const JOB_PROTOCOL_SHAPE: MappingShape = {
  expected: 'a YAML mapping of protocol fields such as protocolVersion, name and taskRoles',
  fields: {
    protocolVersion: protocolVersionRule,
    name: jobNameRule,
    type: valueRule('"job"', (value) => value === 'job'),
    version: versionRule,
    contributor: stringRule,
    description: stringRule,
    prerequisites: listRule(prerequisiteRule, { nonEmpty: true }),
    parameters: anyMappingRule,
    secrets: anyMappingRule,
    jobRetryCount: integerRule(0),
    taskRoles: taskRolesRule,
    deployments: listRule(deploymentRule, { nonEmpty: true }),
    defaults: mappingRule({ fields: { deployment: stringRule }, allowOtherKeys: true }),
    extras: anyMappingRule,
  },
  required: ['protocolVersion', 'name', 'type', 'taskRoles'],
};

/** Checks a parsed YAML document against the job protocol and reports each problem found. */
export function checkJobProtocolValue(problems: ProblemCollector, value: unknown): void {
  checkMapping(problems, [], value, JOB_PROTOCOL_SHAPE);
  checkProtocolReferences(problems, value);
}
