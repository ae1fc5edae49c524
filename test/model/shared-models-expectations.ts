/**
 * What should happen to each real model in `../shared/models/` (decided by reading each file, against real Zeebe's
 * validators): accepted (with what it deploys), rejected-invalid (real Zeebe rejects it too; `says` are texts the
 * rejection must contain), or rejected-unsupported (valid for real Zeebe, but uses elements this engine does not
 * support yet; `uses` lists every element type, and qualifier, the rejection names).
 */

/** An unsupported element: its BPMN type and, when the type alone is supported, what about it is not. */
export interface Unsupported {
  readonly type: string;
  readonly with?: string;
}

export type Expectation =
  | { readonly outcome: 'accepted'; readonly processes: readonly string[] }
  | { readonly outcome: 'accepted'; readonly drg: string; readonly decisions: readonly string[] }
  | { readonly outcome: 'accepted'; readonly form: string }
  | { readonly outcome: 'rejected-invalid'; readonly reason: string; readonly says: readonly string[] }
  | { readonly outcome: 'rejected-unsupported'; readonly uses: readonly Unsupported[] };

const processes = (...ids: string[]): Expectation => ({ outcome: 'accepted', processes: ids });
const unsupported = (...uses: Unsupported[]): Expectation => ({ outcome: 'rejected-unsupported', uses });
const invalid = (reason: string, ...says: string[]): Expectation => ({ outcome: 'rejected-invalid', reason, says });

const START_LISTENERS: Unsupported = { type: 'bpmn:StartEvent', with: 'zeebe:executionListeners' };
const NO_EXECUTABLE = 'Must contain at least one executable process';
const NO_TASK_DEFINITION = "Must have exactly one 'zeebe:taskDefinition' extension element";

/** Every file of the folder but its README, by name. */
export const SHARED_MODEL_EXPECTATIONS: Readonly<Record<string, Expectation>> = {
  'c8ex--ProcessMetadataListener--test.bpmn': unsupported(START_LISTENERS),
  'c8ex--async-service-task--async-service-task.bpmn': processes('AsyncServiceTaskProcess'),
  'c8ex--camunda-client-plain-java--demoDecision.dmn': { outcome: 'accepted', drg: 'force_users', decisions: ['demoDecision_jedi_or_sith'] },
  'c8ex--camunda-client-plain-java--demoProcess.bpmn': processes('demoProcess'),
  'c8ex--camunda-client-plain-java--demoProcessSingleTask.bpmn': processes('demoProcessSingleTask'),
  'c8ex--camunda-client-plain-java--exampleProcess.bpmn': processes('exampleProcess'),
  'c8ex--element-template-generation--test.bpmn': processes('test'),
  'c8ex--event-processing--eventHandler.bpmn': unsupported(START_LISTENERS),
  'c8ex--extended-connector-runtime--test.bpmn': processes('test'),
  'c8ex--large-multi-instance-example--campaign-process.bpmn': processes('CampaignProcess'),
  'c8ex--large-multi-instance-example--documentation--modeling-concept.bpmn': invalid('both pools are non-executable (a documentation diagram)', NO_EXECUTABLE),
  'c8ex--large-multi-instance-example--documentation--multi-instance-example.bpmn': invalid('all three pools are non-executable (a documentation diagram)', NO_EXECUTABLE),
  'c8ex--large-multi-instance-example--huge--distributed-bucket-process.bpmn': processes('DistributedBucketProcess'),
  'c8ex--large-multi-instance-example--huge--huge-campaign-process.bpmn': processes('HugeCampaignProcess'),
  'c8ex--large-multi-instance-example--large--bucket-process.bpmn': processes('BucketProcess'),
  'c8ex--large-multi-instance-example--large--large-campaign-process.bpmn': processes('LargeCampaignProcess'),
  'c8ex--large-multi-instance-example--letter-process.bpmn': processes('letterProcess'),
  'c8ex--large-multi-instance-example--multi-instance-simple-example.bpmn': processes('MICallActivityProcess', 'ElementCreationProcess'),
  'c8ex--parallel-operations--bpmn--camunda7--oldProcess.bpmn': invalid('a Camunda 7 model: service and send tasks use camunda:type/topic, no zeebe:taskDefinition', `- Element: SharedTaskTask\n    - ERROR: ${NO_TASK_DEFINITION}`, `- Element: ContinueMigratedProcessTask\n    - ERROR: ${NO_TASK_DEFINITION}`),
  'c8ex--parallel-operations--bpmn--camunda8--migratedProcess.bpmn': processes('MigratedProcessProcess'),
  'c8ex--payment-example-process-application--check-payment.form': { outcome: 'accepted', form: 'checkPayment' },
  'c8ex--payment-example-process-application--complete-usertasks--complete-user-tasks.bpmn': processes('CompleteTasksProcess'),
  'c8ex--payment-example-process-application--payment_process.bpmn': processes('paymentProcess'),
  'c8ex--payment-example-process-application--static--start-process.form': { outcome: 'accepted', form: 'Form_1km08al' },
  'c8ex--react-tasklist--example.bpmn': processes('Process_1002dwb'),
  'c8ex--rollback-on-error-example--rollback-process.bpmn': processes('RollbackOnErrorProcess'),
  'c8ex--secret-provider-as-credentials-provider--test.bpmn': processes('ZeebeTopologyFetcherProcess'),
  'c8ex--synchronous-response-springboot--models--responseProcess.bpmn': processes('responseProcess'),
  'c8ex--timer-testing--get-up.bpmn': processes('GetUpProcess'),
  'c8ex--twitter-review-java-springboot--twitter.bpmn': processes('TwitterDemoProcess'),
  'c8ex--weatherinfo-pyzeebe-connectors--src--form.form': { outcome: 'accepted', form: 'Formular_LocationAndEmail' },
  'c8ex--weatherinfo-pyzeebe-connectors--src--weatherinfo-process.bpmn': processes('WeatherInfoProcess'),
  'c8ex--zeebe-client-plain-java--demoDecision.dmn': { outcome: 'accepted', drg: 'force_users', decisions: ['demoDecision_jedi_or_sith'] },
  'c8ex--zeebe-client-plain-java--demoProcess.bpmn': processes('demoProcess'),
  'c8ex--zeebe-client-plain-java--demoProcessSingleTask.bpmn': processes('demoProcessSingleTask'),
  'zbnode--design--ZBBatchWorker-state-machine.bpmn': invalid(
    'a design sketch: a signal start event inside an embedded subprocess, and a gateway flow without condition',
    '- Element: SubProcess_09v7csw\n    - ERROR: Start events in subprocesses must be of type none',
    '- Element: SequenceFlow_1ukpub7\n    - ERROR: Must have a condition or be default flow',
  ),
  'zbnode--design--grpc-state-machine.bpmn': invalid(
    'a design sketch: several none start events, subprocesses with signal/message or two start events, escalation events without an escalation',
    '- Element: Process_0bf61fu\n    - ERROR: Multiple none start events are not allowed',
    '- Element: EscalationEventDefinition_18kb3fx\n    - ERROR: Must reference an escalation',
    '- Element: SubProcess_0l9q37b\n    - ERROR: Must have exactly one start event',
    '- Element: SubProcess_11b9lum\n    - ERROR: Start events in subprocesses must be of type none',
  ),
  'zbnode--example--connector_test.bpmn': processes('connectortest1'),
  'zbnode--example--test.bpmn': processes('test-process'),
  'zbnode--src--__tests__--testdata--BpmnParser.bpmn': invalid('stray text "0ex" inside bpmn:extensionElements (not allowed by the BPMN schema)', 'Failed to parse BPMN', '0ex'),
  'zbnode--src--__tests__--testdata--BpmnParser2.bpmn': processes('msg-start-process', 'emit-frame-process'),
  'zbnode--src--__tests__--testdata--Client-BrokenBpmn.bpmn': invalid('broken on purpose: an empty job type (and a static correlation key)', "- Element: ServiceTask_0g6tf5f > extensionElements > taskDefinition\n    - ERROR: Attribute 'type' must be present and not empty"),
  'zbnode--src--__tests__--testdata--Client-DeployWorkflow.bpmn': processes('test-process'),
  'zbnode--src--__tests__--testdata--Client-MessageStart.bpmn': processes('Process_1tbhm8x'),
  'zbnode--src--__tests__--testdata--Client-SkipFirstTask.bpmn': processes('SkipFirstTask'),
  'zbnode--src--__tests__--testdata--Client-ThrowError.bpmn': processes('throw-bpmn-error'),
  'zbnode--src--__tests__--testdata--Signal.bpmn': processes('Signal'),
  'zbnode--src--__tests__--testdata--Worker-Failure-Retries.bpmn': processes('worker-failure-retries'),
  'zbnode--src--__tests__--testdata--Worker-Failure1.bpmn': processes('worker-failure'),
  'zbnode--src--__tests__--testdata--Worker-Failure2.bpmn': processes('worker-failure2'),
  'zbnode--src--__tests__--testdata--Worker-Failure3.bpmn': processes('worker-failure3'),
  'zbnode--src--__tests__--testdata--Worker-LongPoll.bpmn': processes('long-poll'),
  'zbnode--src--__tests__--testdata--Worker-RaiseIncident.bpmn': processes('raise-incident'),
  'zbnode--src--__tests__--testdata--await-outcome-long.bpmn': processes('await-outcome-long'),
  'zbnode--src--__tests__--testdata--await-outcome.bpmn': processes('await-outcome'),
  'zbnode--src--__tests__--testdata--conditional-pathway.bpmn': processes('condition-test'),
  'zbnode--src--__tests__--testdata--decision.dmn': { outcome: 'accepted', drg: 'Definitions_1j6sjj9', decisions: ['Decision_13dmfgp'] },
  'zbnode--src--__tests__--testdata--disconnection.bpmn': processes('disconnection'),
  'zbnode--src--__tests__--testdata--form_1.form': { outcome: 'accepted', form: 'Form_07zfo8o' },
  'zbnode--src--__tests__--testdata--generic-test.bpmn': processes('generic-test'),
  'zbnode--src--__tests__--testdata--hello-world-complete.bpmn': processes('hello-world-complete'),
  'zbnode--src--__tests__--testdata--hello-world.bpmn': processes('hello-world'),
  'zbnode--src--__tests__--testdata--modeller7File.bpmn': invalid('truncated: the XML ends in the middle of the diagram', 'Failed to parse BPMN', 'unexpected end of file'),
  'zbnode--src--__tests__--testdata--quarantine-duration.dmn': { outcome: 'accepted', drg: 'Definitions_0km8yib', decisions: ['Decision_Quarantine'] },
};
