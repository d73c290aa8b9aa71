/**
 * The APIOps index: named values, backends, fragments and policies of the workspace, by service
 * (the folder holding `apis/`, `named values/`, …; a `workspaces/<ws>/` folder is a service of its
 * own whose parent service also applies). Pure: the host feeds it file texts and removals.
 */
import { findNodeAtLocation, getNodeValue, type Node as JsonNode } from 'jsonc-parser';
import { parseJsonTree } from '../utils/json';
import { parsePolicy, type PolicyDocument } from '../parser/policyParser';
import { parseFlowsConfig } from '../auth/flowConfig';
import type { ConfigProblem, FlowConfig, FlowsConfig } from '../auth/types';
import { classifyArtifact, locatePolicy, type Artifact, type PolicyLocation } from './apiopsLayout';
import { splitPath as split } from './apiopsPaths';
import { compileGlob, type GlobMatcher } from './globMatcher';
import type { FileRead, Refusal } from './fileRead';

export { classifyArtifact, type ArtifactKind } from './apiopsLayout';

export interface ArtifactRange {
  uri: string;
  start: number;
  end: number;
}

export interface NamedValueInfo {
  /** Folder name (the resource name). */
  name: string;
  /** `properties.displayName`: what `{{…}}` refers to. */
  displayName: string;
  value?: string;
  secret: boolean;
  keyVaultSecret?: string;
  uri: string;
  /** Range of the display name (or the whole file) for go to definition. */
  range: ArtifactRange;
  /** The file's text, to turn offsets into positions. */
  text: string;
  /** An IaC named value computed from a Logic App's callback URL: the flow a `{{name}}` URL goes to. */
  flow?: FlowRef;
}

/** A flow known without its URL: a Logic App an IaC file defines, referenced by what calls it. */
export interface FlowRef {
  entry: FlowConfigEntry;
  flow: FlowConfig;
}

export interface BackendInfo {
  name: string;
  url?: string;
  description?: string;
  uri: string;
  /** The URL as written (quotes included), or where the backend is defined. */
  range: ArtifactRange;
  text: string;
  /** An IaC backend whose URL is computed from a Logic App of the same file (`listCallbackUrl`). */
  flow?: FlowRef;
}

export interface FragmentInfo {
  name: string;
  uri: string;
  /** A fragment defined inside an IaC file (`uri` is that file): the resource, for go to definition. */
  range?: ArtifactRange;
  text?: string;
}

export interface PolicyEntry {
  uri: string;
  /** Undefined for a `*.policy.xml` file: its path does not tell its scope. */
  location?: PolicyLocation;
  /** Undefined for a `*.policy.xml` file (see `Artifact.service`). */
  service?: string;
}


export interface FlowConfigEntry {
  uri: string;
  text: string;
  config: FlowsConfig;
  /** Problems in the config and in the definition files it reads (each with its own uri). */
  problems: ConfigProblem[];
  /** Files read while parsing (definitions), with the text read, for positions. */
  dependencies: Map<string, string>;
  /** Each flow's `policies` globs (a leading `./` dropped), compiled once per parse of the config. */
  policyGlobs: Map<FlowConfig, GlobMatcher[]>;
}

/** The text of the config itself or of a definition file it read, to turn offsets into positions. */
export function flowFileText(entry: FlowConfigEntry, uri: string): string | undefined {
  return uri === entry.uri ? entry.text : entry.dependencies.get(uri);
}

/**
 * Resolves `relative` (a path with `/`) against the folder of `base` (a URI). A config names its
 * files relative to itself: a URI, an absolute path or a climb above the root is refused here,
 * before anything is read (the host's reader confines the rest, symlinks included).
 */
export function resolveRelativeUri(base: string, relative: string): string | Refusal {
  if (/^[a-z][a-z0-9+.-]*:/i.test(relative) || /^[\\/]/.test(relative)) {
    return { error: 'an absolute path or URI; give a path relative to this file' };
  }
  const folder = base.substring(0, base.lastIndexOf('/'));
  const parts = folder.split('/');
  for (const seg of relative.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length <= 3) return { error: 'above the root of the file system' };
      parts.pop();
      continue;
    }
    parts.push(encodeURIComponent(seg));
  }
  return parts.join('/');
}

function stringAt(root: JsonNode | undefined, path: string[]): { value: string; node: JsonNode } | undefined {
  const node = root ? findNodeAtLocation(root, path) : undefined;
  if (!node || node.type !== 'string') return undefined;
  return { value: String(getNodeValue(node)), node };
}

export interface WorkspaceIndex {
  /** Adds or replaces a file (policy XML, named value / backend / product-API JSON). */
  update(uri: string, text: string): void;
  remove(uri: string): void;
  /** Services that apply to a file, nearest first (a workspace's service, then its parent's). */
  servicesOf(uri: string): string[];
  /** True when the service has any artifact of that kind (so an unknown name is worth a warning). */
  knows(service: string, kind: 'namedValue' | 'backend' | 'fragment'): boolean;
  findNamedValue(uri: string, displayName: string): NamedValueInfo | undefined;
  findBackend(uri: string, name: string): BackendInfo | undefined;
  findFragment(uri: string, name: string): FragmentInfo | undefined;
  /** The named values, backends and fragments a file sees: one list each until the index changes (not to be changed). */
  namedValues(uri: string): readonly NamedValueInfo[];
  backends(uri: string): readonly BackendInfo[];
  fragments(uri: string): readonly FragmentInfo[];
  /** The text of a known policy or fragment file. */
  policyText(uri: string): string | undefined;
  /** A parsed policy or fragment (through the `parse` the index was given). */
  parsedPolicy(uri: string): PolicyDocument | undefined;
  /**
   * The policies that run before this one for a request (broadest first): global, the products
   * that hold the API, the API; without the file itself.
   */
  parentPolicies(uri: string): string[];
  /** Every indexed policy file (not fragments). */
  policies(): readonly PolicyEntry[];
  /** The index's entry of one policy file (not a fragment). */
  policyEntry(uri: string): PolicyEntry | undefined;
  /**
   * The products that hold the API of an API or operation policy (the APIOps product folders:
   * `products/<p>/apis/<api>/productApiInformation.json`), sorted by name, each with its policy
   * file when it has one.
   */
  productsOf(uri: string): { name: string; uri?: string }[];
  /** The URIs of every indexed policy and fragment file. */
  policyFiles(): string[];
  /**
   * The `properties.displayName` of the API or operation whose folder holds `policyUri`
   * (apiInformation.json / operationInformation.json beside it), when the workspace has one.
   */
  displayNameOf(policyUri: string): string | undefined;
  /** Every `apim-flows.json` of the workspace, parsed. */
  flowConfigs(): FlowConfigEntry[];
  /** Adds a flow config whatever its file name (the CLI's --config). */
  addFlowConfig(uri: string, text: string): void;
  /** Parses the flow configs again (their definition files may have changed). */
  refreshFlowConfigs(): void;
}

/** How many URIs' classifications the index keeps (past it, it starts afresh). */
const MAX_CACHED_ARTIFACTS = 100_000;

export interface WorkspaceIndexOptions {
  /**
   * Reads a file the index needs besides the ones it is fed (definition files); a refusal
   * (outside the workspace, not a regular file, too large) becomes a diagnostic on the config
   * value that named the file.
   */
  readFile?(uri: string): FileRead;
  /**
   * Parses a policy or fragment the index holds. The language service passes its one parse
   * cache, so an open document and the index's copy of the same text share one tree.
   */
  parse?(uri: string, text: string): PolicyDocument;
  /** Told after every change: a file added, replaced or removed (its URI), configs read again. */
  onDidChange?(uri: string | undefined): void;
}

export function createWorkspaceIndex(options: WorkspaceIndexOptions = {}): WorkspaceIndex {
  const flowConfigs = new Map<string, FlowConfigEntry>();
  const parseConfig = (uri: string, text: string): FlowConfigEntry => {
    const dependencies = new Map<string, string>();
    const read = (u: string) => {
      const t = options.readFile?.(u);
      if (typeof t === 'string') dependencies.set(u, t);
      return t;
    };
    const { config, problems } = parseFlowsConfig(uri, text, read, resolveRelativeUri);
    const policyGlobs = new Map(Object.values(config.flows).map(f => [f, f.policies.map(g => compileGlob(g.replace(/^\.\//, '')))]));
    return { uri, text, config, problems, dependencies, policyGlobs };
  };
  const namedValues = new Map<string, NamedValueInfo>(); // by file uri
  const backends = new Map<string, BackendInfo>();
  const fragments = new Map<string, FragmentInfo>();
  const policies = new Map<string, PolicyEntry>();
  const texts = new Map<string, string>();
  const parse = options.parse ?? ((_uri: string, text: string) => parsePolicy(text));
  const changed = (uri: string | undefined) => {
    lookupCache = undefined;
    policyList = undefined;
    servicesCache.clear();
    byServiceCache.clear();
    options.onDidChange?.(uri);
  };
  /**
   * What a URI is, and the services that apply to a file, asked for every reference of every
   * policy: a file's path does not change, and the services only when the index does.
   */
  const artifacts = new Map<string, Artifact | undefined>();
  const classify = (uri: string): Artifact | undefined => {
    if (artifacts.has(uri)) return artifacts.get(uri);
    const c = classifyArtifact(uri);
    if (artifacts.size > MAX_CACHED_ARTIFACTS) artifacts.clear();
    artifacts.set(uri, c);
    return c;
  };
  const servicesCache = new Map<string, string[]>();
  const productApis = new Map<string, { service: string; product: string; api: string }>();
  /** Display names by the folder URI of their API or operation. */
  const displayNames = new Map<string, string>();
  const folderOf = (uri: string) => uri.substring(0, uri.lastIndexOf('/'));
  const serviceOf = new Map<string, string>();

  // Policies by their place (service and scope), built again after a change: the chain of a policy
  // is then a few map reads, not a scan of every policy (the effective policy of every operation
  // of a large workspace asks for thousands of chains).
  const key = (...parts: string[]) => parts.join('\n');
  interface Lookup {
    global: Map<string, string>;
    workspace: Map<string, string>;
    /** service + product name → the product's policy */
    product: Map<string, string>;
    /** service + api + revision → the API's policy */
    api: Map<string, string>;
    /** service + api → the products that hold the API (APIOps product folders) */
    productsByApi: Map<string, string[]>;
  }
  let lookupCache: Lookup | undefined;
  let policyList: PolicyEntry[] | undefined;
  const lookup = (): Lookup => {
    if (lookupCache) return lookupCache;
    const l: Lookup = { global: new Map(), workspace: new Map(), product: new Map(), api: new Map(), productsByApi: new Map() };
    const first = (map: Map<string, string>, k: string, v: string) => {
      if (!map.has(k)) map.set(k, v);
    };
    for (const p of policies.values()) {
      const loc = p.location;
      if (p.service === undefined || !loc) continue;
      if (loc.scope === 'global') first(l.global, p.service, p.uri);
      else if (loc.scope === 'workspace') first(l.workspace, p.service, p.uri);
      else if (loc.scope === 'product' && loc.product !== undefined) first(l.product, key(p.service, loc.product), p.uri);
      else if (loc.scope === 'api' && loc.api !== undefined) first(l.api, key(p.service, loc.api, String(loc.revision ?? '')), p.uri);
    }
    for (const pa of productApis.values()) {
      const k = key(pa.service, pa.api);
      const list = l.productsByApi.get(k);
      if (!list) l.productsByApi.set(k, [pa.product]);
      else if (!list.includes(pa.product)) list.push(pa.product);
    }
    return (lookupCache = l);
  };

  /**
   * The entries of one of the maps above that a file sees (its services'), one list per map and
   * services until the next change: every reference of every policy asks (`findFragment` for each
   * composed request of a flow analysis), and a scan of the map each time made 40 MB of garbage
   * in a pass over 5,000 policies.
   */
  const byServiceCache = new Map<Map<string, unknown>, Map<string, readonly unknown[]>>();
  const byService = <T>(map: Map<string, T>, uri: string): readonly T[] => {
    const services = servicesOf(uri);
    let lists = byServiceCache.get(map);
    if (!lists) byServiceCache.set(map, (lists = new Map()));
    const k = services.length === 1 ? services[0] : services.join('\n');
    const hit = lists.get(k) as readonly T[] | undefined;
    if (hit) return hit;
    const out: T[] = [];
    for (const s of services) for (const [fileUri, v] of map) if (serviceOf.get(fileUri) === s) out.push(v);
    lists.set(k, out);
    return out;
  };

  // servicesOf per URI, until the next change: the chains of thousands of policies ask it again and again
  function servicesOf(uri: string): string[] {
    let hit = servicesCache.get(uri);
    if (!hit) servicesCache.set(uri, hit = findServices(uri));
    return hit;
  }

  function findServices(uri: string): string[] {
    const c = classify(uri);
    let service = c?.service;
    if (service === undefined) {
      // any file: the nearest folder that holds artifacts
      const known = [...new Set(serviceOf.values())].filter(s => uri.startsWith(s + '/')).sort((a, b) => b.length - a.length);
      service = known[0];
    }
    if (service === undefined) return [];
    const out = [service];
    // `<root>/workspaces/<ws>` also sees `<root>`
    const { segments, decoded } = split(service);
    if (decoded[decoded.length - 2] === 'workspaces') out.push(segments.slice(0, -2).join('/'));
    return out;
  }

  return {
    update(uri, text) {
      const c = classify(uri);
      if (!c) return;
      if (c.service !== undefined) serviceOf.set(uri, c.service);
      switch (c.kind) {
        case 'namedValue': {
          const { root } = parseJsonTree(text);
          const display = stringAt(root, ['properties', 'displayName']);
          const value = stringAt(root, ['properties', 'value']);
          const secretNode = root ? findNodeAtLocation(root, ['properties', 'secret']) : undefined;
          const kv = stringAt(root, ['properties', 'keyVault', 'secretIdentifier']);
          namedValues.set(uri, {
            name: c.name,
            displayName: display?.value ?? c.name,
            value: value?.value,
            secret: secretNode?.type === 'boolean' ? secretNode.value === true : !!kv,
            keyVaultSecret: kv?.value,
            uri,
            range: display ? { uri, start: display.node.offset, end: display.node.offset + display.node.length } : { uri, start: 0, end: 0 },
            text,
          });
          break;
        }
        case 'backend': {
          const { root } = parseJsonTree(text);
          const url = stringAt(root, ['properties', 'url']);
          const description = stringAt(root, ['properties', 'description']);
          backends.set(uri, {
            name: c.name, url: url?.value, description: description?.value, uri,
            range: url ? { uri, start: url.node.offset, end: url.node.offset + url.node.length } : { uri, start: 0, end: 0 },
            text,
          });
          break;
        }
        case 'productApi':
          productApis.set(uri, { service: c.service!, product: c.name, api: c.api! });
          break;
        case 'apiInfo':
        case 'operationInfo': {
          const display = stringAt(parseJsonTree(text).root, ['properties', 'displayName'])?.value.trim();
          if (display) displayNames.set(folderOf(uri), display);
          else displayNames.delete(folderOf(uri));
          break;
        }
        case 'flowConfig':
          flowConfigs.set(uri, parseConfig(uri, text));
          break;
        case 'fragment':
          fragments.set(uri, { name: c.name, uri });
          texts.set(uri, text);
          break;
        case 'policy': {
          // a `*.policy.xml` file has no place in the layout, but it is a policy all the same
          const location = c.service === undefined ? undefined : locatePolicy(uri, () => true);
          if (location || c.service === undefined) policies.set(uri, { uri, location, service: c.service });
          texts.set(uri, text);
          break;
        }
      }
      changed(uri);
    },
    remove(uri) {
      namedValues.delete(uri);
      backends.delete(uri);
      fragments.delete(uri);
      policies.delete(uri);
      texts.delete(uri);
      productApis.delete(uri);
      const c = classify(uri);
      if (c?.kind === 'apiInfo' || c?.kind === 'operationInfo') displayNames.delete(folderOf(uri));
      serviceOf.delete(uri);
      flowConfigs.delete(uri);
      changed(uri);
    },
    servicesOf,
    displayNameOf: policyUri => displayNames.get(folderOf(policyUri)),
    knows(service, kind) {
      const map: Map<string, unknown> = kind === 'namedValue' ? namedValues : kind === 'backend' ? backends : fragments;
      for (const uri of map.keys()) if (serviceOf.get(uri) === service) return true;
      return false;
    },
    findNamedValue(uri, displayName) {
      const lower = displayName.toLowerCase();
      // display names are case-insensitive in APIM
      return byService(namedValues, uri).find(n => n.displayName.toLowerCase() === lower || n.name.toLowerCase() === lower);
    },
    findBackend: (uri, name) => byService(backends, uri).find(b => b.name === name),
    findFragment: (uri, name) => byService(fragments, uri).find(f => f.name === name),
    namedValues: uri => byService(namedValues, uri),
    backends: uri => byService(backends, uri),
    fragments: uri => byService(fragments, uri),
    policyText: uri => texts.get(uri),
    parsedPolicy(uri) {
      const text = texts.get(uri);
      return text === undefined ? undefined : parse(uri, text);
    },
    parentPolicies(uri) {
      const entry = policies.get(uri);
      const loc = entry?.location ?? locatePolicy(uri);
      if (!loc) return [];
      const service = entry?.service ?? classify(uri)?.service;
      if (service === undefined) return [];
      const l = lookup();
      const out: string[] = [];
      const services = servicesOf(uri).slice().reverse(); // broadest first
      if (loc.scope === 'global') return out;
      for (const svc of services) {
        const g = l.global.get(svc);
        if (g && g !== uri) out.push(g);
        const ws = l.workspace.get(svc);
        if (ws && ws !== uri && svc !== services[0]) out.push(ws);
      }
      if (loc.scope === 'product') return out;
      if (loc.api) {
        for (const svc of services) {
          for (const product of l.productsByApi.get(key(svc, loc.api)) ?? []) {
            const productUri = l.product.get(key(svc, product));
            if (productUri) out.push(productUri);
          }
        }
      }
      if (loc.scope === 'operation') {
        const api = l.api.get(key(service, loc.api ?? '', String(loc.revision ?? '')));
        if (api) out.push(api);
      }
      return out;
    },
    // one list until the next change: the flow analysis of an identity in a fragment asks for it per includer
    policies: () => (policyList ??= [...policies.values()]),
    policyEntry: uri => policies.get(uri),
    productsOf(uri) {
      const loc = policies.get(uri)?.location ?? locatePolicy(uri);
      if (!loc?.api) return [];
      const l = lookup();
      const names = new Map<string, { name: string; uri?: string }>();
      for (const svc of servicesOf(uri)) {
        for (const product of l.productsByApi.get(key(svc, loc.api)) ?? []) {
          if (!names.has(product)) names.set(product, { name: product, uri: l.product.get(key(svc, product)) });
        }
      }
      return [...names.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    policyFiles: () => [...texts.keys()],
    flowConfigs: () => [...flowConfigs.values()],
    addFlowConfig(uri, text) {
      flowConfigs.set(uri, parseConfig(uri, text));
      changed(uri);
    },
    refreshFlowConfigs() {
      for (const [uri, entry] of flowConfigs) flowConfigs.set(uri, parseConfig(uri, entry.text));
      changed(undefined);
    },
  };
}
