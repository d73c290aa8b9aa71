/**
 * What an IaC file defines besides its policies, seen by the checks of the policies that file
 * embeds or loads: named values, backends, fragments, and Logic Apps as flows. The workspace index
 * with those added as if they were one more service of the workspace (and one more flow config).
 */
import { readDefinitionNode } from '../../auth/definitions';
import type { ConfigProblem, FlowConfig, FlowsConfig } from '../../auth/types';
import type { BackendInfo, FlowConfigEntry, FlowRef, FragmentInfo, NamedValueInfo, WorkspaceIndex } from '../workspaceIndex';
import type { IacFileModel, IacLogicApp } from './policySource';

/** A Logic App of the file as a flow, with the problems its access control has. */
export interface TemplateFlow {
  key: string;
  flow: FlowConfig;
  problems: ConfigProblem[];
}

/** The definitions of one host file, ready for the index's consumers. */
export interface TemplateDefinitions {
  hostUri: string;
  hostText: string;
  /** Named values, each with the key of the Logic App its value is the callback URL of. */
  infos: Array<NamedValueInfo & { workflow?: string }>;
  /** False when a display name is an expression: then any `{{name}}` may be one the file defines. */
  complete: boolean;
  backends: Array<BackendInfo & { workflow?: string }>;
  /** False when a backend's name is computed at deploy time. */
  backendsComplete: boolean;
  fragments: FragmentInfo[];
  fragmentsComplete: boolean;
  flows: TemplateFlow[];
}

/**
 * Problems that say the access control could not be read as written (an object or list the
 * reader could not follow, a value that is computed): the trigger facts are then unknown, not
 * "no policy".
 */
const UNREADABLE = new Set(['la-invalid-policies', 'la-invalid-claims', 'la-claim-not-string', 'la-policy-type', 'la-claim-values']);

/** The Logic App as a flow: its platform is the one whose definition shape a workflow resource is. */
function flowOf(hostUri: string, app: IacLogicApp): TemplateFlow | undefined {
  const read = readDefinitionNode(hostUri, app.resource);
  if (!read.type) return undefined;
  // what could not be read is not known: no trigger facts rather than "no OAuth policy"
  const trigger = read.problems.some(p => UNREADABLE.has(p.code)) ? {} : read.trigger;
  const flow: FlowConfig = {
    name: app.name ?? app.key, type: read.type, cloud: 'public', trigger, policies: [],
    definitionUri: hostUri, range: { uri: hostUri, start: app.start, end: app.end },
  };
  return { key: app.key, flow, problems: read.problems };
}

export function templateDefinitions(hostUri: string, hostText: string, model: IacFileModel): TemplateDefinitions {
  const infos: TemplateDefinitions['infos'] = [];
  let complete = true;
  for (const nv of model.namedValues) {
    if (nv.displayName === undefined) {
      complete = false;
      continue;
    }
    infos.push({
      name: nv.name ?? nv.displayName, displayName: nv.displayName, value: nv.value, secret: nv.secret,
      keyVaultSecret: nv.keyVaultSecret, uri: hostUri, range: { uri: hostUri, start: nv.start, end: nv.end }, text: hostText, workflow: nv.workflow,
    });
  }
  const backends: TemplateDefinitions['backends'] = [];
  let backendsComplete = true;
  for (const b of model.backends) {
    if (b.name === undefined) {
      backendsComplete = false;
      continue;
    }
    backends.push({
      name: b.name, url: b.url, description: b.description, uri: hostUri, range: { uri: hostUri, start: b.start, end: b.end }, text: hostText, workflow: b.workflow,
    });
  }
  const fragments: FragmentInfo[] = [];
  let fragmentsComplete = true;
  for (const p of model.policies) {
    if (p.scope !== 'fragment') continue;
    if (p.name === undefined) {
      fragmentsComplete = false;
      continue;
    }
    fragments.push({ name: p.name, uri: hostUri, range: { uri: hostUri, start: p.resourceStart, end: p.resourceEnd }, text: hostText });
  }
  const flows = model.logicApps.map(app => flowOf(hostUri, app)).filter((f): f is TemplateFlow => f !== undefined);
  return { hostUri, hostText, infos, complete, backends, backendsComplete, fragments, fragmentsComplete, flows };
}

/** Not a folder of the workspace: the name under which the template's definitions are known. */
const TEMPLATE_SERVICE = '\u0000iac-template';

/**
 * The template's Logic Apps as one flow config, named after the file. The APIM identities, the
 * resources and the tenant come from the workspace's first apim-flows.json when there is one
 * (the template says only what its Logic Apps accept, not who APIM is).
 */
function flowEntry(ws: WorkspaceIndex, template: TemplateDefinitions): FlowConfigEntry | undefined {
  if (template.flows.length === 0) return undefined;
  const base = ws.flowConfigs()[0]?.config;
  const flows: FlowsConfig['flows'] = Object.create(null);
  for (const f of template.flows) {
    let name = f.flow.name;
    for (let i = 2; name in flows; i++) name = `${f.flow.name} (${i})`;
    flows[name] = f.flow;
  }
  const config: FlowsConfig = {
    uri: template.hostUri, tenantId: base?.tenantId, cloud: base?.cloud ?? 'public',
    identities: base?.identities ?? Object.create(null), resources: base?.resources ?? Object.create(null), flows,
  };
  return {
    uri: template.hostUri, text: template.hostText, config, problems: [], dependencies: new Map(),
    policyGlobs: new Map(template.flows.map(f => [f.flow, []])),
  };
}

/**
 * The workspace with the template's definitions added. An unknown `{{name}}`, backend-id or
 * fragment-id is then warned where the template defines such names at all (like a service folder
 * with `named values/`), and not at all when one of them is computed at deploy time. A backend or
 * named value computed from a Logic App's callback URL leads to that Logic App as a flow. Without
 * a workspace the policy checks have nothing to look at, so nothing changes.
 */
export function withTemplateDefinitions(ws: WorkspaceIndex | undefined, template: TemplateDefinitions | undefined): WorkspaceIndex | undefined {
  if (!ws || !template) return ws;
  const { complete, backendsComplete, fragmentsComplete } = template;
  const empty = template.infos.length === 0 && template.backends.length === 0 && template.fragments.length === 0 && template.flows.length === 0;
  if (empty && complete && backendsComplete && fragmentsComplete) return ws;
  const entry = flowEntry(ws, template);
  const refOf = (workflow: string | undefined): FlowRef | undefined => {
    const flow = workflow === undefined ? undefined : template.flows.find(f => f.key === workflow)?.flow;
    return entry && flow ? { entry, flow } : undefined;
  };
  const infos: NamedValueInfo[] = template.infos.map(({ workflow, ...info }) => ({ ...info, flow: refOf(workflow) }));
  const backends: BackendInfo[] = template.backends.map(({ workflow, ...info }) => ({ ...info, flow: refOf(workflow) }));
  const { fragments } = template;
  const byName = <T extends { name: string }>(list: T[], name: string) => list.find(x => x.name === name);
  return {
    ...ws,
    servicesOf: uri => [...ws.servicesOf(uri), TEMPLATE_SERVICE],
    knows(service, kind) {
      // a computed name may be any name: nothing of that kind is known to be missing then
      if (kind === 'namedValue' && !complete) return false;
      if (kind === 'backend' && !backendsComplete) return false;
      if (kind === 'fragment' && !fragmentsComplete) return false;
      if (service !== TEMPLATE_SERVICE) return ws.knows(service, kind);
      return kind === 'namedValue' ? infos.length > 0 : kind === 'backend' ? backends.length > 0 : fragments.length > 0;
    },
    findNamedValue(uri, displayName) {
      const found = ws.findNamedValue(uri, displayName);
      if (found) return found;
      // display names are case-insensitive in APIM
      const lower = displayName.toLowerCase();
      return infos.find(n => n.displayName.toLowerCase() === lower || n.name.toLowerCase() === lower);
    },
    namedValues: uri => [...ws.namedValues(uri), ...infos],
    findBackend: (uri, name) => ws.findBackend(uri, name) ?? byName(backends, name),
    backends: uri => [...ws.backends(uri), ...backends],
    findFragment: (uri, name) => ws.findFragment(uri, name) ?? byName(fragments, name),
    fragments: uri => [...ws.fragments(uri), ...fragments],
    flowConfigs: () => (entry ? [...ws.flowConfigs(), entry] : ws.flowConfigs()),
  };
}
