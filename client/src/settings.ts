/** The Token Inspector's settings, read through one typed reader with defaults. */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../../common/protocol';

export interface InspectorKeyOptions {
  jwksText?: string;
  fetchKeys?: boolean;
  clockSkewSeconds?: number;
  /** Where the keys come from, or why the signature is not checked. */
  note: string;
  error?: string;
}

export async function readInspectorSettings(): Promise<InspectorKeyOptions> {
  const cfg = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const jwksFile = cfg.get<unknown>('tokenInspector.jwksFile');
  const fetchSetting = cfg.get<unknown>('tokenInspector.fetchSigningKeys') === true;
  const skew = cfg.get<unknown>('tokenInspector.clockSkewSeconds');
  const clockSkewSeconds = typeof skew === 'number' && Number.isFinite(skew) && skew >= 0 ? skew : undefined;
  if (typeof jwksFile === 'string' && jwksFile.trim()) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const file = path.isAbsolute(jwksFile) || !folder ? jwksFile : path.join(folder, jwksFile);
    try {
      return { jwksText: await fs.promises.readFile(file, 'utf8'), clockSkewSeconds, note: `Signature checked with the keys in ${jwksFile}.` };
    } catch (e) {
      return { clockSkewSeconds, note: '', error: `The JWKS file ${jwksFile} (apimPolicy.tokenInspector.jwksFile) cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
    }
  }
  if (fetchSetting && vscode.workspace.isTrusted) {
    return { fetchKeys: true, clockSkewSeconds, note: 'Signature checked with the keys Microsoft publishes for this token\'s version (fetched without the token).' };
  }
  const why = fetchSetting ? 'fetching keys needs a trusted workspace' : 'set apimPolicy.tokenInspector.jwksFile, or turn on apimPolicy.tokenInspector.fetchSigningKeys in a trusted workspace';
  return { clockSkewSeconds, note: `Signature not checked (${why}).` };
}
