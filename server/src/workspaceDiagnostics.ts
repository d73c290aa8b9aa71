/**
 * Workspace diagnostics: the problems of every policy of the workspace folders, open or not, in
 * the Problems panel (setting `apimPolicy.diagnostics.scope`: `workspace`, the default, or
 * `openFiles`).
 *
 * Pushed (`textDocument/publishDiagnostics`), not pulled. vscode-languageclient 9 pulls document
 * diagnostics only for documents visible in a tab, and pulls the workspace again 2 s after every
 * answer, sending every result id it holds (5,000 of them for a 5,000-policy repository) for as
 * long as the window is open; and a pulled and a pushed problem of the same file land in two
 * different collections, so the open documents (pushed, with their versions) would show theirs
 * twice. Pushing works the same in VS Code, code-server and any other client.
 *
 * What is checked: the index's policies and fragments (APIOps trees, `*.policy.xml`), other XML
 * files whose root element is `<policies>` or `<fragment>` (as `apim-policy check` finds them),
 * Bicep, Terraform and ARM files (their embedded policies) and the policy files they load. An
 * open document is its own pipeline's (server.ts): it is skipped here, and checked again from
 * the disk when it closes, so closing a file does not erase its problems.
 *
 * Typing, completion and hover go first. A file's check runs in steps (the C# check of each new
 * expression, each request a flow analysis composes, then the rules: `doValidationInSteps`), and
 * the steps in slices of a millisecond. Between two slices the connection has the event loop
 * until it is quiet: the requests that came during the slice are answered, then the slice's
 * problems are published and written; while the client is active, a pause follows; and the checks
 * wait while open documents have checks pending. Only changed results are sent, so a pass after a
 * named value or a fragment changed publishes the files whose problems changed, not every file.
 */
import { createHash } from 'crypto';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { isRefusal, splitPath, type FileRead, type IacPolicyLoad, type LanguageService } from './languageService/languageService';
import { isInside } from './node/confinedFiles';
import { rootElementName } from './node/policyFiles';
import type { ServerSettings } from '../../common/protocol';

/** What the workspace checks need from the server. */
export interface WorkspaceChecksHost {
  service: LanguageService;
  /** The workspace folders (file: URIs). */
  folders(): readonly string[];
  /** Reads a file of the workspace through the confined reader. */
  readFile(uri: string): FileRead;
  isOpen(uri: string): boolean;
  /** The IaC resource that loads a policy file, if any. */
  loadOf(uri: string): IacPolicyLoad | undefined;
  /** Every policy file an IaC resource loads. */
  loadedFiles(): Iterable<string>;
  settings(folderUri: string): Promise<ServerSettings>;
  /** Sends a file's problems; resolves once the message is written. */
  publish(uri: string, diagnostics: Diagnostic[]): Promise<void>;
  /** How many of the client's messages the connection has handed to their handlers so far. */
  messagesHandled(): number;
  /** True while open documents wait for their own checks: the workspace waits for them. */
  busy(): boolean;
  /** A progress notification (a no-op where the client shows none). */
  progress(title: string): Promise<{ report(percentage: number, message: string): void; done(): void }>;
  log(message: string): void;
  error(message: string): void;
}

export interface FileChange {
  uri: string;
  /** 1 created, 2 changed, 3 deleted (FileChangeType). */
  type: number;
}

export interface WorkspaceChecks {
  /** Records whether a file is a Bicep, Terraform or ARM file (one that holds policies or loads them). */
  noteHost(uri: string, isHost: boolean): void;
  /** Records an `.xml` file the index does not read (it may be a policy by its root element). */
  noteXml(uri: string): void;
  /** Checks every file again (soon: changes that come together make one pass). */
  checkAll(delay?: number): void;
  /** Files changed on disk: each is checked again at once, and, when others depend on it, every file. */
  filesChanged(changes: readonly FileChange[]): void;
  opened(uri: string): void;
  /** An open document closed: its problems are those of the file on disk again. */
  closed(uri: string): void;
  /** True while checks are queued or running. */
  running(): boolean;
}

/** The longest slice of checks before the connection gets a turn. */
const SLICE_MS = 1;

/** How long the checks wait while open documents have checks pending. */
const BUSY_WAIT_MS = 50;

/** A pass over more files than this shows a progress notification. */
const PROGRESS_MIN_FILES = 200;

/**
 * Turns of the event loop without a message handled before the checks go on. vscode-jsonrpc takes
 * a turn to read a message, one to dispatch it from its queue and one to write each answer (its
 * reader, queue and writer each run in a setImmediate of their own): a request that came during a
 * slice is answered before the next slice starts.
 */
const QUIET_TURNS = 3;

const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));

/**
 * While the client is active (a message of it was handled this recently), the checks leave the
 * CPU free between two slices for ACTIVE_PAUSE_MS: the editor, the client and the answers get most
 * of a small machine. Measured on the 5,000-policy repository with a completion request every
 * 5 ms all through the pass (bench runs of three, load 1.1-2.6 on 2 CPUs; pass median, completion
 * p99 per run): a pause of 3 ms, 7.7-9.8 s and 6.6-9.3 ms; 2 ms, 5.5-7.5 s and 8.6-11 ms; 1 ms,
 * 4.8-5.4 s and 9.6-12 ms. A client that is quiet for ACTIVE_MS gets the pass at full speed.
 */
const ACTIVE_MS = 500;
const ACTIVE_PAUSE_MS = 3;

/** A `policy.xml` in a place of the APIOps layout, or a `*.policy.xml`: of the policy language by name. */
function isPolicyByName(uri: string): boolean {
  const segments = splitPath(uri).decoded.map(s => s.toLowerCase());
  const n = segments.length;
  const name = segments[n - 1];
  if (name.endsWith('.policy.xml')) return true;
  if (name !== 'policy.xml') return false;
  if (segments[n - 3] === 'products' || segments[n - 3] === 'policy fragments') return true;
  return segments.slice(0, n - 2).some(s => s === 'apis' || s === 'workspaces');
}

const POLICY_ROOTS = new Set(['policies', 'fragment']);

/**
 * True for a file no other file's problems depend on: an operation policy, a `*.policy.xml`, any
 * other XML file. A policy above others, a fragment, a named value, a backend, a flow config, a
 * definition file or an IaC file may change the problems of other files.
 */
function isLeaf(uri: string): boolean {
  if (!/\.xml$/i.test(uri)) return false;
  if (uri.substring(uri.lastIndexOf('/') + 1).toLowerCase() !== 'policy.xml') return true;
  const segments = uri.split('/');
  return segments[segments.length - 3]?.toLowerCase() === 'operations';
}

export function createWorkspaceChecks(host: WorkspaceChecksHost): WorkspaceChecks {
  const { service } = host;
  const hosts = new Set<string>();
  const xml = new Set<string>();
  /**
   * What was last published for a closed file (a digest of its JSON), for the files that have
   * problems. Not the JSON itself: kept for 3,500 files, those strings lived through the young
   * generation's GCs (measured on the 5,000-policy repository, two runs each: the pass's GC
   * pauses summed 290-385 ms with them, 190-260 ms with digests).
   */
  const published = new Map<string, string>();
  /** Checked first: files changed on disk or just closed. */
  const urgent = new Set<string>();
  /** A pass over every file, in order. */
  let background: string[] = [];
  let next = 0;
  let worker: Promise<void> | undefined;
  /** Whether the C# parser was asked for (see `work`). */
  let parserAsked = false;
  let allTimer: NodeJS.Timeout | undefined;
  let pass: { started: number; files: number; slowest?: { uri: string; ms: number }; longestStep?: { uri: string; ms: number } } | undefined;

  const folderOf = (uri: string): string | undefined => {
    const fsPath = URI.parse(uri).fsPath;
    let best: string | undefined;
    for (const f of host.folders()) if (isInside(fsPath, URI.parse(f).fsPath) && (!best || f.length > best.length)) best = f;
    return best;
  };

  function allFiles(): string[] {
    const files = new Set<string>(service.workspace.policyFiles());
    for (const uri of host.loadedFiles()) files.add(uri);
    for (const uri of hosts) files.add(uri);
    for (const uri of xml) files.add(uri);
    // a file that had problems and is gone is checked too: its problems are cleared
    for (const uri of published.keys()) files.add(uri);
    return [...files];
  }

  /**
   * The problems of a closed file, in steps (a policy's new expressions are parsed one a step:
   * see `doValidationInSteps`); undefined when it is none of ours (any problems it had are cleared).
   */
  function* checkSteps(uri: string, settings: Map<string, ServerSettings>): Generator<void, Diagnostic[] | undefined, void> {
    const folder = folderOf(uri);
    const s = folder && settings.get(folder);
    if (!s || s.diagnostics.scope !== 'workspace' || !s.validation.enable) return undefined;
    const load = host.loadOf(uri);
    const isHost = hosts.has(uri);
    let text = isHost || load ? undefined : service.workspace.policyText(uri);
    if (text === undefined) {
      const read = host.readFile(uri);
      if (read === undefined || isRefusal(read)) return undefined;
      text = read;
    }
    if (!isHost && !load && !isPolicyByName(uri) && !POLICY_ROOTS.has(rootElementName(text) ?? '')) return undefined;
    const checkSettings = { missingBase: s.validation.missingBase, rules: s.rules };
    const document = TextDocument.create(uri, 'apim-policy', 0, text);
    try {
      if (isHost) return service.validateHostFile(document, checkSettings);
      if (load) return service.validateLoadedPolicy(document, load, checkSettings);
      return yield* service.doValidationInSteps(document, service.parsed(document), checkSettings);
    } finally {
      // what the service keeps for an open document (the tree, the flow analysis) is not kept
      // for each of thousands of closed files; a file other policies need is parsed again (a
      // file opened between two steps keeps what its own pipeline has)
      if (!host.isOpen(uri)) service.closeDocument(uri);
    }
  }

  /** Problems of this slice's files, sent when it yields (see `yieldToConnection`). */
  let toPublish: Array<{ uri: string; diagnostics: Diagnostic[] }> = [];

  /** The client's messages handled when last looked, and when that count last changed. */
  let handledSeen: number | undefined;
  let lastActivity = -Infinity;
  const noteActivity = (): void => {
    const handled = host.messagesHandled();
    if (handled === handledSeen) return;
    // the first look is no activity: the count of all the messages before
    if (handledSeen !== undefined) lastActivity = performance.now();
    handledSeen = handled;
  };

  /** Turns of the event loop until no message of the client was handled for QUIET_TURNS of them. */
  async function quiet(): Promise<void> {
    noteActivity();
    for (let turns = 0; turns < QUIET_TURNS;) {
      await nextTurn();
      const before = handledSeen;
      noteActivity();
      if (handledSeen === before) turns++;
      else turns = 0;
    }
  }

  /**
   * Gives the connection the event loop until it is quiet. First the requests that came while the
   * slice ran are answered, then the slice's problems are published and written, and the requests
   * that came meanwhile answered: so the next slice starts with nothing waiting, and an answer is
   * queued behind the problems of a few files at most (the writer writes one message a turn, and
   * the pass publishes thousands). While the client is active, a pause follows (ACTIVE_PAUSE_MS).
   */
  async function yieldToConnection(): Promise<void> {
    await quiet();
    if (toPublish.length > 0) {
      const sent = toPublish.map(p => host.publish(p.uri, p.diagnostics));
      toPublish = [];
      await Promise.all(sent).catch(() => undefined);
      await quiet();
    }
    if (performance.now() - lastActivity < ACTIVE_MS) {
      await new Promise(resolve => setTimeout(resolve, ACTIVE_PAUSE_MS));
      await quiet();
    }
  }

  /** Publishes a closed file's problems when they changed (always, with `force`). */
  function publishIfChanged(uri: string, diagnostics: Diagnostic[] | undefined, force: boolean): void {
    const key = diagnostics?.length ? createHash('sha256').update(JSON.stringify(diagnostics)).digest('base64') : undefined;
    if (!force && key === published.get(uri)) return;
    if (key === undefined) published.delete(uri);
    else published.set(uri, key);
    toPublish.push({ uri, diagnostics: diagnostics ?? [] });
  }

  async function currentSettings(): Promise<Map<string, ServerSettings>> {
    const folders = host.folders();
    const all = await Promise.all(folders.map(f => host.settings(f)));
    return new Map(folders.map((f, i) => [f, all[i]]));
  }

  function take(): { uri: string; force: boolean } | undefined {
    const first = urgent.values().next();
    if (!first.done) {
      urgent.delete(first.value);
      return { uri: first.value, force: true };
    }
    if (next < background.length) return { uri: background[next++], force: false };
    return undefined;
  }

  async function work(): Promise<void> {
    let settings = await currentSettings();
    let progress: Awaited<ReturnType<WorkspaceChecksHost['progress']>> | undefined;
    let reported = 0;
    /** The file being checked, between its steps. */
    let current: { uri: string; force: boolean; steps: Generator<void, Diagnostic[] | undefined, void>; ms: number } | undefined;
    for (;;) {
      if (host.busy()) {
        await new Promise(resolve => setTimeout(resolve, BUSY_WAIT_MS));
        continue;
      }
      if (!parserAsked && (urgent.size > 0 || next < background.length)) {
        // The C# parser loads for the first file to check, once open documents have their
        // diagnostics: a pass with nothing to check (an empty folder) does not load it, and its
        // load (about 100 ms of the main thread) does not come between an open document's first
        // and complete diagnostics.
        await service.ready;
        parserAsked = true;
        continue;
      }
      const sliceStart = performance.now();
      const sliceEnd = sliceStart + SLICE_MS;
      while (performance.now() < sliceEnd) {
        if (current && host.isOpen(current.uri)) {
          // opened meanwhile: its own pipeline checks it now
          current.steps.return(undefined);
          current = undefined;
        }
        if (!current) {
          const item = take();
          if (!item) break;
          // an open document is its own pipeline's
          if (host.isOpen(item.uri)) continue;
          current = { ...item, steps: checkSteps(item.uri, settings), ms: 0 };
        }
        const t0 = performance.now();
        let step: IteratorResult<void, Diagnostic[] | undefined>;
        try {
          step = current.steps.next();
        } catch (e) {
          host.error(`Checking ${current.uri} failed: ${(e as Error)?.message ?? e}`);
          step = { done: true, value: undefined };
        }
        const took = performance.now() - t0;
        current.ms += took;
        if (pass && took > (pass.longestStep?.ms ?? 0)) pass.longestStep = { uri: current.uri, ms: took };
        if (!step.done) continue;
        publishIfChanged(current.uri, step.value, current.force);
        if (pass && current.ms > (pass.slowest?.ms ?? 0)) pass.slowest = { uri: current.uri, ms: current.ms };
        current = undefined;
      }
      if (pass && !progress && pass.files > PROGRESS_MIN_FILES) {
        progress = await host.progress('APIM Policy: checking the workspace');
      }
      if (progress && pass && performance.now() - reported > 250) {
        reported = performance.now();
        progress.report(Math.floor((100 * next) / pass.files), `${next} of ${pass.files} files`);
      }
      await yieldToConnection();
      if (!current && urgent.size === 0 && next >= background.length) break;
      // cached by the server until the configuration changes
      settings = await currentSettings();
    }
    // from the last check to here nothing waits: no other task can queue work in between
    progress?.done();
    if (pass) {
      host.log(`Checked ${pass.files} workspace files in ${Math.round(performance.now() - pass.started)} ms.`);
      if (pass.slowest) host.log(`The slowest check: ${Math.round(pass.slowest.ms)} ms, ${pass.slowest.uri}`);
      if (pass.longestStep) host.log(`The longest step of a check: ${Math.round(pass.longestStep.ms)} ms, ${pass.longestStep.uri}`);
      pass = undefined;
    }
    background = [];
    next = 0;
  }

  function ensureWorker(): void {
    if (worker) return;
    worker = work()
      .catch(e => host.error(`The workspace checks stopped: ${(e as Error)?.stack ?? e}`))
      .finally(() => {
        worker = undefined;
        // work queued while the last slice finished
        if (urgent.size > 0 || next < background.length) ensureWorker();
      });
  }

  function startPass(): void {
    allTimer = undefined;
    background = allFiles();
    next = 0;
    pass = { started: performance.now(), files: background.length };
    ensureWorker();
  }

  const isXml = (uri: string) => /\.xml$/i.test(uri);

  return {
    noteHost(uri, isHost) {
      if (isHost) hosts.add(uri);
      else hosts.delete(uri);
    },
    noteXml(uri) {
      xml.add(uri);
    },
    checkAll(delay = 300) {
      if (allTimer) clearTimeout(allTimer);
      allTimer = setTimeout(startPass, delay);
    },
    filesChanged(changes) {
      let others = false;
      for (const { uri, type } of changes) {
        if (isXml(uri) && service.workspace.policyText(uri) === undefined) {
          if (type === 3) xml.delete(uri);
          else xml.add(uri);
        }
        urgent.add(uri);
        if (!isLeaf(uri)) others = true;
      }
      if (others) this.checkAll();
      ensureWorker();
    },
    opened(uri) {
      // the open document's own checks publish for it from now on
      published.delete(uri);
      urgent.delete(uri);
    },
    closed(uri) {
      urgent.add(uri);
      ensureWorker();
    },
    running: () => worker !== undefined || allTimer !== undefined,
  };
}
