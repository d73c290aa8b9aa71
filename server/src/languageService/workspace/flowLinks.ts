/**
 * Which flow a policy's request goes to, and what the trigger would make of the token APIM sends.
 *
 * A policy is linked to a flow of `apim-flows.json` by the URL its request goes to
 * (`set-backend-service base-url`, a `backend-id` through `backends/`, `send-request`'s
 * `set-url`; named values resolved; scheme, host and path compared), or by the flow's `policies`
 * globs. The URL and the managed identity may sit at different levels (API and operation), so the
 * search follows the chain of policies that run for the request.
 */
import { createRoleResolver, type Catalog } from '../catalog';
import { elementsNamed, elementsOf, valueRange, type PolicyDocument, type PolicyElement } from '../parser/policyParser';
import { decodeXml } from '../utils/xmlEntities';
import { predictToken, type TokenPrediction } from '../auth/predict';
import { simulateTrigger } from '../auth/simulate';
import { platformFacts, type PlatformFacts } from '../auth/platformFacts';
import type { FlowConfig, RequestContext, SimulationResult } from '../auth/types';
import type { FlowConfigEntry, FlowRef, WorkspaceIndex } from './workspaceIndex';
import { replaceNamedValues } from '../utils/namedValues';
import { classifyArtifact, locatePolicy, type PolicyLocation } from './apiopsLayout';
import { composeEffective, type ComposedPolicy } from '../services/effectivePolicy';

/** Work done in steps: the host may answer requests between two (see `runSteps` for all at once). */
export type Steps<T> = Generator<void, T, void>;

/** Runs steps to their end. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A scan of the index's policies (thousands in a large repository) pauses after this many. */
const SCAN_STEP = 250;

/** A literal value in a policy file, with its place. */
export interface PlacedValue {
  uri: string;
  /** The text of the file, to turn offsets into positions. */
  text: string;
  value: string;
  start: number;
  end: number;
}

/** Where the request's URL comes from. */
export interface RequestTarget {
  /** The URL with named values resolved; undefined when it cannot be known statically. */
  url?: string;
  /** The literal as written (`base-url`, `backend-id` or `set-url` text). */
  source: PlacedValue;
  via: 'base-url' | 'backend-id' | 'set-url';
  /** For `backend-id`: the backend's file and the place of its URL. */
  backend?: PlacedValue;
  element: PolicyElement;
  /** The flow the URL is known to go to without the URL itself (an IaC Logic App's callback URL). */
  flow?: FlowRef;
}

export interface FlowLink {
  entry: FlowConfigEntry;
  flow: FlowConfig;
  /** `reference`: the backend or named value is computed from the flow's callback URL (IaC). */
  by: 'url' | 'glob' | 'reference';
}

export interface ManagedIdentityUse {
  element: PolicyElement;
  resource?: PlacedValue;
  clientId?: PlacedValue;
  outputVariable?: PlacedValue;
  /** True when `resource` is an expression or holds a named value that cannot be resolved. */
  dynamicResource: boolean;
  /** `resource` with its named values resolved, when that is possible. */
  resourceValue?: string;
  /** Why `resource` is known only at run time: an expression, a secret (Key Vault) named value, or a named value not found. */
  resourceRuntime?: 'expression' | 'secret' | 'unknown-named-value';
  /** The request goes to a recognised trigger URL that no flow config describes: what the platform alone settles. */
  platform?: PlatformFacts;
  /** Inside `<send-request>`: that call; otherwise the request to the backend. */
  inSendRequest: boolean;
  target?: RequestTarget;
  link?: FlowLink;
  prediction?: TokenPrediction;
  result?: SimulationResult;
  /** With `output-token-variable-name`: whether a `set-header Authorization` uses the variable. */
  tokenSentFromVariable?: boolean;
  /** `ignore-error="true"`: when no token is obtained the request goes on without one. */
  ignoreError?: PlacedValue;
  /**
   * The requests this judgement is about, when the identity runs for others than its own file's
   * (an identity in a global, product or API policy): each operation or API policy, and the product
   * the request goes through when the API is in several.
   */
  affects?: AffectedRequest[];
}

/** A request an identity's judgement applies to: the operation or API policy that ends its chain. */
export interface AffectedRequest {
  uri: string;
  location?: PolicyLocation;
  product?: string;
}

/** A request linked to a flow that requires OAuth, with no managed identity token on its way. */
export interface UnauthenticatedCall {
  target: RequestTarget;
  link: FlowLink;
  result: SimulationResult;
  /**
   * True when no `set-header name="Authorization" exists-action="delete"` runs on the way: APIM
   * forwards the client's own Authorization header, so the flow checks the client's token.
   */
  forwardsClientToken: boolean;
  /** With `forwardsClientToken`: what the trigger checks in that token (its expected values). */
  clientTokenChecks?: string[];
}

export interface PolicyFlowAnalysis {
  uses: ManagedIdentityUse[];
  unauthenticated: UnauthenticatedCall[];
}

function placed(uri: string, doc: PolicyDocument, el: PolicyElement, name: string): PlacedValue | undefined {
  const a = el.attributes.find(x => x.name === name);
  const range = a && valueRange(a);
  if (!a || a.value === undefined || !range) return undefined;
  return { uri, text: doc.text, value: decodeXml(a.value), ...range };
}

function textOf(uri: string, doc: PolicyDocument, el: PolicyElement): PlacedValue | undefined {
  const t = el.texts[0];
  if (!t) return undefined;
  const raw = doc.text.substring(t.start, t.end);
  const lead = raw.length - raw.trimStart().length;
  const value = raw.trim();
  return { uri, text: doc.text, value: t.cdata ? value : decodeXml(value), start: t.start + lead, end: t.start + lead + value.length };
}

function isExpression(value: string): boolean {
  return /^\s*@[({]/.test(value);
}

/** Replaces `{{name}}` with plain named values; undefined when one cannot be resolved. */
function resolveNamedValues(value: string, uri: string, ws: WorkspaceIndex): string | undefined {
  const r = resolveWithReason(value, uri, ws);
  return 'value' in r ? r.value : undefined;
}

/**
 * `{{name}}` replaced with plain named values, or why that is not possible: a secret (or Key
 * Vault) named value is known only at run time, and so is one the workspace does not hold.
 */
function resolveWithReason(value: string, uri: string, ws: WorkspaceIndex): { value: string } | { why: 'secret' | 'unknown-named-value' } {
  let why: 'secret' | 'unknown-named-value' | undefined;
  const out = replaceNamedValues(value, name => {
    const nv = ws.findNamedValue(uri, name);
    if (nv && (nv.secret || nv.keyVaultSecret !== undefined)) why = 'secret';
    else if (!nv || nv.value === undefined) why ??= 'unknown-named-value';
    return nv?.value ?? '';
  });
  return why ? { why } : { value: out };
}

/** The flow of the first `{{name}}` in a value whose IaC named value is a Logic App's callback URL. */
function flowOfNamedValues(value: string, uri: string, ws: WorkspaceIndex): FlowRef | undefined {
  let found: FlowRef | undefined;
  replaceNamedValues(value, (name, reference) => {
    found ??= ws.findNamedValue(uri, name)?.flow;
    return reference;
  });
  return found;
}

/** scheme://host/path, lower-cased scheme and host, default port and trailing slash dropped. */
export function normalizeUrl(url: string): string | undefined {
  try {
    const u = new URL(url.trim());
    const port = u.port && !((u.protocol === 'https:' && u.port === '443') || (u.protocol === 'http:' && u.port === '80')) ? `:${u.port}` : '';
    return `${u.protocol.toLowerCase()}//${u.hostname.toLowerCase()}${port}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

function decodedPath(uri: string): string {
  return uri.split('/').map(s => { try { return decodeURIComponent(s); } catch { return s; } }).join('/');
}

/** The last `set-backend-service` under these elements in document order, outside send-request (its own call). */
function lastBackendElement(roots: readonly PolicyElement[]): PolicyElement | undefined {
  let found: PolicyElement | undefined;
  const stack: PolicyElement[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]);
  while (stack.length) {
    const el = stack.pop()!;
    if (el.name === 'set-backend-service') found = el;
    if (el.name === 'send-request') continue;
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  }
  return found;
}

/** The request target a policy sets itself: the last `set-backend-service` in inbound or backend. */
function ownBackendTarget(uri: string, doc: PolicyDocument, ws: WorkspaceIndex): RequestTarget | undefined {
  const found = lastBackendElement(doc.roots);
  return found && backendTargetOf(uri, doc, found, ws);
}

function backendTargetOf(uri: string, doc: PolicyDocument, found: PolicyElement, ws: WorkspaceIndex): RequestTarget | undefined {
  const baseUrl = placed(uri, doc, found, 'base-url');
  if (baseUrl) {
    const url = isExpression(baseUrl.value) ? undefined : resolveNamedValues(baseUrl.value, uri, ws);
    const flow = url === undefined && !isExpression(baseUrl.value) ? flowOfNamedValues(baseUrl.value, uri, ws) : undefined;
    return { url, source: baseUrl, via: 'base-url', element: found, flow };
  }
  const backendId = placed(uri, doc, found, 'backend-id');
  if (backendId) {
    const backend = isExpression(backendId.value) ? undefined : ws.findBackend(uri, backendId.value.trim());
    const backendValue: PlacedValue | undefined = backend?.url !== undefined
      ? { uri: backend.uri, text: backend.text, value: backend.url, start: backend.range.start + 1, end: backend.range.end - 1 }
      : undefined;
    const url = backend?.url !== undefined ? resolveNamedValues(backend.url, uri, ws) : undefined;
    return { url, source: backendId, via: 'backend-id', backend: backendValue, element: found, flow: backend?.flow };
  }
  return undefined;
}

/**
 * Where a request that runs the composed policy goes: the last `set-backend-service` APIM runs in
 * inbound and backend, whichever level sets it.
 */
function composedBackendTarget(composed: ComposedPolicy, ws: WorkspaceIndex): RequestTarget | undefined {
  for (let i = composed.elements.length - 1; i >= 0; i--) {
    const e = composed.elements[i];
    if (e.section !== 'inbound' && e.section !== 'backend') continue;
    const found = e.element.name === 'set-backend-service' ? e.element : e.element.children.length ? lastBackendElement([e.element]) : undefined;
    if (found) return backendTargetOf(e.uri, e.doc, found, ws);
  }
  return undefined;
}

/** A request whose composed policy runs statements of the analysed file. */
interface RequestPath {
  request: AffectedRequest;
  composed: ComposedPolicy;
}

/**
 * The requests that run a policy file's statements, each composed (global → product → API →
 * operation through <base />): the file's own chain first (for a global, product or API policy:
 * the requests to APIs or operations without a policy of their own), then each API and operation
 * policy below it, once per product that holds its API. Undefined when the file has no place in
 * an APIOps tree.
 */
function* requestPaths(uri: string, doc: PolicyDocument, ws: WorkspaceIndex, fragment?: { uri: string; doc: PolicyDocument }): Steps<RequestPath[] | undefined> {
  const location = ws.policyEntry(uri)?.location ?? locatePolicy(uri);
  if (location?.scope === 'fragment') return yield* fragmentPaths(uri, doc, location.fragment ?? '', ws);
  if (!location) return undefined;
  const service = ws.policyEntry(uri)?.service ?? classifyArtifact(uri)?.service;
  const below = (p: { uri: string; location?: PolicyLocation; service?: string }): boolean => {
    const l = p.location;
    if (p.uri === uri || !l || (l.scope !== 'api' && l.scope !== 'operation') || service === undefined) return false;
    switch (location.scope) {
      case 'api': return l.scope === 'operation' && p.service === service && l.api === location.api && l.revision === location.revision;
      case 'product': return p.service === service && ws.productsOf(p.uri).some(x => x.name === location.product);
      case 'global':
      case 'workspace': return p.service === service || ws.servicesOf(p.uri).includes(service);
      default: return false;
    }
  };
  const leaves: { uri: string; location?: PolicyLocation }[] = [{ uri, location }];
  if (location.scope !== 'operation') {
    const all = ws.policies();
    for (let i = 0; i < all.length; i++) {
      if (below(all[i])) leaves.push(all[i]);
      if (i % SCAN_STEP === SCAN_STEP - 1) yield;
    }
  }
  // the fragment being analysed, when these are its includer's requests (the includer's own tree is the index's)
  const override = fragment ?? { uri, doc };
  const paths: RequestPath[] = [];
  for (const leaf of leaves) {
    const leafLocation = leaf.location;
    const products: (string | undefined)[] = location.scope === 'product'
      ? [location.product]
      : leafLocation?.scope === 'api' || leafLocation?.scope === 'operation' ? ws.productsOf(leaf.uri).map(p => p.name) : [];
    for (const product of products.length ? products : [undefined]) {
      const composed = composeEffective(leaf.uri, ws, { product, override });
      if (composed) paths.push({ request: { uri: leaf.uri, location: leafLocation, product: products.length > 1 ? product : undefined }, composed });
      yield;
    }
  }
  return paths;
}

/**
 * The requests that run a fragment's statements: those of every policy that includes it at the top
 * of a section (where the effective policy pastes it), each request once.
 */
function* fragmentPaths(uri: string, doc: PolicyDocument, name: string, ws: WorkspaceIndex): Steps<RequestPath[]> {
  const seen = new Set<string>();
  const out: RequestPath[] = [];
  const all = ws.policies();
  for (let i = 0; i < all.length; i++) {
    if (i % SCAN_STEP === SCAN_STEP - 1) yield;
    const p = all[i];
    // a text that does not name the fragment does not include it: no parse (thousands of policies)
    if (!ws.policyText(p.uri)?.includes(name)) continue;
    const including = ws.parsedPolicy(p.uri);
    if (!including || !includesFragment(including, name) || ws.findFragment(p.uri, name)?.uri !== uri) continue;
    for (const path of (yield* requestPaths(p.uri, including, ws, { uri, doc })) ?? []) {
      const k = `${path.request.uri}\n${path.request.product ?? ''}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(path);
    }
  }
  return out;
}

function includesFragment(doc: PolicyDocument, name: string): boolean {
  for (const root of doc.roots) {
    for (const section of root.children) {
      if (section.children.some(c => c.name === 'include-fragment' && decodeXml(c.attributes.find(a => a.name === 'fragment-id')?.value ?? '').trim() === name)) return true;
    }
  }
  return false;
}

/** True when the composed policy runs `el` of the file `uri` (the element itself or one that holds it). */
function runs(composed: ComposedPolicy, uri: string, el: PolicyElement): boolean {
  return composed.elements.some(e => e.uri === uri && e.element.start <= el.start && el.start < e.element.end);
}

/** The policy documents a composed policy reads: its levels and the fragments pasted into it. */
function composedDocs(composed: ComposedPolicy): PolicyDocument[] {
  const docs = new Set<PolicyDocument>(composed.levels.map(l => l.doc));
  for (const e of composed.elements) docs.add(e.doc);
  return [...docs];
}

function sendRequestTarget(uri: string, doc: PolicyDocument, sendRequest: PolicyElement, ws: WorkspaceIndex): RequestTarget | undefined {
  const setUrl = sendRequest.children.find(c => c.name === 'set-url');
  if (!setUrl) return undefined;
  const source = textOf(uri, doc, setUrl);
  if (!source) return undefined;
  const url = isExpression(source.value) ? undefined : resolveNamedValues(source.value, uri, ws);
  const flow = url === undefined && !isExpression(source.value) ? flowOfNamedValues(source.value, uri, ws) : undefined;
  return { url, source, via: 'set-url', element: setUrl, flow };
}

function linkFor(policyUri: string, target: RequestTarget | undefined, ws: WorkspaceIndex): FlowLink | undefined {
  if (target?.flow) return { ...target.flow, by: 'reference' };
  const url = target?.url ? normalizeUrl(target.url) : undefined;
  for (const entry of ws.flowConfigs()) {
    for (const flow of Object.values(entry.config.flows)) {
      if (url && flow.url && normalizeUrl(flow.url) === url) return { entry, flow, by: 'url' };
    }
  }
  const policyPath = decodedPath(policyUri);
  for (const entry of ws.flowConfigs()) {
    const folder = decodedPath(entry.uri.substring(0, entry.uri.lastIndexOf('/') + 1));
    if (!policyPath.startsWith(folder)) continue;
    const relative = policyPath.substring(folder.length);
    for (const flow of Object.values(entry.config.flows)) {
      if (entry.policyGlobs.get(flow)?.some(matches => matches(relative))) return { entry, flow, by: 'glob' };
    }
  }
  return undefined;
}

/** True when a `set-header name="Authorization"` in these documents uses the variable. */
function authorizationFromVariable(docs: PolicyDocument[], variable: string): boolean {
  for (const doc of docs) {
    for (const el of elementsNamed(doc.roots, 'set-header')) {
      const name = el.attributes.find(a => a.name === 'name')?.value;
      if (!name || decodeXml(name).trim().toLowerCase() !== 'authorization') continue;
      const values = el.children.filter(c => c.name === 'value').map(v => doc.text.substring(v.start, v.end));
      if (values.some(v => decodeXml(v).includes(variable))) return true;
    }
  }
  return false;
}

function managedIdentities(doc: PolicyDocument): PolicyElement[] {
  return managedIdentitiesIn(doc.roots);
}

function managedIdentitiesIn(roots: readonly PolicyElement[]): PolicyElement[] {
  return elementsNamed(roots, 'authentication-managed-identity');
}

export interface AnalysisOptions {
  catalog: Catalog;
  now?: Date;
}

/**
 * The managed-identity calls of one policy document, each with its target, linked flow,
 * predicted token and simulated trigger checks; and the calls to OAuth flows that carry no token.
 */
export function analyzePolicyFlows(uri: string, doc: PolicyDocument, ws: WorkspaceIndex, options: AnalysisOptions): PolicyFlowAnalysis {
  return runSteps(analyzePolicyFlowsInSteps(uri, doc, ws, options));
}

/**
 * `analyzePolicyFlows` in steps, for a host that answers requests between them: the analysis of
 * a product, API or global policy, or of a fragment, composes the requests of every policy below
 * it (or including it), one a step, and its scans of the index's policies pause every SCAN_STEP.
 */
export function* analyzePolicyFlowsInSteps(uri: string, doc: PolicyDocument, ws: WorkspaceIndex, options: AnalysisOptions): Steps<PolicyFlowAnalysis> {
  const result: PolicyFlowAnalysis = { uses: [], unauthenticated: [] };
  const mis = managedIdentities(doc);
  // Without a flow config, only a managed identity's call is judged (by the platform its URL
  // names): a policy without one has nothing to report, and the chain need not be read.
  if (mis.length === 0 && ws.flowConfigs().length === 0) return result;
  const roleOf = createRoleResolver(options.catalog);
  const parents = ws.parentPolicies(uri).map(u => ({ uri: u, doc: ws.parsedPolicy(u) })).filter((p): p is { uri: string; doc: PolicyDocument } => !!p.doc);
  const chainDocs = [doc, ...parents.map(p => p.doc)];

  // The backend target: this policy's own, else the nearest parent's.
  const own = ownBackendTarget(uri, doc, ws);
  let backendTarget = own;
  for (let i = parents.length - 1; !backendTarget && i >= 0; i--) backendTarget = ownBackendTarget(parents[i].uri, parents[i].doc, ws);

  // The requests that run this policy, composed through <base /> (read once, only when an identity
  // of this file sends its token with the request to the backend).
  let paths: RequestPath[] | undefined | null = null;

  for (const el of mis) {
    const role = roleOf(el);
    const inSendRequest = el.parent?.name === 'send-request';
    if (role.kind !== 'policy' && !inSendRequest) continue;
    const resource = placed(uri, doc, el, 'resource');
    const clientId = placed(uri, doc, el, 'client-id');
    const outputVariable = placed(uri, doc, el, 'output-token-variable-name');
    const resolved = !resource ? undefined : isExpression(resource.value) ? { why: 'expression' as const } : resolveWithReason(resource.value, uri, ws);
    const resourceValue = resolved && 'value' in resolved ? resolved.value.trim() : undefined;
    const dynamicResource = resourceValue === undefined;
    const clientIdValue = clientId && !isExpression(clientId.value) ? clientId.value.trim() : undefined;
    const ignoreError = placed(uri, doc, el, 'ignore-error');
    const judge = (target: RequestTarget | undefined, link: FlowLink | undefined, docs: PolicyDocument[], affects?: AffectedRequest[]): ManagedIdentityUse => {
      const use: ManagedIdentityUse = { element: el, resource, clientId, outputVariable, dynamicResource, resourceValue, inSendRequest, target, link };
      if (resolved && 'why' in resolved) use.resourceRuntime = resolved.why;
      if (ignoreError && ignoreError.value.trim().toLowerCase() === 'true') use.ignoreError = ignoreError;
      if (affects?.length) use.affects = affects;
      if (outputVariable) use.tokenSentFromVariable = authorizationFromVariable(docs, outputVariable.value);
      // with output-token-variable-name the header is set by a set-header, when one uses it
      const sendsBearer = outputVariable ? (use.tokenSentFromVariable ? true : undefined) : true;
      if (link && resourceValue !== undefined) {
        const { flow, entry } = link;
        use.prediction = predictToken(resourceValue, clientIdValue, entry.config, flow.tenantId);
        const request: RequestContext = { url: target?.url ?? flow.url, sendsBearer };
        use.result = simulateTrigger(flow, use.prediction.claims, request, { predicted: true, now: options.now });
      } else if (!link && target?.url) {
        use.platform = platformFacts(target.url, resourceValue, clientIdValue, sendsBearer);
      }
      return use;
    };
    if (inSendRequest) {
      const target = sendRequestTarget(uri, doc, el.parent!, ws);
      result.uses.push(judge(target, linkFor(uri, target, ws), chainDocs));
      continue;
    }
    // The identity meets the URL of every request that really runs it (global → product → API →
    // operation through <base />): one judgement per flow (or URL), naming the requests it is about.
    if (paths === null) paths = yield* requestPaths(uri, doc, ws);
    const running = (paths ?? []).filter(p => runs(p.composed, uri, el));
    if (running.length === 0) {
      result.uses.push(judge(backendTarget, linkFor(uri, backendTarget, ws), chainDocs));
      continue;
    }
    const groups = new Map<string, { target?: RequestTarget; link?: FlowLink; docs: PolicyDocument[]; affects: AffectedRequest[] }>();
    for (const p of running) {
      const target = composedBackendTarget(p.composed, ws);
      const link = linkFor(p.request.uri, target, ws) ?? (p.request.uri !== uri ? linkFor(uri, target, ws) : undefined);
      const key = link
        ? `flow\n${link.entry.uri}\n${link.flow.name}\n${target?.url ?? ''}`
        : `url\n${target?.url ?? ''}\n${target ? `${target.source.uri}#${target.source.start}` : ''}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { target, link, docs: composedDocs(p.composed), affects: [] }));
      if (p.request.uri !== uri || p.request.product !== undefined) group.affects.push(p.request);
    }
    for (const g of groups.values()) {
      // this file's own request through a product is worth naming only when products differ in what they reach
      const affects = groups.size > 1 ? g.affects : g.affects.filter(a => a.uri !== uri);
      result.uses.push(judge(g.target, g.link, g.docs, affects));
    }
  }

  // A call this policy sends to an OAuth flow, with no managed identity anywhere on its way.
  if (own) {
    const link = linkFor(uri, own, ws);
    const sendsToken = (els: PolicyElement[]) => els.some(m => m.parent?.name !== 'send-request');
    // a token from a broader level counts only where <base /> really runs it
    const self = composeEffective(uri, ws, { override: { uri, doc } });
    const fromChain = self
      ? self.elements.some(e => e.section === 'inbound' && sendsToken(managedIdentitiesIn([e.element])))
      : parents.some(p => sendsToken(managedIdentities(p.doc)));
    const hasToken = sendsToken(mis) || fromChain || (yield* hasTokenInOperations(uri, ws));
    if (link && !hasToken) {
      const url = own.url ?? link.flow.url;
      // what the trigger says to a call without a token (SAS URLs and "anyone" flows accept it)
      const r = simulateTrigger(link.flow, { header: {}, payload: {} }, { url, sendsBearer: false }, { predicted: true, now: options.now });
      if (r.verdict === 'rejected') {
        // APIM forwards the client's request headers unless a policy removes them
        // (https://learn.microsoft.com/en-us/azure/api-management/set-header-policy, exists-action="delete").
        const forwardsClientToken = !authorizationRemoved(uri, chainDocs, ws);
        const call: UnauthenticatedCall = { target: own, link, result: r, forwardsClientToken };
        if (forwardsClientToken) call.clientTokenChecks = clientTokenChecks(link.flow, url, options.now);
        result.unauthenticated.push(call);
      }
    }
  }
  return result;
}

/**
 * True when a `set-header name="Authorization" exists-action="delete"` runs for the request: in
 * these documents or in a fragment they include.
 */
function authorizationRemoved(uri: string, docs: PolicyDocument[], ws: WorkspaceIndex): boolean {
  const seen = new Set<string>();
  const queue = [...docs];
  while (queue.length) {
    const doc = queue.pop()!;
    for (const el of elementsOf(doc.roots)) {
      if (el.name === 'include-fragment') {
        const id = el.attributes.find(a => a.name === 'fragment-id')?.value;
        const fragment = id ? ws.findFragment(uri, decodeXml(id).trim()) : undefined;
        const parsed = fragment && !seen.has(fragment.uri) ? ws.parsedPolicy(fragment.uri) : undefined;
        if (fragment) seen.add(fragment.uri);
        if (parsed) queue.push(parsed);
        continue;
      }
      if (el.name !== 'set-header') continue;
      const attr = (n: string) => decodeXml(el.attributes.find(a => a.name === n)?.value ?? '').trim().toLowerCase();
      if (attr('name') === 'authorization' && attr('exists-action') === 'delete') return true;
    }
  }
  return false;
}

/** What the trigger checks in a token it receives: the expected values of its audience, tenant and caller checks. */
function clientTokenChecks(flow: FlowConfig, url: string | undefined, now: Date | undefined): string[] {
  const r = simulateTrigger(flow, { header: {}, payload: {} }, { url, sendsBearer: true }, { predicted: true, now });
  const out: string[] = [];
  if (flow.tenantId) out.push(`tid ${flow.tenantId}`);
  for (const c of r.checks) {
    if (c.expected === undefined || !['audience', 'caller', 'policies', 'allowed-applications', 'allowed-principals', 'allowed-tenants', 'policy-issuer'].includes(c.id)) continue;
    out.push(`${c.title.toLowerCase()}: ${c.expected}`);
  }
  return out;
}

/** For an API policy: whether its operations bring the token themselves. */
function* hasTokenInOperations(uri: string, ws: WorkspaceIndex): Steps<boolean> {
  const me = ws.policyEntry(uri);
  if (!me || me.location?.scope !== 'api') return false;
  const api = me.location.api;
  const all = ws.policies();
  for (let i = 0; i < all.length; i++) {
    if (i % SCAN_STEP === SCAN_STEP - 1) yield;
    const p = all[i];
    if (p.location?.scope !== 'operation' || p.location.api !== api || p.service !== me.service) continue;
    // an operation's policy is parsed for this (a step of its own)
    const doc = ws.parsedPolicy(p.uri);
    if (doc && managedIdentities(doc).length > 0) return true;
    yield;
  }
  return false;
}
