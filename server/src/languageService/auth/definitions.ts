/**
 * Reads what a Request trigger accepts from the files people keep in git: Power Automate exports
 * (solution `Workflows/*.json`, legacy `definition.json`), bare workflow definitions, Logic Apps
 * Consumption ARM templates or workflow resources, and Logic Apps Standard `workflow.json` /
 * `authsettingsV2` resources. Facts: flow-auth-facts §1.3, §2.1, §2.2, §2.4, §6 #0.
 *
 * Tolerant: JSON with comments, trailing commas, BOM; problems carry offsets in the file read.
 */

import type { Node } from 'jsonc-parser';
import type { ConfigProblem, FlowType, TriggerAuth } from './types';
import { isObject, parseJsonText, problemAt, properties, property, stringOf, valueOf } from './jsonNodes';
import { platformOf, PLATFORMS } from './platforms';
import type { DefinitionFile, DefinitionShape } from './platforms/types';

export interface DefinitionResult {
  /** The kind of flow the file describes, when the file says so. */
  type?: FlowType;
  trigger: TriggerAuth;
  problems: ConfigProblem[];
}

/** What the file is, found by its shape. */
type Located = Omit<DefinitionFile, 'uri' | 'root' | 'request' | 'problems'>;
type RequestTrigger = NonNullable<DefinitionFile['request']>;

/**
 * Reads the trigger authentication of one flow or logic app from its definition file. `expected`
 * is the type the flow config declares: it decides how to read a file that does not say itself.
 */
export function readDefinition(uri: string, text: string, expected?: FlowType): DefinitionResult {
  const problems: ConfigProblem[] = [];
  const root = parseJsonText(uri, text, 'def-json-syntax', problems);
  return readDefinitionRoot(uri, root, expected, problems);
}

/**
 * The same reading from a tree already at hand: a workflow resource of an IaC file (an ARM
 * template's resource node, or a Bicep or Terraform resource given the JSON shape), offsets in
 * that file.
 */
export function readDefinitionNode(uri: string, root: Node, expected?: FlowType): DefinitionResult {
  return readDefinitionRoot(uri, root, expected, []);
}

function readDefinitionRoot(uri: string, root: Node | undefined, expected: FlowType | undefined, problems: ConfigProblem[]): DefinitionResult {
  const trigger: TriggerAuth = {};
  if (!isObject(root)) {
    if (root) problems.push(problemAt(uri, root, 'error', 'def-not-object', 'A definition file must hold a JSON object.'));
    else if (!problems.some(p => p.code === 'def-json-syntax')) problems.push({ uri, start: 0, end: 0, severity: 'error', code: 'def-not-object', message: 'The definition file is empty.' });
    return { type: expected, trigger, problems };
  }
  const located = locate(root, uri, expected, problems);
  const request = located.definition ? findRequestTrigger(located.definition, uri, problems) : undefined;
  if (request) trigger.triggerName = request.name;
  if (located.definition && !request && !problems.some(p => p.code === 'def-no-request-trigger')) {
    problems.push(problemAt(uri, valueOf(located.definition, 'triggers') ?? located.definition, 'information', 'def-no-request-trigger',
      'No HTTP Request trigger in this workflow: the trigger authentication cannot be determined.'));
  }
  const file: DefinitionFile = { ...located, uri, root, request, problems };

  // The trigger's own inputs say most; then the file's shape; then the config.
  const inputs = request?.inputs;
  const byInputs = inputs ? PLATFORMS.find(p => p.ownsTriggerInputs?.(inputs)) : undefined;
  const type = byInputs?.type ?? PLATFORMS.find(p => p.definitionShapes.includes(located.shape))?.type ?? expected;
  const readAs = new Set<FlowType>([...(type ? [type] : []), ...(expected ? [expected] : [])]);
  for (const platform of PLATFORMS) {
    if (readAs.has(platform.type) || platform.definitionHasFacts?.(file)) platform.readDefinition(file, trigger);
  }
  return { type, trigger, problems };
}

function typeIs(node: Node | undefined, type: string): boolean {
  return (stringOf(valueOf(node, 'type', true)) ?? '').toLowerCase() === type.toLowerCase();
}

/** Resources of an ARM template: an array, or (languageVersion 2.0) an object of symbolic names; nested ones too. */
function armResources(root: Node): Node[] {
  const out: Node[] = [];
  const visit = (container: Node | undefined, depth: number) => {
    if (!container || depth > 4) return;
    const items = container.type === 'array' ? container.children ?? [] : properties(container).map(p => p.value);
    for (const r of items) {
      if (!isObject(r)) continue;
      out.push(r);
      visit(valueOf(r, 'resources', true), depth + 1);
    }
  };
  visit(valueOf(root, 'resources', true), 0);
  return out;
}

function locate(root: Node, uri: string, expected: FlowType | undefined, problems: ConfigProblem[]): Located {
  const resources = valueOf(root, 'resources', true);
  if (resources && (resources.type === 'array' || resources.type === 'object')) {
    const all = armResources(root);
    const workflows = all.filter(r => typeIs(r, 'Microsoft.Logic/workflows'));
    const sites = all.filter(r => typeIs(r, 'Microsoft.Web/sites'));
    const auth = all.filter(r => (typeIs(r, 'Microsoft.Web/sites/config') || typeIs(r, 'config'))
      && /authsettingsv2/i.test(stringOf(valueOf(r, 'name', true)) ?? ''));
    const standard = sites.length > 0 || auth.length > 0;
    // A template with both: the site when the config says the flow is the site's platform.
    const preferSite = expected !== undefined && platformOf(expected).definitionShapes.includes('armWebSite');
    if (workflows.length > 0 && !(preferSite && standard)) {
      if (workflows.length > 1) {
        problems.push(problemAt(uri, workflows[1], 'information', 'def-multiple-workflows',
          `The template holds ${workflows.length} Microsoft.Logic/workflows resources; the first one is read.`));
      }
      const props = valueOf(workflows[0], 'properties', true);
      return { definition: objectOrUndefined(valueOf(props, 'definition', true)), accessControl: objectOrUndefined(valueOf(props, 'accessControl', true)), shape: 'armLogicWorkflow', label: 'ARM template' };
    }
    if (standard) {
      const site = sites.find(s => /workflowapp/i.test(stringOf(valueOf(s, 'kind', true)) ?? '')) ?? sites[0];
      return { authSettings: valueOf(auth[0], 'properties', true), site: valueOf(site, 'properties', true), shape: 'armWebSite', label: 'ARM template' };
    }
    problems.push(problemAt(uri, property(root, 'resources', true)!.key, 'information', 'def-no-workflow',
      'No Microsoft.Logic/workflows (or Logic Apps Standard site) resource in this template: the trigger authentication cannot be determined.'));
    return { shape: 'unknown', label: 'ARM template' };
  }
  const props = valueOf(root, 'properties', true);
  const authRoot = valueOf(root, 'identityProviders', true) ? root : valueOf(props, 'identityProviders', true) ? props : undefined;
  if (authRoot) return { authSettings: authRoot, shape: 'authSettings', label: 'authsettingsV2' };
  if (isObject(valueOf(props, 'definition', true)) || typeIs(root, 'Microsoft.Logic/workflows')) {
    const accessControl = objectOrUndefined(valueOf(props, 'accessControl', true));
    const paExport = property(root, 'schemaVersion', true) !== undefined || property(props, 'connectionReferences', true) !== undefined;
    const shape: DefinitionShape = accessControl || typeIs(root, 'Microsoft.Logic/workflows') ? 'logicWorkflowResource' : paExport ? 'flowExport' : 'workflowResource';
    return { definition: objectOrUndefined(valueOf(props, 'definition', true)), accessControl, shape, label: paExport ? 'flow export' : 'workflow resource' };
  }
  const definition = valueOf(root, 'definition', true);
  if (isObject(definition)) {
    // Logic Apps Standard `workflow.json`: { definition, kind: Stateful | Stateless }.
    const kind = stringOf(valueOf(root, 'kind', true)) ?? '';
    return { definition, shape: /^(stateful|stateless|agentic)$/i.test(kind) ? 'statefulWorkflowJson' : 'workflowJson', label: 'workflow.json' };
  }
  if (isObject(valueOf(root, 'triggers', true))) return { definition: root, shape: 'bareDefinition', label: 'workflow definition' };
  problems.push(problemAt(uri, root, 'information', 'def-unrecognized',
    'Not a recognised flow or Logic App definition (expected properties.definition, definition, triggers, or an ARM template with resources).'));
  return { shape: 'unknown', label: 'file' };
}

function objectOrUndefined(node: Node | undefined): Node | undefined {
  return isObject(node) ? node : undefined;
}

/** An HTTP Request trigger: type Request and kind Http (or no kind). Other Request kinds (Button, PowerApp…) are not HTTP endpoints. */
function findRequestTrigger(definition: Node, uri: string, problems: ConfigProblem[]): RequestTrigger | undefined {
  const triggersNode = valueOf(definition, 'triggers', true);
  const triggers = properties(triggersNode);
  const requests = triggers.filter(t => typeIs(t.value, 'Request'));
  const http = requests.filter(t => {
    const kind = stringOf(valueOf(t.value, 'kind', true));
    return kind === undefined || /^(http|teamswebhook)$/i.test(kind);
  });
  if (http.length === 0) {
    if (requests.length > 0) {
      const kind = stringOf(valueOf(requests[0].value, 'kind', true));
      problems.push(problemAt(uri, requests[0].key, 'information', 'def-no-request-trigger',
        `Trigger '${requests[0].name}' is a Request trigger of kind "${kind}", not an HTTP endpoint.`));
    }
    return undefined;
  }
  const first = http[0];
  if (triggers.length > 1) {
    problems.push(problemAt(uri, first.key, 'information', 'def-multiple-triggers',
      `The workflow has ${triggers.length} triggers; the first HTTP Request trigger, '${first.name}', is read.`));
  }
  return { name: first.name, node: first.value, inputs: objectOrUndefined(valueOf(first.value, 'inputs', true)) };
}
