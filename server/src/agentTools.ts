/**
 * The tools an agent calls: `apim_check_policy`, `apim_effective_policy`, `apim_simulate_flow`,
 * `apim_policy_reference`. One module for both hosts: the
 * MCP server (`apim-policy mcp`) and the LSP server, which answers the VS Code language-model
 * tools through a custom request, so an agent gets the same text from either.
 *
 * Rules every tool keeps: a path is read through the confined reader, inside the host's roots
 * only; no tool takes a bearer token (an input shaped like one is refused) and none returns one
 * (the answer is passed through the token redaction, in case a policy file holds one).
 */
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import {
  classifyArtifact, didYouMean, redactTokens,
  type AttributeInfo, type ElementInfo, type LanguageService, type PolicyFlowSimulation, type PolicyScope,
} from './languageService/languageService';
import type { ConfinedRead } from './node/confinedFiles';

import { AGENT_TOOL_NAMES, isAgentToolName, type AgentToolName } from '../../common/agentTools';

export { AGENT_TOOL_NAMES, type AgentToolName };

/** A tool's name, what it does (for the model) and its JSON input schema. */
export interface AgentToolSpec {
  name: AgentToolName;
  title: string;
  description: string;
  inputSchema: { type: 'object'; properties: Record<string, unknown>; required?: string[]; additionalProperties: false };
}

const SCOPES: PolicyScope[] = ['global', 'workspace', 'product', 'api', 'operation', 'fragment'];

export const AGENT_TOOLS: readonly AgentToolSpec[] = [
  {
    name: 'apim_check_policy',
    title: 'Check APIM policy',
    description:
      'Checks an Azure API Management policy XML document offline, as APIM would on save (unknown or misplaced elements, ' +
      'missing or invalid attributes, <base /> rules, C# policy expressions, named values, fragments and backends of the ' +
      'workspace, and the managed-identity token cross-check against Power Automate / Logic Apps triggers). Give the policy ' +
      'text, or the path of a policy.xml (or a Bicep, Terraform or ARM template file holding policies) inside the workspace. ' +
      'Returns a one-line summary, each problem as file:line:column: severity [code] message, and the same problems as the ' +
      "JSON of `apim-policy check --format json` (0-based lines). Errors are what APIM rejects; fix them before deploying.",
    inputSchema: {
      type: 'object',
      properties: {
        policy: { type: 'string', description: 'The policy XML text (<policies>…</policies> or a <fragment>). Give this or path.' },
        path: { type: 'string', description: 'A policy file inside the workspace, relative to the workspace folder (for example apis/orders/policy.xml). Give this or policy.' },
        scope: { type: 'string', enum: SCOPES, description: 'Where the policy applies; by default it comes from the file\'s place in the APIOps layout (unknown for text).' },
      },
      additionalProperties: false,
    },
  },
  {
    name: 'apim_effective_policy',
    title: 'Show effective APIM policy',
    description:
      'Composes the policy APIM actually runs for an operation or API in an APIOps workspace: global → product → API → operation, ' +
      'each level\'s statements put where the level below has <base />, fragments inlined. Give the path of the operation\'s or ' +
      'API\'s policy.xml (or its folder). Returns the levels that run, the products that hold the API, the composed policy XML, and ' +
      'as JSON each statement in execution order with its section, scope and source file. Use it to see what a change at one level does to a request.',
    inputSchema: {
      type: 'object',
      properties: {
        path: { type: 'string', description: 'An operation, API, product or global policy.xml inside the workspace (or the folder that holds it), relative to the workspace folder.' },
        product: { type: 'string', description: 'Which product\'s policy runs, when the API is in several (default: the first by name).' },
      },
      required: ['path'],
      additionalProperties: false,
    },
  },
  {
    name: 'apim_simulate_flow',
    title: 'Simulate flow trigger',
    description:
      'Predicts the token APIM\'s authentication-managed-identity would get for a policy and runs the checks the Power Automate ' +
      'or Logic Apps trigger the request goes to would run on it (audience, issuer, tenant, allowed callers, SAS and bearer together, ...), ' +
      'with the verdict (accepted, rejected, unknown) and the platform error a rejection returns. Uses the workspace\'s apim-flows.json; ' +
      'no real token is involved. Give a policy path (every managed identity in it), or a flow name (every policy linked to that flow).',
    inputSchema: {
      type: 'object',
      properties: {
        path: { type: 'string', description: 'A policy file inside the workspace, relative to the workspace folder.' },
        flow: { type: 'string', description: 'The name of a flow in the workspace\'s apim-flows.json.' },
      },
      additionalProperties: false,
    },
  },
  {
    name: 'apim_policy_reference',
    title: 'APIM policy reference',
    description:
      'What the policy catalog knows about one Azure API Management policy: summary, the sections (inbound, backend, outbound, ' +
      'on-error) and scopes it is allowed in, gateways, its attributes (required, type, allowed values, default, whether policy ' +
      'expressions are accepted), child elements, notes and the Microsoft Learn page. Use it before writing a policy element.',
    inputSchema: {
      type: 'object',
      properties: {
        name: { type: 'string', description: 'The policy element name, for example rate-limit-by-key or authentication-managed-identity.' },
      },
      required: ['name'],
      additionalProperties: false,
    },
  },
];

/** Bad input: a missing or wrong argument, a path outside the workspace, a token. */
export class AgentToolInputError extends Error {}

/** What a tool answers: a text for the model, and the same facts as JSON. */
export interface AgentToolResult {
  /** The summary and the findings in plain lines. */
  text: string;
  /** The findings as JSON (for check: the CLI's `--format json` array). */
  json: string;
}

/** What the host gives the tools: its language service (with the workspace indexed) and its roots. */
export interface AgentToolHost {
  service: LanguageService;
  /** The folders a path may be inside; a relative path is taken from the first one where it exists. */
  roots: readonly string[];
  /** Reads a file confined to the roots (the host may prefer an open editor's unsaved text). */
  read(file: string): ConfinedRead;
}

/** Runs a tool; throws AgentToolInputError for bad input. */
export async function runAgentTool(host: AgentToolHost, name: string, input: unknown): Promise<AgentToolResult> {
  if (!isAgentToolName(name)) throw new AgentToolInputError(`Unknown tool '${name}'. Tools: ${AGENT_TOOL_NAMES.join(', ')}.`);
  const args = checkInput(name, input);
  let result: AgentToolResult;
  switch (name) {
    case 'apim_check_policy': result = await checkPolicy(host, args); break;
    case 'apim_effective_policy': result = effectivePolicy(host, args); break;
    case 'apim_simulate_flow': result = simulateFlow(host, args); break;
    case 'apim_policy_reference': result = policyReference(host, args); break;
  }
  // a policy file may hold a token (a test value, a hard-coded header): it never leaves
  return { text: redactTokens(result.text), json: redactTokens(result.json) };
}

type Args = Record<string, string | undefined>;

/** Validates the arguments against the tool's schema (strings, enums, required, no others) and refuses tokens. */
function checkInput(name: AgentToolName, input: unknown): Args {
  const spec = AGENT_TOOLS.find(t => t.name === name)!;
  const raw = input ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new AgentToolInputError(`${name}: the arguments must be an object.`);
  const args: Args = {};
  for (const [key, value] of Object.entries(raw)) {
    const prop = spec.inputSchema.properties[key] as { enum?: string[] } | undefined;
    if (!prop) throw new AgentToolInputError(`${name}: unknown argument '${key}' (arguments: ${Object.keys(spec.inputSchema.properties).join(', ')}).`);
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw new AgentToolInputError(`${name}: '${key}' must be a string.`);
    if (prop.enum && !prop.enum.includes(value)) throw new AgentToolInputError(`${name}: '${key}' must be one of ${prop.enum.join(', ')}.`);
    if (redactTokens(value) !== value) {
      throw new AgentToolInputError(`${name}: '${key}' holds what looks like a bearer token (a JWT). These tools never take tokens; a person can inspect one with the extension's Token Inspector or \`apim-policy token\`.`);
    }
    args[key] = value;
  }
  for (const key of spec.inputSchema.required ?? []) {
    if (!args[key]) throw new AgentToolInputError(`${name}: '${key}' is required.`);
  }
  return args;
}

// ---- Files ----

interface ReadFile {
  /** The path as shown to the model: relative to the root it is in. */
  display: string;
  uri: string;
  text: string;
}

/** Resolves a path given by the model inside the roots and reads it (confined); refusals are input errors. */
function readInRoots(host: AgentToolHost, given: string): ReadFile {
  if (host.roots.length === 0) throw new AgentToolInputError('No workspace folder is open: give the policy text instead of a path.');
  const candidates = path.isAbsolute(given) ? [given] : host.roots.map(r => path.resolve(r, given));
  let refusal = 'not found';
  for (const file of candidates) {
    const r = host.read(file);
    if (r.ok) {
      const root = host.roots.find(x => !path.relative(x, file).startsWith('..')) ?? host.roots[0];
      return { display: path.relative(root, file) || path.basename(file), uri: URI.file(file).toString(), text: r.text };
    }
    refusal = r.error;
    if (r.error !== 'not found') break;
  }
  throw new AgentToolInputError(`${given}: ${refusal === 'not found' ? 'not found in the workspace' : `refused: ${refusal}`}.`);
}

// ---- apim_check_policy ----

const SEVERITY_NAME: Record<number, 'error' | 'warning' | 'information' | 'hint'> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export interface DiagnosticJson {
  file: string;
  range: Diagnostic['range'];
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

/** One diagnostic as `apim-policy check --format json` prints it. */
export function diagnosticJson(file: string, d: Diagnostic): DiagnosticJson {
  return { file, range: d.range, severity: SEVERITY_NAME[d.severity ?? DiagnosticSeverity.Error], code: String(d.code ?? ''), message: d.message };
}

/** The text given for a policy: under a name whose scope the layout cannot tell. */
const TEXT_URI = 'untitled:policy.xml';

async function checkPolicy(host: AgentToolHost, args: Args): Promise<AgentToolResult> {
  if ((args.policy === undefined) === (args.path === undefined)) throw new AgentToolInputError('apim_check_policy: give either policy (the XML text) or path (a file in the workspace).');
  await host.service.ready;
  const location = args.scope ? { scope: args.scope as PolicyScope } : undefined;
  let file: string;
  let diagnostics: Diagnostic[];
  if (args.policy !== undefined) {
    file = '<policy>';
    diagnostics = host.service.doValidation(TextDocument.create(TEXT_URI, 'apim-policy', 1, args.policy), undefined, {}, location);
  } else {
    const read = readInRoots(host, args.path!);
    file = read.display;
    const document = TextDocument.create(read.uri, 'apim-policy', 1, read.text);
    const hostFile = /\.(bicep|tf|json)$/i.test(read.uri);
    diagnostics = hostFile ? host.service.validateHostFile(document) : host.service.doValidation(document, undefined, {}, location);
  }
  const found = diagnostics.map(d => diagnosticJson(file, d));
  const count = (s: DiagnosticJson['severity']) => found.filter(d => d.severity === s).length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const errors = count('error');
  const head = `${file}${location ? ` (checked as ${/^[aeiou]/.test(location.scope) ? 'an' : 'a'} ${location.scope} policy)` : ''}: ${plural(errors, 'error')}, ${plural(count('warning'), 'warning')}, ${count('information') + count('hint')} information.` +
    (errors > 0 ? ' APIM would reject this policy on save.' : found.length === 0 ? ' No problem found.' : '');
  const lines = found.map(d => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} [${d.code}] ${d.message}`);
  return { text: [head, ...lines].join('\n'), json: JSON.stringify(found, null, 2) };
}

// ---- apim_effective_policy ----

function effectivePolicy(host: AgentToolHost, args: Args): AgentToolResult {
  let read: ReadFile;
  try {
    read = readInRoots(host, args.path!);
  } catch (e) {
    // a folder: its policy.xml, as `apim-policy effective` takes it
    if (!(e instanceof AgentToolInputError) || !/not a regular file/.test(e.message)) throw e;
    read = readInRoots(host, path.join(args.path!, 'policy.xml'));
  }
  const { service } = host;
  if (classifyArtifact(read.uri)?.kind === 'fragment') throw new AgentToolInputError(`${read.display}: a fragment has no effective policy of its own: it runs where it is included.`);
  const scope = service.workspace.policyEntry(read.uri)?.location?.scope;
  if (!scope || scope === 'fragment') throw new AgentToolInputError(`${read.display}: not an operation, API, product or global policy of an APIOps tree (its place in the tree gives no scope).`);
  if (args.product !== undefined) {
    const products = service.workspace.productsOf(read.uri).map(p => p.name);
    if (scope !== 'api' && scope !== 'operation') throw new AgentToolInputError(`product applies to API and operation policies; ${read.display} is a ${scope} policy.`);
    if (!products.includes(args.product)) throw new AgentToolInputError(`The API is in no product '${args.product}' (${products.length ? `its products: ${products.join(', ')}` : 'no product folder lists it'}).`);
  }
  const e = service.effectivePolicy(read.uri, { product: args.product });
  if (!e) throw new AgentToolInputError(`${read.display}: cannot compose its effective policy.`);
  const rel = (uri: string) => {
    const fsPath = URI.parse(uri).fsPath;
    const root = host.roots.find(r => !path.relative(r, fsPath).startsWith('..'));
    return root ? path.relative(root, fsPath) : fsPath;
  };
  const levels = e.levels.map(l => `${l.scope}${l.product ? ` '${l.product}'` : ''} (${rel(l.uri)})`);
  const head = [
    `Effective policy of ${read.display} (${e.scope} scope): ${levels.join(' → ')}.`,
    e.products.length ? `Products holding the API: ${e.products.join(', ')}${e.product ? `; composed with '${e.product}'` : ''}.` : '',
    `${e.elements.length} statement${e.elements.length === 1 ? '' : 's'} run, in this order:`,
  ].filter(Boolean);
  const json = {
    policy: read.display, scope: e.scope, products: e.products, product: e.product ?? null,
    levels: e.levels.map(l => ({ scope: l.scope, file: rel(l.uri) })),
    elements: e.elements.map(el => ({ name: el.name, section: el.section, scope: el.scope, file: rel(el.uri), range: el.range, ...(el.fragment ? { fragment: el.fragment } : {}) })),
  };
  return { text: [...head, e.text].join('\n'), json: JSON.stringify(json, null, 2) };
}

// ---- apim_simulate_flow ----

function simulationLines(file: string, s: PolicyFlowSimulation): string[] {
  const lines = [`${file}:${s.line + 1}:${s.character + 1}: ${s.summary}`];
  if (s.resource !== undefined) lines.push(`  resource: ${s.resource}${s.clientId ? `, client-id: ${s.clientId}` : ' (system-assigned identity)'}`);
  if (s.url) lines.push(`  request to: ${s.url}`);
  if (s.predictedToken) {
    const claims = Object.entries(s.predictedToken.payload).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
    lines.push(`  predicted token claims: ${claims.join(', ') || 'none known'}`);
    for (const n of s.predictedToken.notes) lines.push(`  note: ${n}`);
  }
  const mark = { pass: 'pass', fail: 'FAIL', warn: 'warn', skip: 'skip' } as const;
  // a predicted token skips the checks of a real one (format, signature, times): the JSON keeps them
  for (const c of s.checks) {
    if (c.status === 'skip') continue;
    let line = `  [${mark[c.status]}] ${c.title}${c.outcome && c.status !== 'pass' ? `: ${c.outcome}` : ''}`;
    if (c.status === 'fail' || c.status === 'warn') {
      const values = [c.expected !== undefined ? `expected ${c.expected}` : '', c.actual !== undefined ? `actual ${c.actual}` : ''].filter(Boolean);
      if (values.length) line += ` (${values.join('; ')})`;
      if (c.platformError) line += ` → ${c.platformError.status} ${c.platformError.code}${c.platformError.confirmed ? '' : ' (unconfirmed)'}`;
    }
    lines.push(line);
  }
  lines.push(`  verdict: ${s.verdict}${s.unknownReasons?.length ? ` (${s.unknownReasons.join('; ')})` : ''}`);
  return lines;
}

function simulateFlow(host: AgentToolHost, args: Args): AgentToolResult {
  if ((args.path === undefined) === (args.flow === undefined)) throw new AgentToolInputError('apim_simulate_flow: give either path (a policy file) or flow (a flow name of apim-flows.json).');
  const { service } = host;
  const results: Array<{ file: string; simulations: PolicyFlowSimulation[] }> = [];
  let head: string;
  if (args.path !== undefined) {
    const read = readInRoots(host, args.path);
    const simulations = service.simulateFlows(TextDocument.create(read.uri, 'apim-policy', 1, read.text));
    results.push({ file: read.display, simulations });
    head = simulations.length === 0
      ? `${read.display}: no authentication-managed-identity in this policy, so no token to simulate.`
      : `${read.display}: ${simulations.length} managed-identity call${simulations.length === 1 ? '' : 's'}: ${simulations.map(s => s.verdict).join(', ')}.`;
    if (service.workspace.flowConfigs().length === 0) head += ' No apim-flows.json in the workspace: only what the trigger URL alone settles is checked.';
  } else {
    const flows = service.listFlows();
    const flow = flows.find(f => f.name === args.flow);
    if (!flow) {
      const names = flows.map(f => f.name);
      throw new AgentToolInputError(`No flow named '${args.flow}' in the workspace's apim-flows.json${names.length ? ` (flows: ${names.join(', ')})` : ' (none found)'}.`);
    }
    for (const uri of [...new Set(flow.policies.map(p => p.uri))]) {
      const read = readInRoots(host, URI.parse(uri).fsPath);
      const simulations = service.simulateFlows(TextDocument.create(uri, 'apim-policy', 1, read.text)).filter(s => s.flow?.name === flow.name && s.flow.configUri === flow.configUri);
      results.push({ file: read.display, simulations });
    }
    const n = results.reduce((a, r) => a + r.simulations.length, 0);
    head = `Flow '${flow.name}' (${flow.description})${flow.url ? ` at ${flow.url}` : ''}: ` +
      (n === 0 ? 'no policy of the workspace calls it with a managed identity.' : `${n} managed-identity call${n === 1 ? '' : 's'}: ${results.flatMap(r => r.simulations.map(s => s.verdict)).join(', ')}.`);
  }
  const lines = [head, ...results.flatMap(r => r.simulations.flatMap(s => simulationLines(r.file, s)))];
  const json = results.flatMap(r => r.simulations.map(s => ({ file: r.file, ...s, flow: s.flow && { ...s.flow, configUri: undefined } })));
  return { text: lines.join('\n'), json: JSON.stringify(json, null, 2) };
}

// ---- apim_policy_reference ----

function valueText(a: AttributeInfo): string {
  const v = a.value;
  switch (v.kind) {
    case 'enum': return v.values.join(' | ');
    case 'int': case 'number': return `${v.kind}${v.min !== undefined ? ` >= ${v.min}` : ''}${v.max !== undefined ? ` <= ${v.max}` : ''}${'unit' in v && v.unit ? ` (${v.unit})` : ''}`;
    case 'bool-expression': return 'true | false | expression';
    default: return v.kind;
  }
}

function referenceLines(e: ElementInfo): string[] {
  const lines = [`<${e.name}>${e.variant ? ` (${e.variant})` : ''}: ${e.summary}`];
  if (e.deprecated) lines.push('  deprecated');
  if (e.preview) lines.push('  preview');
  lines.push(`  sections: ${e.sections.join(', ') || 'none'}`, `  scopes: ${e.scopes.join(', ') || 'none'}`);
  if (e.gateways.length) lines.push(`  gateways: ${e.gateways.join(', ')}`);
  if (e.attributes.length) lines.push('  attributes:');
  for (const a of e.attributes) {
    const facts = [a.required ? 'required' : 'optional', valueText(a), a.default !== undefined ? `default ${a.default}` : '', a.expressions ? 'expressions allowed' : 'no expressions'].filter(Boolean);
    lines.push(`    ${a.name} (${facts.join(', ')})${a.description ? `: ${a.description}` : ''}`);
  }
  if (e.children.length) lines.push('  children:');
  for (const c of e.children) lines.push(`    <${c.name}> (${c.required ? 'required' : 'optional'}${c.multiple ? ', repeatable' : ''})${c.description ? `: ${c.description}` : ''}`);
  if (e.content) lines.push(`  content: ${e.content}`);
  for (const c of e.constraints ?? []) lines.push(`  constraint: ${c}`);
  for (const n of e.notes ?? []) lines.push(`  note: ${n}`);
  lines.push(`  documentation: ${e.doc}`);
  return lines;
}

function policyReference(host: AgentToolHost, args: Args): AgentToolResult {
  const { catalog } = host.service;
  const name = args.name!.trim().replace(/^<\/?|\/?>$/g, '');
  const primary = catalog.getElement(name);
  const entries = primary?.kind === 'policy' ? [primary, ...catalog.getVariants(name)] : [];
  if (entries.length === 0) {
    const near = didYouMean(name, catalog.policyNames());
    throw new AgentToolInputError(`'${name}' is not an APIM policy the catalog knows.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`);
  }
  const text = entries.flatMap(referenceLines).join('\n');
  const json = entries.map(e => ({
    name: e.name, variant: e.variant, summary: e.summary, sections: e.sections, scopes: e.scopes, gateways: e.gateways,
    attributes: e.attributes.map(a => ({ name: a.name, required: a.required, type: valueText(a), default: a.default, expressions: a.expressions, description: a.description })),
    children: e.children, constraints: e.constraints, notes: e.notes, deprecated: e.deprecated, preview: e.preview, doc: e.doc,
  }));
  return { text, json: JSON.stringify(json, null, 2) };
}
