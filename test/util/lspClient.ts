/** A real JSON-RPC client for the bundled server over stdio. */
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const serverPath = path.resolve(__dirname, '../../../dist/server.js');

export interface TestClient {
  connection: MessageConnection;
  process: ChildProcess;
  initializeResult: { capabilities: Record<string, unknown>; serverInfo?: { name: string } };
  stderr(): string;
  /** Every capability the server registered dynamically. */
  registrations(): Array<{ method: string; registerOptions?: unknown }>;
  /** Every window/logMessage the server sent. */
  logs(): string[];
  /** Resolves with the first log line matching `pattern`, waiting for it. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** The URI of every publishDiagnostics the server sent, in order. */
  published(): string[];
  /** Every message the server showed the user (window/showMessageRequest). */
  shown(): string[];
  /** Resolves with the next diagnostics published for `uri` (and version, when given). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, version?: number, languageId?: string): void;
  change(uri: string, text: string, version: number): void;
  /** Sets the `apimPolicy` settings the client answers workspace/configuration with, and tells the server they changed. */
  configure(settings: Record<string, unknown>): void;
  close(): Promise<void>;
}

/** `textDocumentCapabilities`: what the client says of its text document features (dynamic registration, …). */
/** `settings`: what the client answers for the `apimPolicy` section (the defaults when not given). */
export async function startClient(rootUri = 'file:///tmp/ws', textDocumentCapabilities?: Record<string, unknown>, settings?: unknown): Promise<TestClient> {
  const proc = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', d => { err += String(d); });
  const connection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const waiting: Array<{ uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  const received: PublishDiagnosticsParams[] = [];
  const published: string[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p.uri);
    const i = waiting.findIndex(w => w.uri === p.uri && (w.version === undefined || w.version === p.version));
    if (i >= 0) waiting.splice(i, 1)[0].resolve(p);
    else received.push(p);
  });
  let current: unknown = settings ?? null;
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => current));
  const registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  connection.onRequest('client/registerCapability', (p: { registrations: typeof registrations }) => { registrations.push(...p.registrations); return null; });
  const logs: string[] = [];
  connection.onNotification('window/logMessage', (p: { message: string }) => { logs.push(p.message); });
  const shown: string[] = [];
  connection.onRequest('window/showMessageRequest', (p: { message: string }) => { shown.push(p.message); return null; });
  connection.listen();
  const initializeResult = await connection.sendRequest<TestClient['initializeResult']>('initialize', { processId: process.pid, rootUri, capabilities: { workspace: { configuration: true }, textDocument: textDocumentCapabilities }, workspaceFolders: null });
  connection.sendNotification('initialized', {});
  return {
    connection,
    process: proc,
    initializeResult,
    stderr: () => err,
    logs: () => logs,
    registrations: () => registrations,
    async waitForLog(pattern, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const line = logs.find(l => pattern.test(l));
        if (line) return line;
        if (Date.now() > until) throw new Error(`the server did not log ${pattern} within ${timeoutMs} ms; it logged: ${logs.join(' | ')}`);
        await new Promise(resolve => setTimeout(resolve, 20));
      }
    },
    published: () => published,
    shown: () => shown,
    diagnostics(uri, version, timeoutMs = 10_000) {
      const i = received.findIndex(p => p.uri === uri && (version === undefined || p.version === version));
      if (i >= 0) return Promise.resolve(received.splice(i, 1)[0]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms`)), timeoutMs);
        waiting.push({ uri, version, resolve: p => { clearTimeout(timer); resolve(p); } });
      });
    },
    open(uri, text, version = 1, languageId = 'apim-policy') {
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    change(uri, text, version) {
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    configure(value) {
      current = value;
      connection.sendNotification('workspace/didChangeConfiguration', { settings: { apimPolicy: value } });
    },
    async close() {
      try {
        await connection.sendRequest('shutdown');
        connection.sendNotification('exit');
      } catch {
        // already gone
      }
      connection.dispose();
      if (proc.exitCode === null) {
        await new Promise<void>(resolve => {
          const t = setTimeout(() => { proc.kill(); resolve(); }, 2000);
          proc.once('exit', () => { clearTimeout(t); resolve(); });
        });
      }
    },
  };
}
