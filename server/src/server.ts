/**
 * The LSP server: a thin layer that keeps documents and parse results, and delegates every
 * request to the language service. Each handler goes through `withDocument`, which catches,
 * logs and returns a fallback, so no input can take the server down.
 */
import {
  CodeActionKind, createConnection, DocumentFormattingRequest, DocumentRangeFormattingRequest, ErrorCodes, LSPErrorCodes, ProposedFeatures, ResponseError, TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type Connection, type DidChangeWatchedFilesParams, type InitializeParams, type InitializeResult, type TextDocumentIdentifier,
} from 'vscode-languageserver/node';
import * as v8 from 'v8';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import {
  classifyArtifact, findIacLoads, getLanguageService, iacHostKind, isRefusal, loadCSharpParser,
  type CSharpParser, type IacPolicyLoad, type PolicyDocument, type TokenInspection,
} from './languageService/languageService';
import { createLocator, createUriReader, indexCapWarning, isIndexedFile, readIndexedFiles } from './node/policyFiles';
import { mayBeIacFile } from './node/iacFiles';
import { isInside } from './node/confinedFiles';
import {
  CONFIG_SECTION, DecodeTokenRequest, defaultSettings, LANGUAGE_ID, ListFlowsRequest, readSettings, ScaffoldFlowsRequest,
  type DecodeTokenParams, type DecodeTokenResult, type ListFlowsParams, type ScaffoldFlowsParams, type ServerSettings,
} from '../../common/protocol';
import { redactSecrets } from '../../common/redact';
import { createKeyFetcher } from './node/keyFetch';
import { warmUp } from './warmUp';

function isFlowConfig(uri: string): boolean {
  return uri.endsWith('/apim-flows.json');
}

/**
 * Languages the client sends us for the policies embedded in them (Bicep, Terraform, ARM JSON):
 * such a document gets our policy diagnostics only, and no other feature, so that those
 * languages' own extensions are not disturbed.
 */
const HOST_LANGUAGES = new Set(['bicep', 'terraform', 'tf', 'json', 'jsonc']);

/** What the server does with a document: its policies live in it, around it, or not at all. */
type DocumentRole = 'flowConfig' | 'iacHost' | 'foreign' | 'policy';

/**
 * What a synced document is to us. Besides policies and flow configs the client syncs IaC files
 * (by language, and `*.bicep` / `*.tf` by name where no Bicep or Terraform extension gives them a
 * language) and XML files: an XML file is a policy only when an IaC resource loads it.
 */
function roleOf(document: TextDocument, loadedByIac: (uri: string) => boolean): DocumentRole {
  if (isFlowConfig(document.uri)) return 'flowConfig';
  const hostLanguage = HOST_LANGUAGES.has(document.languageId) || (document.languageId === 'plaintext' && mayBeIacFile(document.uri));
  // a .json counts only when its content is an ARM template; .bicep and .tf by their names
  if ((hostLanguage || mayBeIacFile(document.uri)) && iacHostKind(document.uri, document.getText())) return 'iacHost';
  if (document.languageId === 'xml' || document.languageId === 'plaintext') return loadedByIac(document.uri) ? 'policy' : 'foreign';
  return hostLanguage ? 'foreign' : 'policy';
}

function fileName(uri: string): string {
  return uri.substring(uri.lastIndexOf('/') + 1);
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

function describe(e: unknown): string {
  return redactSecrets(String((e as Error)?.stack ?? e));
}

/** What a token answer says in the client when the service found no inspection to make. */
function inspectionError(r: Exclude<TokenInspection, { ok: true }>): string {
  switch (r.problem) {
    case 'token': return r.message;
    case 'flow': return `No flow named '${r.flow}' in the workspace's apim-flows.json.`;
    case 'jwks': return `The JWKS file: ${r.message}`;
  }
}

export function startServer(connection: Connection, csharp?: CSharpParser | Promise<CSharpParser | undefined>, options: StartOptions = {}): void {
  // ---- State ----
  const documents = new TextDocuments(TextDocument);
  let workspaceFolders: string[] = [];
  /** Files a config names are read inside the workspace folders only (see confinedFiles.ts). */
  let readWorkspaceFile = createUriReader([]);
  const service = getLanguageService({
    locate: createLocator(),
    csharp,
    readFile: uri => {
      // confined first: an open editor does not make a file outside the workspace readable
      const read = readWorkspaceFile(uri);
      return isRefusal(read) ? read : documents.get(uri)?.getText() ?? read;
    },
  });
  const index = service.workspace;
  const fetchKeys = createKeyFetcher();
  const pendingValidation = new Map<string, NodeJS.Timeout>();
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  /** TextDocuments reports an open as a content change too: the open is validated at once, the edits that follow are debounced. */
  const justOpened = new Set<string>();
  let supportsConfiguration = false;
  let codeLensRefresh = false;
  /**
   * The policy files IaC resources load, by host file (in the order the hosts were read): a
   * loaded policy is checked with its resource's scope.
   */
  const hostLoads = new Map<string, IacPolicyLoad[]>();
  /** Formatting is registered for policy documents only when the client lets us say so (see onInitialized). */
  let dynamicFormatting = false;
  /** URIs that got flow-config diagnostics last time, to clear the ones that no longer have any. */
  let configDiagnosticUris = new Set<string>();
  /** Validations under way (waiting for the settings or the C# parser, or running). */
  let validating = 0;
  /** When the last request about a document came: someone is typing. */
  let lastRequest = -Infinity;

  // ---- Helpers ----
  const busy = () => pendingValidation.size > 0 || validating > 0 || performance.now() - lastRequest < QUIET_MS;

  /** A request about a policy document: a closed document or a thrown error answers the fallback (logged). */
  function withDocument<T>(params: { textDocument: TextDocumentIdentifier }, fallback: T, fn: (document: TextDocument, doc: PolicyDocument) => T): T {
    lastRequest = performance.now();
    const document = documents.get(params.textDocument.uri);
    if (!document || roleOf(document, isLoaded) !== 'policy') return fallback;
    try {
      return fn(document, service.parsed(document));
    } catch (e) {
      connection.console.error(`Request failed for ${params.textDocument.uri}: ${describe(e)}`);
      return fallback;
    }
  }

  /**
   * A workspace-level request: a thrown error is logged (redacted) and answered as an error the
   * client can show, never as an empty answer that looks like "nothing there".
   */
  async function withRequest<T>(name: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      connection.console.error(`${name} failed: ${describe(e)}`);
      throw new ResponseError(ErrorCodes.InternalError, `${name} failed: ${redactSecrets((e as Error)?.message ?? String(e))} (see the APIM Policy output).`);
    }
  }

  function getSettings(uri: string): Promise<ServerSettings> {
    if (!supportsConfiguration) return Promise.resolve(defaultSettings);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIG_SECTION }).then(readSettings, e => {
        connection.console.warn(`Reading the settings for ${uri} failed, using the defaults: ${describe(e)}`);
        return defaultSettings;
      });
      settingsCache.set(uri, s);
    }
    return s;
  }

  /** True for a file in a workspace folder, or one the user opened: the files we may publish for. */
  function isOurs(uri: string): boolean {
    if (documents.get(uri)) return true;
    const p = URI.parse(uri);
    return p.scheme === 'file' && workspaceFolders.some(f => isInside(p.fsPath, URI.parse(f).fsPath));
  }

  /** Problems of every flow config and of the definition files they read. */
  function publishConfigDiagnostics(): void {
    const byUri = service.flowConfigDiagnostics();
    for (const uri of [...byUri.keys()]) if (!isOurs(uri)) byUri.delete(uri);
    for (const uri of configDiagnosticUris) if (!byUri.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of byUri) void connection.sendDiagnostics({ uri, diagnostics });
    configDiagnosticUris = new Set(byUri.keys());
  }

  /** The lenses' verdicts depend on other files too: ask the client to fetch them again. */
  function refreshCodeLenses(): void {
    if (!codeLensRefresh) return;
    connection.sendRequest('workspace/codeLens/refresh').catch(e => connection.console.warn(`Refreshing the CodeLenses failed: ${describe(e)}`));
  }

  const isLoaded = (uri: string) => loadOf(uri) !== undefined;

  /** The first host's resource that loads `uri`, as the CLI picks it. */
  function loadOf(uri: string): IacPolicyLoad | undefined {
    for (const loads of hostLoads.values()) {
      const load = loads.find(l => l.uri === uri);
      if (load) return load;
    }
    return undefined;
  }

  /**
   * Records the policy files an IaC host loads (none when `text` is undefined: the file is
   * gone); returns the loaded URIs whose load changed, old and new.
   */
  function updateHostLoads(uri: string, text: string | undefined): Set<string> {
    const before = hostLoads.get(uri) ?? [];
    let after: IacPolicyLoad[] = [];
    try {
      after = text === undefined ? [] : findIacLoads(uri, text);
    } catch (e) {
      connection.console.error(`Reading the policy files ${uri} loads failed: ${describe(e)}`);
    }
    if (after.length) hostLoads.set(uri, after);
    else hostLoads.delete(uri);
    return new Set([...before, ...after].map(l => l.uri));
  }

  function revalidateLoaded(loaded: Set<string>, delay: number): void {
    for (const uri of loaded) {
      const open = documents.get(uri);
      if (open) scheduleValidation(open, delay);
    }
  }

  async function validate(document: TextDocument): Promise<void> {
    if (isFlowConfig(document.uri)) {
      // the index has the text already (onDidChangeContent): parsing the config again would re-read its definition files
      publishConfigDiagnostics();
      for (const d of documents.all()) if (!isFlowConfig(d.uri)) scheduleValidation(d, 100);
      refreshCodeLenses();
      return;
    }
    validating++;
    try {
      await validatePolicyDocument(document);
    } finally {
      validating--;
    }
  }

  async function validatePolicyDocument(document: TextDocument): Promise<void> {
    const version = document.version;
    // the C# parser loads while the server starts: diagnostics wait for it
    const [settings] = await Promise.all([getSettings(document.uri), service.ready]);
    // the document may have changed or closed while we waited
    const current = documents.get(document.uri);
    if (!current || current.version !== version) return;
    let diagnostics: ReturnType<typeof service.doValidation> = [];
    const role = roleOf(current, isLoaded);
    // a definition file a config reads: its problems are the config's, kept when it is opened
    if (role === 'foreign' && configDiagnosticUris.has(current.uri)) {
      publishConfigDiagnostics();
      return;
    }
    // a JSON document that is no template gets an empty list: it clears what an earlier version had
    if (settings.validation.enable && role !== 'foreign') {
      const checkSettings = { missingBase: settings.validation.missingBase };
      try {
        const load = role === 'policy' ? loadOf(current.uri) : undefined;
        diagnostics = role === 'iacHost' ? service.validateHostFile(current, checkSettings)
          : load ? service.validateLoadedPolicy(current, load, checkSettings)
          : service.doValidation(current, service.parsed(current), checkSettings);
      } catch (e) {
        connection.console.error(`Validation failed for ${document.uri}: ${describe(e)}`);
      }
    }
    await connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
  }

  function scheduleValidation(document: TextDocument, delay: number): void {
    const prev = pendingValidation.get(document.uri);
    if (prev) clearTimeout(prev);
    pendingValidation.set(document.uri, setTimeout(() => {
      pendingValidation.delete(document.uri);
      validate(document).catch(e => connection.console.error(`Validation failed for ${document.uri}: ${describe(e)}`));
    }, delay));
  }

  function revalidateAll(): void {
    for (const d of documents.all()) scheduleValidation(d, 50);
    refreshCodeLenses();
  }

  /** Re-reads a file the index follows; gone files are removed. */
  function reindex(uri: string): void {
    if (mayBeIacFile(fileName(uri))) {
      const open = documents.get(uri);
      const text = open ? open.getText() : readWorkspaceFile(uri);
      revalidateLoaded(updateHostLoads(uri, typeof text === 'string' ? text : undefined), 50);
    }
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

  /** Reads every file the index follows in the workspace folders; returns how many. */
  function indexWorkspaceFolders(): number {
    let files = 0;
    for (const folder of workspaceFolders) {
      const fsPath = URI.parse(folder).fsPath;
      const read = readIndexedFiles(fsPath, undefined, { iac: true });
      for (const f of read.files) {
        const uri = URI.file(f.path).toString();
        // one file that breaks the indexer must not leave the rest of the workspace unindexed
        try {
          const name = fileName(uri);
          const text = documents.get(uri)?.getText() ?? f.text;
          if (mayBeIacFile(name)) updateHostLoads(uri, text);
          if (!isIndexedFile(name)) continue;
          if (!documents.get(uri)) index.update(uri, f.text);
        } catch (e) {
          connection.console.error(`Indexing ${uri} failed: ${describe(e)}`);
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
    return files;
  }

  /**
   * Once the server has been idle for a moment after start, the warm-up of its hot code (see
   * warmUp.ts). Work that comes in goes first: the warm-up waits while the server is busy.
   */
  function startWarmUp(): void {
    const start = () => {
      if (busy()) return void setTimeout(start, IDLE_MS);
      Promise.all([csharp, service.ready])
        .then(([parser]) => (parser ? warmUp(service, { busy }) : undefined))
        .then(ms => ms !== undefined && connection.console.info(`Warmed up in ${Math.round(ms)} ms.`))
        .catch(e => connection.console.warn(`The warm-up stopped: ${describe(e)}`));
    };
    setTimeout(start, IDLE_MS);
  }

  // ---- Lifecycle ----
  function onInitialize(params: InitializeParams): InitializeResult {
    supportsConfiguration = !!params.capabilities.workspace?.configuration;
    const textDocument = params.capabilities.textDocument;
    dynamicFormatting = !!textDocument?.formatting?.dynamicRegistration && !!textDocument.rangeFormatting?.dynamicRegistration;
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
        // registered statically, a formatter would apply to every language the client syncs: the
        // editor would then ask the user to pick between us and the Bicep or JSON formatter
        documentFormattingProvider: !dynamicFormatting,
        documentRangeFormattingProvider: !dynamicFormatting,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'apim-policy-language-server', version: '0.1.0' },
    };
  }

  function onInitialized(): void {
    if (dynamicFormatting) {
      const documentSelector = [{ language: LANGUAGE_ID }];
      connection.client.register(DocumentFormattingRequest.type, { documentSelector })
        .catch(e => connection.console.warn(`Registering the formatter failed: ${describe(e)}`));
      connection.client.register(DocumentRangeFormattingRequest.type, { documentSelector })
        .catch(e => connection.console.warn(`Registering the range formatter failed: ${describe(e)}`));
    }
    const started = Date.now();
    const files = indexWorkspaceFolders();
    publishConfigDiagnostics();
    connection.console.info(`APIM policy language server ready: ${service.catalog.policyNames().length} policies in the catalog; indexed ${files} workspace files in ${Date.now() - started} ms.`);
    if (files) revalidateAll();
    if (options.warmUp) startWarmUp();
  }

  function onDidChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
    for (const change of params.changes) reindex(change.uri);
    // definition files are read through the configs that name them: read them again
    if (params.changes.some(c => c.uri.endsWith('.json'))) index.refreshFlowConfigs();
    publishConfigDiagnostics();
    revalidateAll();
  }

  function onDidChangeConfiguration(): void {
    settingsCache.clear();
    for (const d of documents.all()) scheduleValidation(d, 0);
  }

  function onDidOpen(document: TextDocument): void {
    justOpened.add(document.uri);
    scheduleValidation(document, 0);
  }

  function onDidChangeContent(document: TextDocument): void {
    // unsaved edits of a fragment or a policy count for the documents that use them
    index.update(document.uri, document.getText());
    // a resource that loads a policy file may have come, gone or changed its scope
    if (mayBeIacFile(fileName(document.uri))) revalidateLoaded(updateHostLoads(document.uri, document.getText()), 150);
    if (justOpened.delete(document.uri)) return;
    scheduleValidation(document, 150);
  }

  function onDidClose(document: TextDocument): void {
    justOpened.delete(document.uri);
    const prev = pendingValidation.get(document.uri);
    if (prev) clearTimeout(prev);
    pendingValidation.delete(document.uri);
    service.closeDocument(document.uri);
    settingsCache.delete(document.uri);
    reindex(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  }

  // ---- Workspace requests ----

  // The token inspector. The token is used for this one answer and dropped: never logged (errors
  // are logged without the request's parameters), never stored, never sent anywhere.
  async function decodeForInspector(params: DecodeTokenParams): Promise<DecodeTokenResult> {
    const now = params.now ? new Date(params.now) : undefined;
    const r = await service.inspectToken(params.token, {
      flow: params.flow, configUri: params.configUri, jwksText: params.jwksText, clockSkewSeconds: params.clockSkewSeconds,
      fetchKeys: params.fetchKeys ? fetchKeys : undefined,
      now: now && !Number.isNaN(now.getTime()) ? now : undefined,
    });
    return r.ok ? r.decoded : { ok: false, error: inspectionError(r) };
  }

  /** The inspector shows any failure in its own panel: an answer, not an LSP error. */
  async function onDecodeToken(params: DecodeTokenParams): Promise<DecodeTokenResult> {
    try {
      return await decodeForInspector(params);
    } catch (e) {
      connection.console.error(redactSecrets(`Token inspection failed: ${(e as Error)?.name ?? 'error'}: ${(e as Error)?.message ?? ''}`));
      return { ok: false, error: 'The token could not be inspected (see the APIM Policy output).' };
    }
  }

  // Across a big workspace the list takes seconds: it is computed in slices, and requests that
  // come meanwhile (a hover, a completion) are answered between them.
  const listFlows = (params: ListFlowsParams | undefined, cancel: CancellationToken) =>
    withRequest('Listing the flows', () => inSlices(service.listFlowsInSteps({ verdicts: params?.verdicts }), cancel));

  // "Create apim-flows.json": computed from the index, applied (or not) by the client
  const scaffoldFlows = (params: ScaffoldFlowsParams) => withRequest('Creating apim-flows.json', async () => {
    // the file is written where the folder is: only a workspace folder's
    const folder = URI.parse(params.folderUri);
    if (folder.scheme !== 'file' || !workspaceFolders.some(f => isInside(folder.fsPath, URI.parse(f).fsPath))) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'Create apim-flows.json works on a folder of the workspace.');
    }
    const { configUri, exists, flows, identities, edit } = service.scaffoldFlowsConfig(params.folderUri);
    return { configUri, exists, flows, identities, edit };
  });

  // ---- Wiring ----
  connection.onInitialize(onInitialize);
  connection.onInitialized(onInitialized);
  connection.onDidChangeWatchedFiles(onDidChangeWatchedFiles);
  connection.onDidChangeConfiguration(onDidChangeConfiguration);
  documents.onDidOpen(e => onDidOpen(e.document));
  documents.onDidChangeContent(e => onDidChangeContent(e.document));
  documents.onDidClose(e => onDidClose(e.document));

  connection.onCompletion(p => withDocument(p, null, (d, doc) => service.doComplete(d, p.position, doc)));
  connection.onHover(p => withDocument(p, null, (d, doc) => service.doHover(d, p.position, doc)));
  connection.onDocumentSymbol(p => withDocument(p, [], (d, doc) => service.findDocumentSymbols(d, doc)));
  connection.onFoldingRanges(p => withDocument(p, [], (d, doc) => service.getFoldingRanges(d, doc)));
  connection.onDocumentFormatting(p => withDocument(p, [], (d, doc) => service.format(d, undefined, p.options, doc)));
  connection.onDocumentRangeFormatting(p => withDocument(p, [], (d, doc) => service.format(d, p.range, p.options, doc)));
  connection.onCodeLens(p => withDocument(p, [], (d, doc) => service.getCodeLenses(d, doc)));
  connection.onDefinition(p => withDocument(p, [], (d, doc) => service.findDefinition(d, p.position, doc)));
  connection.onCodeAction(p => {
    // apim-flows.json and definition files: the fixes of their own problems
    const document = documents.get(p.textDocument.uri);
    if (document && roleOf(document, isLoaded) !== 'policy') return service.doFlowFileCodeActions(document.uri, p.context.diagnostics);
    return withDocument(p, [], (d, doc) => service.doCodeActions(d, p.context.diagnostics, doc));
  });
  connection.onRequest(DecodeTokenRequest, onDecodeToken);
  connection.onRequest(ListFlowsRequest, listFlows);
  connection.onRequest(ScaffoldFlowsRequest, scaffoldFlows);

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
