/**
 * The LSP server: a thin layer that keeps documents and parse results, and delegates every
 * request to the language service. Each handler goes through `withDocument`, which catches,
 * logs and returns a fallback, so no input can take the server down.
 */
import {
  CodeActionKind, createConnection, LSPErrorCodes, ProposedFeatures, ResponseError, TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type Connection, type InitializeResult, type TextDocumentIdentifier,
} from 'vscode-languageserver/node';
import * as v8 from 'v8';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { DIAGNOSTIC_SOURCE, getLanguageService, loadCSharpParser, type CSharpParser, type PolicyDocument } from './languageService/languageService';
import { classifyArtifact, createWorkspaceIndex, flowFileText } from './languageService/workspace/workspaceIndex';
import { flowConfigDiagnostics } from './languageService/services/flowConfigDiagnostics';
import { createLocator, createUriReader, indexCapWarning, readIndexedFiles } from './node/policyFiles';
import { isInside } from './node/confinedFiles';
import { isRefusal } from './languageService/workspace/fileRead';
import { CONFIG_SECTION, DecodeTokenRequest, defaultSettings, ListFlowsRequest, readSettings, type DecodeTokenParams, type DecodeTokenResult, type ServerSettings } from '../../common/protocol';
import { decodedTokenResult } from './languageService/auth/inspect';
import { decodeToken, TokenInputError } from './languageService/auth/token';
import { redactSecrets } from '../../common/redact';
import { fetchMicrosoftKeys, parseJwks, verifySignature, type SignatureResult } from './languageService/auth/verify';
import { listFlowsInSteps } from './languageService/services/flowSummaries';
import { createKeyFetcher } from './node/keyFetch';
import { warmUp } from './warmUp';

interface ParsedEntry {
  version: number;
  doc: PolicyDocument;
}

/** Parse once per document version; entries are dropped when the document closes. */
function createParseCache(parse: (d: TextDocument) => PolicyDocument) {
  const entries = new Map<string, ParsedEntry>();
  return {
    get(document: TextDocument): PolicyDocument {
      const hit = entries.get(document.uri);
      if (hit && hit.version === document.version) return hit.doc;
      const doc = parse(document);
      entries.set(document.uri, { version: document.version, doc });
      return doc;
    },
    drop(uri: string) {
      entries.delete(uri);
    },
  };
}

function isFlowConfig(uri: string): boolean {
  return uri.endsWith('/apim-flows.json');
}

export interface StartOptions {
  /** Warm the hot code up while idle after start (see warmUp.ts). */
  warmUp?: boolean;
}

/** The longest a long operation runs before it lets other requests in. */
const SLICE_MS = 15;

/**
 * Runs a computation given as steps, pausing every SLICE_MS so that the connection reads and
 * answers other messages meanwhile; a cancelled request stops between slices.
 */
async function inSlices<T>(steps: Generator<void, T, void>, cancel: CancellationToken): Promise<T> {
  let sliceEnd = performance.now() + SLICE_MS;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() < sliceEnd) continue;
    await new Promise(resolve => setImmediate(resolve));
    if (cancel.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    sliceEnd = performance.now() + SLICE_MS;
  }
}

/** How long the server waits, idle, after start before it warms up. */
const IDLE_MS = 300;

/** The warm-up waits until no request has come for this long. */
const QUIET_MS = 250;

export function startServer(connection: Connection, csharp?: CSharpParser | Promise<CSharpParser | undefined>, options: StartOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  let workspaceFolders: string[] = [];
  /** Files a config names are read inside the workspace folders only (see confinedFiles.ts). */
  let readWorkspaceFile = createUriReader([]);
  const index = createWorkspaceIndex({
    readFile: uri => {
      // confined first: an open editor does not make a file outside the workspace readable
      const read = readWorkspaceFile(uri);
      return isRefusal(read) ? read : documents.get(uri)?.getText() ?? read;
    },
  });
  const service = getLanguageService({ locate: createLocator(), workspace: index, csharp });
  const cache = createParseCache(d => service.parse(d));
  const pendingValidation = new Map<string, NodeJS.Timeout>();
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  let supportsConfiguration = false;

  function withDocument<T>(params: { textDocument: TextDocumentIdentifier }, fallback: T, fn: (document: TextDocument, doc: PolicyDocument) => T): T {
    lastRequest = performance.now();
    const document = documents.get(params.textDocument.uri);
    if (!document || isFlowConfig(document.uri)) return fallback;
    try {
      return fn(document, cache.get(document));
    } catch (e) {
      connection.console.error(`Request failed for ${params.textDocument.uri}: ${(e as Error)?.stack ?? e}`);
      return fallback;
    }
  }

  function getSettings(uri: string): Promise<ServerSettings> {
    if (!supportsConfiguration) return Promise.resolve(defaultSettings);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIG_SECTION }).then(readSettings, () => defaultSettings);
      settingsCache.set(uri, s);
    }
    return s;
  }

  /** URIs that got flow-config diagnostics last time, to clear the ones that no longer have any. */
  let configDiagnosticUris = new Set<string>();

  /** True for a file in a workspace folder, or one the user opened: the files we may publish for. */
  function isOurs(uri: string): boolean {
    if (documents.get(uri)) return true;
    const p = URI.parse(uri);
    return p.scheme === 'file' && workspaceFolders.some(f => isInside(p.fsPath, URI.parse(f).fsPath));
  }

  /** Problems of every flow config and of the definition files they read. */
  function publishConfigDiagnostics(): void {
    const byUri = flowConfigDiagnostics(index, DIAGNOSTIC_SOURCE);
    for (const uri of [...byUri.keys()]) if (!isOurs(uri)) byUri.delete(uri);
    for (const uri of configDiagnosticUris) if (!byUri.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of byUri) void connection.sendDiagnostics({ uri, diagnostics });
    configDiagnosticUris = new Set(byUri.keys());
  }

  async function validate(document: TextDocument): Promise<void> {
    if (isFlowConfig(document.uri)) {
      index.update(document.uri, document.getText());
      publishConfigDiagnostics();
      for (const d of documents.all()) if (!isFlowConfig(d.uri)) scheduleValidation(d, 100);
      if (codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
      return;
    }
    validating++;
    try {
      await validatePolicyDocument(document);
    } finally {
      validating--;
    }
  }

  /** Validations under way (waiting for the settings or the C# parser, or running). */
  let validating = 0;
  /** When the last request about a document came: someone is typing. */
  let lastRequest = -Infinity;
  const busy = () => pendingValidation.size > 0 || validating > 0 || performance.now() - lastRequest < QUIET_MS;

  async function validatePolicyDocument(document: TextDocument): Promise<void> {
    const version = document.version;
    // the C# parser loads while the server starts: diagnostics wait for it
    const [settings] = await Promise.all([getSettings(document.uri), service.ready]);
    // the document may have changed or closed while we waited
    const current = documents.get(document.uri);
    if (!current || current.version !== version) return;
    let diagnostics: ReturnType<typeof service.doValidation> = [];
    if (settings.validation.enable) {
      try {
        diagnostics = service.doValidation(current, cache.get(current), { missingBase: settings.validation.missingBase });
      } catch (e) {
        connection.console.error(`Validation failed for ${document.uri}: ${(e as Error)?.stack ?? e}`);
      }
    }
    await connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
  }

  function scheduleValidation(document: TextDocument, delay: number): void {
    const prev = pendingValidation.get(document.uri);
    if (prev) clearTimeout(prev);
    pendingValidation.set(document.uri, setTimeout(() => {
      pendingValidation.delete(document.uri);
      void validate(document).catch(e => connection.console.error(String(e)));
    }, delay));
  }

  /** Re-reads a file the index follows; gone files are removed. */
  function reindex(uri: string): void {
    if (!classifyArtifact(uri)) return;
    const open = documents.get(uri);
    if (open) {
      index.update(uri, open.getText());
      return;
    }
    const text = readWorkspaceFile(uri);
    if (typeof text === 'string') index.update(uri, text);
    else index.remove(uri);
  }

  let codeLensRefresh = false;
  function revalidateAll(): void {
    for (const d of documents.all()) scheduleValidation(d, 50);
    // the lenses' verdicts depend on other files too
    if (codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }

  connection.onInitialize((params): InitializeResult => {
    supportsConfiguration = !!params.capabilities.workspace?.configuration;
    codeLensRefresh = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    const folders = params.workspaceFolders?.map(f => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folders.filter(f => f.startsWith('file:'));
    readWorkspaceFile = createUriReader(workspaceFolders.map(f => URI.parse(f).fsPath));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['<', ' ', '"', "'", '/', '.', '{'], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: { label: 'APIM policy' },
        foldingRangeProvider: true,
        definitionProvider: true,
        codeLensProvider: { resolveProvider: false },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'apim-policy-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    const started = Date.now();
    let files = 0;
    for (const folder of workspaceFolders) {
      const fsPath = URI.parse(folder).fsPath;
      const read = readIndexedFiles(fsPath);
      for (const f of read.files) {
        const uri = URI.file(f.path).toString();
        // one file that breaks the indexer must not leave the rest of the workspace unindexed
        try {
          if (!documents.get(uri)) index.update(uri, f.text);
        } catch (e) {
          connection.console.error(`Indexing ${uri} failed: ${(e as Error)?.stack ?? e}`);
        }
        files++;
      }
      for (const s of read.skipped) connection.console.warn(`Not indexed: ${s.path}: ${s.reason}.`);
      if (read.capped) {
        const warning = indexCapWarning(fsPath, read.capped);
        connection.console.warn(warning);
        void connection.window.showWarningMessage(warning);
      }
    }
    publishConfigDiagnostics();
    connection.console.info(`APIM policy language server ready: ${service.catalog.policyNames().length} policies in the catalog; indexed ${files} workspace files in ${Date.now() - started} ms.`);
    if (files) revalidateAll();
    if (options.warmUp) startWarmUp();
  });

  /**
   * Once the server has been idle for a moment after start, the warm-up of its hot code (see
   * warmUp.ts). Work that comes in goes first: the warm-up waits while the server is busy.
   */
  function startWarmUp(): void {
    const start = () => {
      if (busy()) return void setTimeout(start, IDLE_MS);
      void Promise.all([csharp, service.ready])
        .then(([parser]) => (parser ? warmUp(service, { busy }) : undefined))
        .then(ms => ms !== undefined && connection.console.info(`Warmed up in ${Math.round(ms)} ms.`))
        .catch(() => undefined);
    };
    setTimeout(start, IDLE_MS);
  }

  connection.onDidChangeWatchedFiles(params => {
    for (const change of params.changes) reindex(change.uri);
    // definition files are read through the configs that name them: read them again
    if (params.changes.some(c => c.uri.endsWith('.json'))) index.refreshFlowConfigs();
    publishConfigDiagnostics();
    revalidateAll();
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    for (const d of documents.all()) scheduleValidation(d, 0);
  });

  // TextDocuments reports an open as a content change too; the open is validated at once, the
  // edits that follow are debounced.
  const justOpened = new Set<string>();
  documents.onDidOpen(e => {
    justOpened.add(e.document.uri);
    scheduleValidation(e.document, 0);
  });
  documents.onDidChangeContent(e => {
    // unsaved edits of a fragment or a policy count for the documents that use them
    index.update(e.document.uri, e.document.getText());
    if (justOpened.delete(e.document.uri)) return;
    scheduleValidation(e.document, 150);
  });
  documents.onDidClose(e => {
    justOpened.delete(e.document.uri);
    const prev = pendingValidation.get(e.document.uri);
    if (prev) clearTimeout(prev);
    pendingValidation.delete(e.document.uri);
    cache.drop(e.document.uri);
    settingsCache.delete(e.document.uri);
    reindex(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCompletion(p => withDocument(p, null, (d, doc) => service.doComplete(d, p.position, doc)));
  connection.onHover(p => withDocument(p, null, (d, doc) => service.doHover(d, p.position, doc)));
  connection.onDocumentSymbol(p => withDocument(p, [], (d, doc) => service.findDocumentSymbols(d, doc)));
  connection.onFoldingRanges(p => withDocument(p, [], (d, doc) => service.getFoldingRanges(d, doc)));
  connection.onDocumentFormatting(p => withDocument(p, [], (d, doc) => service.format(d, undefined, p.options, doc)));
  connection.onDocumentRangeFormatting(p => withDocument(p, [], (d, doc) => service.format(d, p.range, p.options, doc)));
  connection.onCodeLens(p => withDocument(p, [], (d, doc) => service.getCodeLenses(d, doc)));
  connection.onDefinition(p => withDocument(p, [], (d, doc) => service.findDefinition(d, p.position, doc)));
  connection.onCodeAction(p => withDocument(p, [], (d, doc) => service.doCodeActions(d, p.context.diagnostics, doc)));

  // The token inspector. The token is used for this one answer and dropped: never logged (errors
  // are logged without the request's parameters), never stored, never sent anywhere.
  const fetchKeys = createKeyFetcher();
  connection.onRequest(DecodeTokenRequest, async (params: DecodeTokenParams): Promise<DecodeTokenResult> => {
    try {
      return await decodeForInspector(params);
    } catch (e) {
      if (e instanceof TokenInputError) return { ok: false, error: e.message };
      connection.console.error(redactSecrets(`Token inspection failed: ${(e as Error)?.name ?? 'error'}: ${(e as Error)?.message ?? ''}`));
      return { ok: false, error: 'The token could not be inspected (see the APIM Policy output).' };
    }
  });

  async function decodeForInspector(params: DecodeTokenParams): Promise<DecodeTokenResult> {
    const claims = decodeToken(params.token);
    const flows = index.flowConfigs().flatMap(e => Object.values(e.config.flows).map(f => ({ entry: e, flow: f })));
    const picked = params.flow === undefined ? undefined
      : flows.find(f => f.flow.name === params.flow && (!params.configUri || f.entry.uri === params.configUri));
    if (params.flow !== undefined && !picked) return { ok: false, error: `No flow named '${params.flow}' in the workspace's apim-flows.json.` };
    let signature: SignatureResult | undefined;
    if (params.jwksText !== undefined) {
      let jwks;
      try {
        jwks = parseJwks(params.jwksText);
      } catch (e) {
        return { ok: false, error: `The JWKS file: ${(e as Error).message}` };
      }
      signature = await verifySignature(params.token, claims, jwks, 'the JWKS file');
    } else if (params.fetchKeys) {
      const keys = await fetchMicrosoftKeys(claims, fetchKeys);
      signature = keys.jwks ? await verifySignature(params.token, claims, keys.jwks, keys.source) : { status: 'skip', detail: `Signature not checked: ${keys.error}` };
    } else {
      signature = await verifySignature(params.token, claims, undefined, '');
    }
    const now = params.now ? new Date(params.now) : undefined;
    const at = now && !Number.isNaN(now.getTime()) ? now : undefined;
    const chosen = picked && { flow: picked.flow, textOf: (uri: string) => flowFileText(picked.entry, uri) };
    return decodedTokenResult(claims, chosen, index.flowConfigs().map(c => c.config), { now: at, clockSkewSeconds: params.clockSkewSeconds, signature });
  }

  // Across a big workspace the list takes seconds: it is computed in slices, and requests that
  // come meanwhile (a hover, a completion) are answered between them.
  connection.onRequest(ListFlowsRequest, async (_params, cancel) => {
    try {
      return await inSlices(listFlowsInSteps(index, service.catalog), cancel);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      connection.console.error(redactSecrets(`Listing flows failed: ${(e as Error)?.stack ?? e}`));
      return [];
    }
  });

  documents.listen(connection);
  connection.listen();
}

// Keep serving: one bad request must not end the session (Node ends the process on an
// unhandled rejection by default). Messages are redacted: they never show a token.
process.on('uncaughtException', e => {
  process.stderr.write(redactSecrets(`apim-policy server: uncaught ${(e as Error)?.stack ?? e}\n`));
});
process.on('unhandledRejection', e => {
  process.stderr.write(redactSecrets(`apim-policy server: unhandled rejection ${(e as Error)?.stack ?? e}\n`));
});

/**
 * The C# parser of policy expressions (WebAssembly) loads while the server starts. V8 would
 * recompile the grammar's hot code with TurboFan in the background for some hundred milliseconds
 * after start, holding up the first requests on a small machine: Liftoff's code is ready at once
 * and about 1.5 times slower, which the per-expression cache makes up for.
 */
function loadExpressionParser(): Promise<CSharpParser | undefined> {
  v8.setFlagsFromString('--liftoff-only');
  return loadCSharpParser()
    .catch(() => {
      v8.setFlagsFromString('--no-liftoff-only');
      return loadCSharpParser();
    })
    .catch(e => {
      process.stderr.write(`apim-policy server: policy expressions are not checked: the C# parser did not load: ${(e as Error)?.message ?? e}\n`);
      return undefined;
    });
}

startServer(createConnection(ProposedFeatures.all), loadExpressionParser(), { warmUp: true });
