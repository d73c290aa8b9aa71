/*
 * Helpers for the extension-host suite. Runs inside VS Code's extension host (desktop VS Code
 * through @vscode/test-electron, or code-server through test/e2e/run.js): only the `vscode` API
 * and Node built-ins are used. No fixed sleeps: everything waits on an event or re-asks a provider
 * until a condition holds, with a timeout that reports what was last seen.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** The repository root (the extension under test), from test/extension/.build/<file>.js. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Folder of the extension under test: the repo root unless a launcher says otherwise. */
export const extensionDir = process.env.APIM_EXT_UNDER_TEST || repoRoot;

interface Manifest {
  publisher: string;
  name: string;
  contributes?: { commands?: { command: string; title: string; category?: string }[] };
}

export const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
export const extensionId = `${manifest.publisher}.${manifest.name}`;
export const LANGUAGE_ID = 'apim-policy';

/** Default time a language feature may take to answer (the server may still be starting). */
export const FEATURE_TIMEOUT = Number(process.env.APIM_EXT_TEST_FEATURE_TIMEOUT || 30_000);

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs a workspace folder (the examples/ APIOps tree) to be open');
  return folder.uri;
}

export function getExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(extensionId);
  assert.ok(ext, `extension ${extensionId} is not installed in this VS Code`);
  return ext;
}

/** Resolves after `ms` — only for polling intervals inside `until`, never as a wait on its own. */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Calls `probe` until `accept(value)` is true or `timeoutMs` passes; returns the accepted value.
 * On time-out, fails with `describe(lastValue)` so the report says what was seen.
 */
export async function until<T>(
  what: string,
  probe: () => Thenable<T> | T,
  accept: (value: T) => boolean,
  timeoutMs = FEATURE_TIMEOUT,
  describe: (value: T | undefined) => string = (v) => JSON.stringify(v)?.slice(0, 2000) ?? String(v),
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  let interval = 50;
  for (;;) {
    try {
      last = await probe();
      lastError = undefined;
      if (accept(last)) return last;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const detail = lastError ? `last error: ${String(lastError)}` : `last value: ${describe(last)}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${detail}`);
    }
    await pause(interval);
    interval = Math.min(interval * 2, 500);
  }
}

/** Waits, on languages.onDidChangeDiagnostics, until the diagnostics of `uri` satisfy `accept`. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = FEATURE_TIMEOUT,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const now = vscode.languages.getDiagnostics(uri);
      if (accept(now)) {
        finish();
        resolve(now);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      const seen = vscode.languages.getDiagnostics(uri).map(describeDiagnostic);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics of ${uri.fsPath}; seen: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    function finish(): void {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

export function describeDiagnostic(d: vscode.Diagnostic): string {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} [${code ?? ''}] ${d.message}`;
}

let scratchDir: string | undefined;
/** A throw-away folder outside the fixture workspace (never written into examples/). */
export function scratch(): string {
  scratchDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'apim-ext-suite-'));
  return scratchDir;
}

export function removeScratch(): void {
  if (scratchDir) fs.rmSync(scratchDir, { recursive: true, force: true });
  scratchDir = undefined;
}

/**
 * Writes `content` (with an optional `|` cursor marker, removed) to `relPath` under the scratch
 * folder, opens it, and returns the document and the marker's position.
 */
export async function scratchDocument(
  relPath: string,
  content: string,
): Promise<{ doc: vscode.TextDocument; cursor: vscode.Position | undefined }> {
  const marker = content.indexOf('|');
  const text = marker >= 0 ? content.slice(0, marker) + content.slice(marker + 1) : content;
  const file = path.join(scratch(), relPath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return { doc, cursor: marker >= 0 ? doc.positionAt(marker) : undefined };
}

/** Files of the fixture workspace matching `glob` (relative to the workspace root), sorted. */
export async function workspaceFiles(glob: string): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(workspaceRoot(), glob));
  return found.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

export function completionLabels(list: vscode.CompletionList | undefined): string[] {
  return (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c)))
    .join('\n');
}

export function flattenSymbols(symbols: (vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined): string[] {
  const names: string[] = [];
  const walk = (list: (vscode.DocumentSymbol | vscode.SymbolInformation)[]): void => {
    for (const s of list) {
      names.push(s.name);
      if ('children' in s && s.children) walk(s.children);
    }
  };
  walk(symbols ?? []);
  return names;
}

/** Asks the completion provider until it answers with at least one item (server ready). */
export function completionsAt(doc: vscode.TextDocument, pos: vscode.Position, accept: (labels: string[]) => boolean, what: string) {
  return until(
    what,
    () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos),
    (list) => accept(completionLabels(list)),
    FEATURE_TIMEOUT,
    (list) => JSON.stringify(completionLabels(list).slice(0, 60)),
  );
}

/** A complete policy with every section, used by several tests. `extra` goes into <inbound>. */
export function policyWith(inbound: string, outbound = ''): string {
  return [
    '<policies>',
    '  <inbound>',
    '    <base />',
    inbound,
    '  </inbound>',
    '  <backend>',
    '    <base />',
    '  </backend>',
    '  <outbound>',
    '    <base />',
    outbound,
    '  </outbound>',
    '  <on-error>',
    '    <base />',
    '  </on-error>',
    '</policies>',
    '',
  ].join('\n');
}
