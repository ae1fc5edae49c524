/** The deployment-side model: deployed resources parsed into executable, validated processes, DRGs and forms. */
export type {
  CalledDecision,
  CalledElement,
  MultiInstance,
  DecisionInfo,
  DecisionRequirements,
  ExecutableProcess,
  FlowNode,
  FlowNodeKind,
  FormInfo,
  IoMapping,
  JobDefinition,
  UserTaskProperties,
  ZeebeUserTask,
  Mapping,
  ParsedResource,
  SequenceFlow,
  TimerDefinition,
} from './types.js';
export { parseResource } from './parse-resource.js';
export { USER_TASK_HEADERS } from './bpmn/job.js';
