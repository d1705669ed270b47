import {
  integerOrNullRule,
  integerRule,
  mappingRule,
  namedValuesRule,
  protocolVersionRule,
  stringListRule,
  stringRule,
  type ProblemCollector,
} from './field-rules';
import { quoteText, type FieldPath } from './protocol-problem';

/**
 * OpenPAI puts task role names into environment variable names such as
 * PAI_TASK_ROLE_<name>_HOST_LIST, so a name must be a C identifier.
 */
const TASK_ROLE_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const resourcePerInstanceRule = mappingRule({
  expected: 'a mapping with cpu, memoryMB and gpu',
  fields: {
    cpu: integerRule(),
    memoryMB: integerRule(),
    gpu: integerRule(),
    ports: namedValuesRule('a mapping of port names to integers', integerRule(), { nonEmpty: false }),
  },
  required: ['cpu', 'memoryMB', 'gpu'],
});

const completionRule = mappingRule({
  fields: {
    minFailedInstances: integerOrNullRule,
    minSucceededInstances: integerOrNullRule,
  },
});

const extraContainerOptionsRule = mappingRule({
  fields: { shmMB: integerRule() },
});

const taskRoleRule = mappingRule({
  fields: {
    protocolVersion: protocolVersionRule,
    instances: integerRule(1),
    completion: completionRule,
    taskRetryCount: integerRule(),
    prerequisites: stringListRule({ nonEmpty: false }),
    dockerImage: stringRule,
    data: stringRule,
    output: stringRule,
    script: stringRule,
    extraContainerOptions: extraContainerOptionsRule,
    resourcePerInstance: resourcePerInstanceRule,
    commands: stringListRule({ nonEmpty: true }),
  },
  required: ['dockerImage', 'resourcePerInstance', 'commands'],
});

/** Rule for `protocol.taskRoles`: task role names mapped to task roles, at least one. */
export const taskRolesRule = namedValuesRule('a mapping with at least one task role', taskRoleRule, {
  nonEmpty: true,
  checkName: checkTaskRoleName,
});

function checkTaskRoleName(problems: ProblemCollector, path: FieldPath, name: string): void {
  if (!TASK_ROLE_NAME.test(name)) {
    problems.report(
      path,
      `must have a name matching ${TASK_ROLE_NAME.source} (a letter or "_", then letters, digits and "_"), but its name is ${quoteText(name)}`,
    );
  }
}
