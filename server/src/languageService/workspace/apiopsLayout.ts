/**
 * Where a policy file sits in an APIOps tree, from its path alone. Pure string work: the same
 * answer for a file:// URI, a Windows path or an in-memory name.
 */
import { API_FILE, BACKEND_FILE, BACKENDS_FOLDER, FLOW_CONFIG_FILE, FRAGMENTS_FOLDER, isPolicyFileName, NAMED_VALUE_FILE, NAMED_VALUES_FOLDER, OPERATION_FILE, PRODUCT_API_FILE, splitPath } from './apiopsPaths';

export type PolicyScope = 'global' | 'workspace' | 'product' | 'api' | 'operation' | 'fragment';

export interface PolicyLocation {
  scope: PolicyScope;
  /** Workspace name when the file is under `workspaces/<ws>/`. */
  workspace?: string;
  api?: string;
  /** Revision from `apis/<api>;rev=N`. */
  revision?: number;
  operation?: string;
  product?: string;
  fragment?: string;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The scope of `policy.xml` files by their place in the APIOps layout. A root `policy.xml` is only
 * called global when `isServiceRoot` says its folder looks like an APIOps service folder (the
 * caller knows the workspace); otherwise it is unknown.
 */
export function locatePolicy(pathOrUri: string, isServiceRoot?: (folderSegments: string[]) => boolean): PolicyLocation | undefined {
  const segments = pathOrUri.replace(/\\/g, '/').split('/').filter(s => s.length > 0).map(decode);
  const n = segments.length;
  if (n === 0 || segments[n - 1].toLowerCase() !== 'policy.xml') return undefined;
  const at = (i: number) => (i >= 0 && i < n ? segments[i] : '');
  const ws = (k: number): string | undefined => (at(k - 2) === 'workspaces' ? at(k - 1) : undefined);
  // apis/<api>/operations/<op>/policy.xml
  if (at(n - 3) === 'operations' && at(n - 5) === 'apis') {
    const [api, revision] = splitRevision(at(n - 4));
    return { scope: 'operation', api, revision, operation: at(n - 2), workspace: ws(n - 5) };
  }
  if (at(n - 3) === 'apis') {
    const [api, revision] = splitRevision(at(n - 2));
    return { scope: 'api', api, revision, workspace: ws(n - 3) };
  }
  if (at(n - 3) === 'products') return { scope: 'product', product: at(n - 2), workspace: ws(n - 3) };
  if (at(n - 3) === FRAGMENTS_FOLDER) return { scope: 'fragment', fragment: at(n - 2), workspace: ws(n - 3) };
  if (at(n - 3) === 'workspaces') return { scope: 'workspace', workspace: at(n - 2) };
  if (isServiceRoot && isServiceRoot(segments.slice(0, n - 1))) return { scope: 'global' };
  return undefined;
}

function splitRevision(folder: string): [string, number | undefined] {
  const m = /^(.*);rev=(\d+)$/.exec(folder);
  return m ? [m[1], Number(m[2])] : [folder, undefined];
}

export type ArtifactKind = 'namedValue' | 'backend' | 'fragment' | 'policy' | 'productApi' | 'flowConfig' | 'apiInfo' | 'operationInfo';

export interface Artifact {
  kind: ArtifactKind;
  /**
   * The service folder (a URI prefix). Undefined for a `*.policy.xml` file: its name does not
   * place it in the layout, so the nearest folder that holds artifacts is its service.
   */
  service?: string;
  name: string;
  api?: string;
}

/** Which artifact a file is, its service folder (URI prefix) and its name. */
export function classifyArtifact(uri: string): Artifact | undefined {
  const { segments, decoded } = splitPath(uri);
  const n = decoded.length;
  const file = decoded[n - 1];
  const service = (i: number) => segments.slice(0, i).join('/');
  if (file === FLOW_CONFIG_FILE) return { kind: 'flowConfig', service: service(n - 1), name: file };
  if (file === NAMED_VALUE_FILE && decoded[n - 3] === NAMED_VALUES_FOLDER) return { kind: 'namedValue', service: service(n - 3), name: decoded[n - 2] };
  if (file === BACKEND_FILE && decoded[n - 3] === BACKENDS_FOLDER) return { kind: 'backend', service: service(n - 3), name: decoded[n - 2] };
  if (file === PRODUCT_API_FILE && decoded[n - 3] === 'apis' && decoded[n - 5] === 'products') {
    return { kind: 'productApi', service: service(n - 5), name: decoded[n - 4], api: decoded[n - 2] };
  }
  if (file === API_FILE && decoded[n - 3] === 'apis') return { kind: 'apiInfo', service: service(n - 3), name: decoded[n - 2] };
  if (file === OPERATION_FILE && decoded[n - 3] === 'operations' && decoded[n - 5] === 'apis') {
    return { kind: 'operationInfo', service: service(n - 5), name: decoded[n - 2], api: decoded[n - 4] };
  }
  if (!isPolicyFileName(file)) return undefined;
  if (file.toLowerCase() !== 'policy.xml') return { kind: 'policy', name: file };
  if (decoded[n - 3] === FRAGMENTS_FOLDER) return { kind: 'fragment', service: service(n - 3), name: decoded[n - 2] };
  const loc = locatePolicy(uri);
  if (loc?.scope === 'operation') return { kind: 'policy', service: service(n - 5), name: decoded[n - 2] };
  if (loc?.scope === 'api' || loc?.scope === 'product') return { kind: 'policy', service: service(n - 3), name: decoded[n - 2] };
  if (loc?.scope === 'workspace') return { kind: 'policy', service: service(n - 1), name: decoded[n - 2] };
  return { kind: 'policy', service: service(n - 1), name: '' };
}
