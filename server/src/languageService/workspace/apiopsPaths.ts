/**
 * The folder and file names of the APIOps layout, in one place. The layout (apiopsLayout.ts: scope
 * and artifact of a path), the workspace index and the hosts' file walker all read names through
 * here, so a file one of them takes is never dropped by another.
 */
/** Folders whose presence makes their parent an APIOps service folder. */
export const SERVICE_MARKERS: readonly string[] = ['apis', 'policy fragments', 'named values', 'products', 'backends', 'workspaces'];

export const FRAGMENTS_FOLDER = 'policy fragments';
export const NAMED_VALUES_FOLDER = 'named values';
export const BACKENDS_FOLDER = 'backends';
export const FLOW_CONFIG_FILE = 'apim-flows.json';
export const NAMED_VALUE_FILE = 'namedValueInformation.json';
export const BACKEND_FILE = 'backendInformation.json';
export const PRODUCT_API_FILE = 'productApiInformation.json';
/** An API's and an operation's properties (`properties.displayName`: the name people know it by). */
export const API_FILE = 'apiInformation.json';
export const OPERATION_FILE = 'operationInformation.json';

/** `policy.xml` (the APIOps name) or `*.policy.xml` (a policy anywhere), in any case. */
export function isPolicyFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'policy.xml' || lower.endsWith('.policy.xml');
}

/** File names the workspace index cares about. */
export function isIndexedFileName(name: string): boolean {
  return isPolicyFileName(name) || name === NAMED_VALUE_FILE || name === BACKEND_FILE || name === PRODUCT_API_FILE || name === FLOW_CONFIG_FILE || name === API_FILE || name === OPERATION_FILE;
}

/** Segments of a URI or path, decoded and as written (to rebuild a URI prefix). */
export function splitPath(uri: string): { segments: string[]; decoded: string[] } {
  const segments = uri.replace(/\\/g, '/').split('/');
  return { segments, decoded: segments.map(s => { try { return decodeURIComponent(s); } catch { return s; } }) };
}

