/** The Token Inspector's settings, read through one typed reader with defaults. */
import * as path from 'path';
import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../../common/protocol';
import { MAX_JWKS_BYTES, readConfined, type ConfinedRead } from '../../server/src/node/confinedFiles';

export interface InspectorKeyOptions {
  jwksText?: string;
  fetchKeys?: boolean;
  clockSkewSeconds?: number;
  /** Where the keys come from, or why the signature is not checked. */
  note: string;
  error?: string;
}

/**
 * The JWKS file, through the confined reader: a value set in the workspace (committed by whoever
 * wrote the repository) must stay inside the workspace folders; a value in the user's own
 * settings is their choice and may point anywhere. Either way a regular file under the size cap.
 */
function readJwksFile(cfg: vscode.WorkspaceConfiguration, jwksFile: string): ConfinedRead {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file').map(f => f.uri.fsPath);
  const file = path.isAbsolute(jwksFile) || folders.length === 0 ? jwksFile : path.join(folders[0], jwksFile);
  const inspected = cfg.inspect<unknown>('tokenInspector.jwksFile');
  const fromWorkspace = inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined;
  return readConfined(file, { roots: fromWorkspace ? folders : undefined, maxBytes: MAX_JWKS_BYTES });
}

export async function readInspectorSettings(): Promise<InspectorKeyOptions> {
  const cfg = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const jwksFile = cfg.get<unknown>('tokenInspector.jwksFile');
  const fetchSetting = cfg.get<unknown>('tokenInspector.fetchSigningKeys') === true;
  const skew = cfg.get<unknown>('tokenInspector.clockSkewSeconds');
  const clockSkewSeconds = typeof skew === 'number' && Number.isFinite(skew) && skew >= 0 ? skew : undefined;
  if (typeof jwksFile === 'string' && jwksFile.trim()) {
    const read = readJwksFile(cfg, jwksFile);
    if (read.ok) return { jwksText: read.text, clockSkewSeconds, note: `Signature checked with the keys in ${jwksFile}.` };
    return { clockSkewSeconds, note: '', error: `The JWKS file ${jwksFile} (apimPolicy.tokenInspector.jwksFile) cannot be read: it is ${read.error}.` };
  }
  if (fetchSetting && vscode.workspace.isTrusted) {
    return { fetchKeys: true, clockSkewSeconds, note: 'Signature checked with the keys Microsoft publishes for this token\'s version (fetched without the token).' };
  }
  const why = fetchSetting ? 'fetching keys needs a trusted workspace' : 'set apimPolicy.tokenInspector.jwksFile, or turn on apimPolicy.tokenInspector.fetchSigningKeys in a trusted workspace';
  return { clockSkewSeconds, note: `Signature not checked (${why}).` };
}
