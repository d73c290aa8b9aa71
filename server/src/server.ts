/**
 * The LSP server: a thin layer that keeps documents and parse results, and delegates every
 * request to the language service. Each handler goes through `withDocument`, which catches,
 * logs and returns a fallback, so no input can take the server down.
 */
import {
  CodeActionKind, createConnection, DocumentFormattingRequest, DocumentRangeFormattingRequest, ErrorCodes, LSPErrorCodes, ProposedFeatures, ResponseError, TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type Connection, type ConnectionOptions, type DidChangeWatchedFilesParams, type InitializeParams, type InitializeResult, type TextDocumentIdentifier,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import {
  applyRuleSeverities, classifyArtifact, findIacLoads, getLanguageService, iacHostKind, isRefusal, MAX_CHECKED_TEXT,
  type IacPolicyLoad, type LanguageServiceOptions, type PolicyDocument, type TokenInspection,
} from './languageService/languageService';
import { createLocator, createUriReader, indexCapWarning, isIndexedFile, readIndexedFiles } from './node/policyFiles';
import { mayBeIacFile } from './node/iacFiles';
import { createConfinedReader, isInside } from './node/confinedFiles';
import {
  AgentToolRequest, CONFIG_SECTION, DecodeTokenRequest, defaultSettings, EffectivePolicyRequest, type EffectivePolicyParams, LANGUAGE_ID, ListFlowsRequest, readSettings, ScaffoldFlowsRequest,
  type AgentToolAnswer, type AgentToolParams, type DecodeTokenParams, type DecodeTokenResult, type ListFlowsParams, type ScaffoldFlowsParams, type ServerSettings,
} from '../../common/protocol';
import { AgentToolInputError, runAgentTool } from './agentTools';
import { redactSecrets } from '../../common/redact';
import { createKeyFetcher } from './node/keyFetch';
import { warmUp } from './warmUp';
// bundled at build time (esbuild's JSON loader): the one source of the snippets, served by completion
import snippetFile from '../../snippets/apim-policy.code-snippets';
import { createWorkspaceChecks, type WorkspaceChecks } from './workspaceDiagnostics';
import { deferCompletionDocumentation } from './completionDocs';
import { loadExpressionParser } from './node/expressionParser';

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
  /**
   * How many messages from the client the connection has handed to their handlers so far (see
   * `countingMessages`): the workspace checks give the connection turns until it is quiet.
   */
  messagesHandled?: () => number;
}

/**
 * Connection options that count the client's messages as the connection hands them to their
 * handlers. A message takes several turns of the event loop from its bytes to its handler
 * (vscode-jsonrpc reads, queues and dispatches each in a turn of its own); the count tells the
 * workspace checks whether one went by while they yielded.
 */
export function countingMessages(): { options: ConnectionOptions; handled: () => number } {
  let handled = 0;
  return {
    options: { messageStrategy: { handleMessage: (message, next) => { handled++; next(message); } } },
    handled: () => handled,
  };
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

/**
 * The C# parser's load (about 100 ms of this thread) waits until no other document's check has
 * been waiting or running for this long: documents opened together (VS Code restoring its editors)
 * all get their first diagnostics, and those whose C# is plain their complete ones, before it.
 */
const PARSER_LOAD_QUIET_MS = 30;

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

/**
 * `csharp`: the C# parser, or its loader (see LanguageServiceOptions): a loader is called once the
 * first diagnostics of a document with expressions are out, or once the server is idle.
 */
export function startServer(connection: Connection, csharp?: LanguageServiceOptions['csharp'], options: StartOptions = {}): void {
  // ---- State ----
  const documents = new TextDocuments(TextDocument);
  const completionDocs = deferCompletionDocumentation();
  let workspaceFolders: string[] = [];
  /** Files a config names are read inside the workspace folders only (see confinedFiles.ts). */
  let readWorkspaceFile = createUriReader([]);
  // a loader is timed: the log says when expressions are checked from
  const loadCSharp = typeof csharp !== 'function' ? csharp : () => {
    const t0 = performance.now();
    return Promise.resolve(csharp()).then(parser => {
      if (parser) connection.console.info(`The C# parser of policy expressions loaded in ${Math.round(performance.now() - t0)} ms.`);
      return parser;
    });
  };
  const service = getLanguageService({
    locate: createLocator(),
    csharp: loadCSharp,
    snippets: snippetFile,
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
  let configPublishRun = 0;
  /** The `apimPolicy.rules` warnings already shown. */
  const rulesWarned = new Set<string>();
  /** Validations under way (waiting for the settings or the C# parser, or running). */
  let validating = 0;
  /** When the last request about a document came: someone is typing. */
  let lastRequest = -Infinity;
  /** Validations waiting for the parser's load to start (see parserReady). */
  let waitingForParser = 0;
  let parserAsked = false;
  const workspaceChecks = startWorkspaceChecks();

  // ---- Helpers ----
  const busy = () => pendingValidation.size > 0 || validating > 0 || performance.now() - lastRequest < QUIET_MS || workspaceChecks.running();

  /**
   * `service.ready` for a validation that needs the C# parser: the first time, once no other
   * validation has been waiting or running for PARSER_LOAD_QUIET_MS (those waiting here too do not
   * count), so that the load does not delay their first diagnostics.
   */
  async function parserReady(): Promise<boolean> {
    if (!parserAsked) {
      waitingForParser++;
      try {
        do await new Promise(resolve => setTimeout(resolve, PARSER_LOAD_QUIET_MS));
        while (!parserAsked && (pendingValidation.size > 0 || validating > waitingForParser));
      } finally {
        waitingForParser--;
      }
      parserAsked = true;
    }
    return service.ready;
  }

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
   * Completion or hover: in a policy document, or in an IaC file, where only the policies it holds
   * inline answer (`inHost` returns null elsewhere, leaving the file to its own extension).
   */
  function withPolicyOrHost<T>(params: { textDocument: TextDocumentIdentifier }, fallback: T, inHost: (document: TextDocument) => T, inPolicy: (document: TextDocument, doc: PolicyDocument) => T): T {
    const document = documents.get(params.textDocument.uri);
    if (!document || roleOf(document, isLoaded) !== 'iacHost') return withDocument(params, fallback, inPolicy);
    lastRequest = performance.now();
    try {
      return inHost(document);
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
      s = connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIG_SECTION }).then(raw => {
        const settings = readSettings(raw);
        warnAboutRules(settings.rulesProblems);
        return settings;
      }, e => {
        connection.console.warn(`Reading the settings for ${uri} failed, using the defaults: ${describe(e)}`);
        return defaultSettings;
      });
      settingsCache.set(uri, s);
    }
    return s;
  }

  /** Says once (per distinct text) what in `apimPolicy.rules` was not understood; the rest of the setting still applies. */
  function warnAboutRules(problems: string[]): void {
    if (problems.length === 0) return;
    const text = `apimPolicy.rules: ${problems.join('; ')}.`;
    if (rulesWarned.has(text)) return;
    rulesWarned.add(text);
    connection.console.warn(text);
    void connection.window.showWarningMessage(text);
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
    // each file with the rule severities of its own folder; a later publish wins over one still waiting
    const run = ++configPublishRun;
    Promise.all([...byUri].map(async ([uri, diagnostics]) => ({ uri, diagnostics: applyRuleSeverities(diagnostics, (await getSettings(uri)).rules) }))).then(published => {
      if (run !== configPublishRun) return;
      for (const uri of configDiagnosticUris) if (!byUri.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      for (const { uri, diagnostics } of published) void connection.sendDiagnostics({ uri, diagnostics });
      configDiagnosticUris = new Set(byUri.keys());
    }, e => connection.console.error(`Publishing the flow config problems failed: ${describe(e)}`));
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
    workspaceChecks.noteHost(uri, text !== undefined && iacHostKind(uri, text) !== undefined);
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
    const settings = await getSettings(document.uri);
    // the document may have changed or closed while we waited
    const stillCurrent = () => {
      const current = documents.get(document.uri);
      return current && current.version === version ? current : undefined;
    };
    let current = stillCurrent();
    if (!current) return;
    const role = roleOf(current, isLoaded);
    // a definition file a config reads: its problems are the config's, kept when it is opened
    if (role === 'foreign' && configDiagnosticUris.has(current.uri)) {
      publishConfigDiagnostics();
      return;
    }
    // a JSON document that is no template gets an empty list: it clears what an earlier version had
    if (!settings.validation.enable || role === 'foreign') return void await connection.sendDiagnostics({ uri: document.uri, version, diagnostics: [] });
    const checkSettings = { missingBase: settings.validation.missingBase, rules: settings.rules };
    const load = role === 'policy' ? loadOf(current.uri) : undefined;
    if (role === 'policy' && !load) {
      // Two phases: XML and structure at once; the C# checks of the expressions left (the parser
      // may still be loading, or a large policy has many new ones) in a second publish that
      // replaces the first.
      const phased = tryValidate(document.uri, doc => service.validateInPhases(doc, service.parsed(doc), checkSettings), current);
      await connection.sendDiagnostics({ uri: document.uri, version, diagnostics: phased?.first ?? [] });
      if (!phased?.complete || !stillCurrent()) return;
      // plainly valid C# needs no parser: the complete list then comes without waiting for its load
      const now = tryValidate(document.uri, () => phased.completeNow?.(), current);
      if (now) return void await connection.sendDiagnostics({ uri: document.uri, version, diagnostics: now });
      await parserReady();
      if (!stillCurrent()) return;
      const complete = tryValidate(document.uri, () => phased.complete!(), current);
      if (complete) await connection.sendDiagnostics({ uri: document.uri, version, diagnostics: complete });
      return;
    }
    // policies in (or loaded by) IaC files: one publish, with the C# checks
    await parserReady();
    current = stillCurrent();
    if (!current) return;
    const diagnostics = tryValidate(document.uri, doc => (role === 'iacHost' ? service.validateHostFile(doc, checkSettings) : service.validateLoadedPolicy(doc, load!, checkSettings)), current);
    await connection.sendDiagnostics({ uri: document.uri, version, diagnostics: diagnostics ?? [] });
  }

  /** A validation that throws is logged and publishes nothing new (undefined). */
  function tryValidate<T>(uri: string, fn: (document: TextDocument) => T, document: TextDocument): T | undefined {
    try {
      return fn(document);
    } catch (e) {
      connection.console.error(`Validation failed for ${uri}: ${describe(e)}`);
      return undefined;
    }
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
      const read = readIndexedFiles(fsPath, undefined, { iac: true, xml: true });
      for (const x of read.xml ?? []) workspaceChecks.noteXml(URI.file(x).toString());
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
      // the C# parser loads now if no document needed it yet
      service.ready
        .then(parses => (parses ? warmUp(service, { busy }) : undefined))
        .then(ms => ms !== undefined && connection.console.info(`Warmed up in ${Math.round(ms)} ms.`))
        .catch(e => connection.console.warn(`The warm-up stopped: ${describe(e)}`));
    };
    setTimeout(start, IDLE_MS);
  }

  /** The problems of every policy of the workspace, open or not (see workspaceDiagnostics.ts). */
  function startWorkspaceChecks(): WorkspaceChecks {
    return createWorkspaceChecks({
      service,
      folders: () => workspaceFolders,
      readFile: uri => readWorkspaceFile(uri),
      isOpen: uri => documents.get(uri) !== undefined,
      loadOf,
      loadedFiles: () => [...hostLoads.values()].flatMap(loads => loads.map(l => l.uri)),
      settings: getSettings,
      publish: (uri, diagnostics) => connection.sendDiagnostics({ uri, diagnostics }),
      messagesHandled: options.messagesHandled ?? (() => 0),
      busy: () => pendingValidation.size > 0 || validating > 0,
      async progress(title) {
        const reporter = await connection.window.createWorkDoneProgress();
        reporter.begin(title, 0, undefined, false);
        return { report: (percentage, message) => reporter.report(percentage, message), done: () => reporter.done() };
      },
      log: message => connection.console.info(message),
      error: message => connection.console.error(redactSecrets(message)),
    });
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
        completionProvider: { triggerCharacters: ['<', ' ', '"', "'", '/', '.', '{'], resolveProvider: true },
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
    workspaceChecks.checkAll(0);
    if (options.warmUp) startWarmUp();
  }

  function onDidChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
    for (const change of params.changes) reindex(change.uri);
    // definition files are read through the configs that name them: read them again
    if (params.changes.some(c => c.uri.endsWith('.json'))) index.refreshFlowConfigs();
    publishConfigDiagnostics();
    revalidateAll();
    workspaceChecks.filesChanged(params.changes);
  }

  function onDidChangeConfiguration(): void {
    settingsCache.clear();
    for (const d of documents.all()) scheduleValidation(d, 0);
    // the rule severities apply to the problems of apim-flows.json files too, open or not
    publishConfigDiagnostics();
    workspaceChecks.checkAll();
  }

  function onDidOpen(document: TextDocument): void {
    workspaceChecks.opened(document.uri);
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
    // its problems are those of the file on disk again (none when it is not a workspace file)
    workspaceChecks.closed(document.uri);
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

  /**
   * The VS Code language-model tools: the same module as `apim-policy mcp`, over this server's
   * index, confined to the workspace folders; an open document's unsaved text is what is checked.
   */
  async function onAgentTool(params: AgentToolParams): Promise<AgentToolAnswer> {
    const roots = workspaceFolders.map(f => URI.parse(f).fsPath);
    const confined = createConfinedReader({ roots, rootName: 'the workspace folders', maxBytes: MAX_CHECKED_TEXT });
    const read = (file: string) => {
      const r = confined(file);
      const open = r.ok ? documents.get(URI.file(file).toString()) : undefined;
      return r.ok && open ? { ...r, text: open.getText() } : r;
    };
    try {
      const r = await runAgentTool({ service, roots, read }, params.name, params.input);
      return { ok: true, text: r.text, json: r.json };
    } catch (e) {
      if (e instanceof AgentToolInputError) return { ok: false, error: redactSecrets(e.message) };
      throw e;
    }
  }

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

  connection.onCompletion(p => completionDocs.defer(withPolicyOrHost(p, null, d => service.doCompleteInHost(d, p.position), (d, doc) => service.doComplete(d, p.position, doc, loadOf(d.uri)))));
  connection.onCompletionResolve(item => completionDocs.resolve(item));
  connection.onHover(p => withPolicyOrHost(p, null, d => service.doHoverInHost(d, p.position), (d, doc) => service.doHover(d, p.position, doc, loadOf(d.uri))));
  connection.onDocumentSymbol(p => withDocument(p, [], (d, doc) => service.findDocumentSymbols(d, doc)));
  connection.onFoldingRanges(p => withDocument(p, [], (d, doc) => service.getFoldingRanges(d, doc)));
  connection.onDocumentFormatting(p => withDocument(p, [], (d, doc) => service.format(d, undefined, p.options, doc)));
  connection.onDocumentRangeFormatting(p => withDocument(p, [], (d, doc) => service.format(d, p.range, p.options, doc)));
  connection.onCodeLens(p => withDocument(p, [], (d, doc) => service.getCodeLenses(d, doc)));
  connection.onDefinition(p => withPolicyOrHost(p, [], d => service.findDefinitionInHost(d, p.position), (d, doc) => service.findDefinition(d, p.position, doc, loadOf(d.uri))));
  connection.onCodeAction(p => {
    // apim-flows.json and definition files: the fixes of their own problems
    const document = documents.get(p.textDocument.uri);
    if (document && roleOf(document, isLoaded) !== 'policy') return service.doFlowFileCodeActions(document.uri, p.context.diagnostics);
    return withDocument(p, [], (d, doc) => service.doCodeActions(d, p.context.diagnostics, doc));
  });
  connection.onRequest(DecodeTokenRequest, onDecodeToken);
  connection.onRequest(ListFlowsRequest, listFlows);
  connection.onRequest(ScaffoldFlowsRequest, scaffoldFlows);
  connection.onRequest(AgentToolRequest, params => withRequest('The agent tool', () => onAgentTool(params)));
  connection.onRequest(EffectivePolicyRequest, (p: EffectivePolicyParams) =>
    withRequest('Composing the effective policy', async () => service.effectivePolicy(p.uri, { product: p.product }) ?? null));

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
 * The C# parser of policy expressions (WebAssembly) loads once the first diagnostics are out (or
 * the server is idle): its 5 MB of WebAssembly are not on the path to them.
 */
const loadParser = () => loadExpressionParser(e => {
  process.stderr.write(`apim-policy server: policy expressions are not checked: the C# parser did not load: ${(e as Error)?.message ?? e}\n`);
});

const counting = countingMessages();
startServer(createConnection(ProposedFeatures.all, counting.options), loadParser, { warmUp: true, messagesHandled: counting.handled });
