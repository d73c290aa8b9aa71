/**
 * The language service: pure functions over a TextDocument, returning LSP types. No I/O; the host
 * (LSP server, CLI, tests) injects file reading, where a file sits and the settings.
 *
 * It owns the workspace: the APIOps index (hosts feed it file texts and removals through
 * `workspace`), one parse cache shared by open documents and indexed files, and the flow analysis
 * of each policy, memoised until the document or the index changes. Hosts import only this file.
 */
import { DiagnosticSeverity, type CodeAction, type CodeLens, type CompletionList, type Location, type Range, type TextEdit, type Diagnostic, type DocumentSymbol, type FoldingRange, type Hover, type Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createCatalog, type Catalog } from './catalog';
import { createPolicyParser, MAX_CHECKED_TEXT, type PolicyDocument } from './parser/policyParser';
import { doCodeActions } from './services/policyCodeActions';
import { format as formatPolicy, type FormatOptions } from './services/policyFormat';
import { flowQuickFixes } from './services/flowQuickFixes';
import { scaffoldFlowsConfig, type FlowsScaffold } from './services/flowScaffold';
import { effectivePolicyLens, getCodeLenses } from './services/policyCodeLens';
import { doComplete } from './services/policyCompletion';
import { compileSnippets, type PolicySnippet, type SnippetFile } from './services/policySnippets';
import { doHover } from './services/policyHover';
import { findDocumentSymbols, getFoldingRanges } from './services/policySymbols';
import { defaultValidationSettings, validatePolicy, validatePolicyInPhases, type Finding, type Severity, type ValidationSettings } from './services/validation';
import { locatePolicy, type PolicyLocation } from './workspace/apiopsLayout';
import { createWorkspaceIndex, type WorkspaceIndex } from './workspace/workspaceIndex';
import type { FileRead } from './workspace/fileRead';
import { analyzePolicyFlowsInSteps, runSteps, type PolicyFlowAnalysis, type Steps } from './workspace/flowLinks';
import { flowConfigDiagnostics, flowFileCodeActions } from './services/flowConfigDiagnostics';
import { listFlowsInSteps, type ListFlowsOptions } from './services/flowSummaries';
import { inspectToken, type InspectTokenOptions, type TokenInspection } from './services/tokenInspection';
import { simulatePolicyFlows, type PolicyFlowSimulation } from './services/flowSimulation';
import type { FlowSummary } from '../../../common/protocol';
import { createLineIndex, type LineIndex } from './utils/positions';
import { completeReference, findReferenceDefinition, hoverReference } from './services/policyReferences';
import type { CSharpParser, WasmFiles } from './expressions/csharpParser';
import { createExpressionChecker } from './expressions/expressionChecks';
import { MAX_EXPRESSIONS_CHECKED_TEXT } from './services/validation/expressions';
import { completeExpression } from './expressions/expressionCompletion';
import { hoverExpression } from './expressions/expressionHover';
import { validateHostText, validateMapped, type CheckPolicy } from './services/iacValidation';
import { effectivePolicy, type ComposeOptions, type EffectivePolicy } from './services/effectivePolicy';
import { applyToDiagnostics, applyToFindings, type RuleSeverities } from './services/ruleSeverity';
import {
  iacHostKind, readIacFile, readTemplateFile, templateDefinitions, withTemplateDefinitions, type HostKind, type IacFileModel, type IacPolicyLoad, type TemplateDefinitions,
} from './workspace/iac';
import { completionToHost, embeddedAt, hoverToHost, virtualDocument } from './services/iacEmbedded';

export type { PolicyDocument } from './parser/policyParser';
export type { ValidationSettings, Finding } from './services/validation';
export type { PolicyLocation, PolicyScope } from './workspace/apiopsLayout';
export type { CSharpParser, WasmFiles } from './expressions/csharpParser';
export { MAX_CHECKED_TEXT } from './parser/policyParser';
export { MAX_EXPRESSIONS_CHECKED_TEXT } from './services/validation/expressions';
export { tooLargeToCheckMessage } from './services/validation/documentSize';
export { findIacLoads, iacHostKind, type IacPolicyLoad } from './workspace/iac';
export { classifyArtifact } from './workspace/apiopsLayout';
export { splitPath } from './workspace/apiopsPaths';
export { isRefusal, type FileRead, type Refusal } from './workspace/fileRead';
export type { WorkspaceIndex } from './workspace/workspaceIndex';
export type { ListFlowsOptions } from './services/flowSummaries';
export type { InspectTokenOptions, TokenInspection } from './services/tokenInspection';
export type { InspectResult } from './auth/inspect';
export { redactTokens } from './auth/token';
export { didYouMean } from './utils/strings';
export type { PolicyFlowSimulation, SimulatedCheck } from './services/flowSimulation';
export type { ElementInfo, AttributeInfo } from './catalog';
export type { EffectivePolicy, RenderedElement as EffectivePolicyElement, SectionName } from './services/effectivePolicy';
export type { SnippetFile, SnippetDefinition } from './services/policySnippets';
export { parseRulesConfig, RULE_CODES, RULE_SEVERITIES, RULES_CONFIG_FILE, readRuleSeverities, type RuleSeverities, type RuleSeverity, type RuleSeverityReading } from './services/ruleSeverity';

/** Diagnostics with the user's per-rule severities (for the ones a host makes itself, such as the CLI's unreadable files). */
export function applyRuleSeverities(diagnostics: Diagnostic[], rules: RuleSeverities | undefined): Diagnostic[] {
  return applyToDiagnostics(diagnostics, rules);
}
export type { FlowsScaffold } from './services/flowScaffold';

export interface LanguageServiceOptions {
  catalog?: Catalog;
  /**
   * Where a document sits in an APIOps tree. The default reads the path only, so a root
   * `policy.xml` has no known scope; hosts with file access can tell a service root apart.
   */
  locate?(uri: string): PolicyLocation | undefined;
  /**
   * Reads a file the workspace needs besides the ones the host feeds (the definition files a flow
   * config names); a refusal becomes a diagnostic on the config value that named the file.
   */
  readFile?(uri: string): FileRead;
  /**
   * The C# parser for policy expressions, the promise of it (`loadCSharpParser()` loads
   * WebAssembly), or a function that loads it the first time it is needed (a document with an
   * expression to check, or `ready` read): `ready` resolves once it is there. Without it
   * expressions get no diagnostics; completion and hover inside them still work.
   */
  csharp?: CSharpParser | PromiseLike<CSharpParser | undefined> | (() => PromiseLike<CSharpParser | undefined>);
  /**
   * The most text `parse` reads (`MAX_CHECKED_TEXT` by default): a longer document gets one
   * `document-too-large` diagnostic and every other feature answers with nothing.
   */
  maxCheckedText?: number;
  /**
   * The snippets completion offers where they fit (the data of snippets/apim-policy.code-snippets;
   * the server bundles it). Without them completion offers none.
   */
  snippets?: SnippetFile;
  /** Told each time the flow analysis of a policy runs (not when the memo answers): a probe for tests. */
  onFlowAnalysis?(uri: string): void;
}

export interface LanguageService {
  readonly catalog: Catalog;
  /**
   * Resolves when what the service loads asynchronously (the C# parser) is ready: true when
   * expressions are checked. Reading it starts a lazy load (`csharp` given as a function).
   */
  readonly ready: Promise<boolean>;
  /**
   * The APIOps index of the workspace: the host feeds it file texts (`update`) and removals
   * (`remove`), open documents' unsaved texts included.
   */
  readonly workspace: WorkspaceIndex;
  /**
   * Parses the document (always afresh: see `parsed` for the cached tree). `spare`: memory the
   * caller gives up for a large document's rows, the buffer its text was read into (see
   * `parsePolicy`); nobody else may use it afterwards.
   */
  parse(document: TextDocument, spare?: ArrayBuffer): PolicyDocument;
  /**
   * The document's tree from the service's one parse cache, keyed by URI and text: an open
   * document and the index's copy of the same text share one tree. `closeDocument` drops it.
   */
  parsed(document: TextDocument): PolicyDocument;
  /** Forgets what the service keeps for an open document (its tree and flow analysis). */
  closeDocument(uri: string): void;
  /**
   * Problems of a policy. `location` overrides where the host's `locate` puts the document (a
   * policy given as text with the scope it is meant for).
   */
  doValidation(document: TextDocument, doc?: PolicyDocument, settings?: Partial<ValidationSettings>, location?: PolicyLocation): Diagnostic[];
  /**
   * The same diagnostics in two phases, for a host that shows the first ones before the C#
   * checks of a large policy are done (or before the C# parser has loaded): `first` at once
   * (XML, structure, attributes, references, the cross-check, and the expressions whose checks
   * are cached or quick); when some expressions are left, `complete()`, called once `ready` has
   * resolved (reading it loads the parser), returns the whole list, which replaces the first.
   * `completeNow()` returns it without waiting for the parser when no expression needs it (their
   * C# is plainly valid), else undefined.
   */
  validateInPhases(document: TextDocument, doc?: PolicyDocument, settings?: Partial<ValidationSettings>): PhasedDiagnostics;
  /**
   * `doValidation` in steps, for a host that answers requests between them (the workspace
   * checks): the C# check of each expression not yet cached is a step, the flow analysis is one,
   * and the rules then find both cached. A policy seen for the first time may hold a hundred new
   * expressions (a hundred parses); no step is longer than the longest one of them.
   */
  doValidationInSteps(document: TextDocument, doc?: PolicyDocument, settings?: Partial<ValidationSettings>): Generator<void, Diagnostic[], void>;
  /**
   * `load`: the IaC resource that loads this policy file (`findIacLoads`), whose file's named
   * values, backends and fragments are then known too.
   */
  doComplete(document: TextDocument, position: Position, doc?: PolicyDocument, load?: IacPolicyLoad): CompletionList;
  doHover(document: TextDocument, position: Position, doc?: PolicyDocument, load?: IacPolicyLoad): Hover | null;
  findDocumentSymbols(document: TextDocument, doc?: PolicyDocument): DocumentSymbol[];
  getFoldingRanges(document: TextDocument, doc?: PolicyDocument): FoldingRange[];
  /** Quick fixes for diagnostics this service reported (their `code` and `data` say what to do). */
  doCodeActions(document: TextDocument, diagnostics: Diagnostic[], doc?: PolicyDocument): CodeAction[];
  /** Go to definition of named values, fragments and backends (needs the workspace index). */
  findDefinition(document: TextDocument, position: Position, doc?: PolicyDocument, load?: IacPolicyLoad): Location[];
  /**
   * The linked flow and the trigger's verdict above each managed identity, then "Effective policy"
   * on `<policies>` of an operation, API or product policy (both need the index).
   */
  getCodeLenses(document: TextDocument, doc?: PolicyDocument): CodeLens[];
  /** Re-indents elements; never changes expressions, values, text, CDATA or comments. */
  format(document: TextDocument, range: Range | undefined, options: FormatOptions, doc?: PolicyDocument): TextEdit[];
  /** Quick fixes for the diagnostics `flowConfigDiagnostics` reported in an apim-flows.json or definition file. */
  doFlowFileCodeActions(uri: string, diagnostics: Diagnostic[]): CodeAction[];
  /**
   * Problems of every flow config and of the definition files they read, by file URI (each
   * config's URI is a key), with the per-rule severities of `rules`.
   */
  flowConfigDiagnostics(rules?: RuleSeverities): Map<string, Diagnostic[]>;
  /**
   * "Create apim-flows.json": the config describing every flow trigger URL under `folderUri`
   * (policies, backends, named values), or the flows and identities an existing one lacks, with
   * the edit that writes them. Never overwrites: an existing file only gains entries.
   */
  scaffoldFlowsConfig(folderUri: string): FlowsScaffold;
  /** The flows of the workspace's configs, with (by default) each linked policy's verdict. */
  listFlows(options?: ListFlowsOptions): FlowSummary[];
  /** The same list one policy a step, for a host that answers other requests between steps. */
  listFlowsInSteps(options?: ListFlowsOptions): Generator<void, FlowSummary[], void>;
  /**
   * The flow cross-check of a policy as data: per managed identity, the linked flow, the
   * predicted token's claims and the trigger's checks with the verdict (needs the index).
   */
  simulateFlows(document: TextDocument, doc?: PolicyDocument): PolicyFlowSimulation[];
  /** Decodes a bearer token, checks its signature when keys are at hand, and runs a flow's trigger checks. */
  inspectToken(raw: string, options?: InspectTokenOptions): Promise<TokenInspection>;
  /**
   * The policy APIM runs for a request to this operation, API or product policy (global → product →
   * API → operation through `<base />`, fragments inline), with each statement's source; the
   * products that hold the API, and which one was used (`options.product`, else the first by name).
   * Undefined when the index does not place the file in an APIOps tree (or it is a fragment).
   */
  effectivePolicy(uri: string, options?: ComposeOptions): EffectivePolicy | undefined;
  /**
   * Diagnostics of the APIM policies embedded in a Bicep, ARM JSON or Terraform file, at their
   * places in that file; none when the file is not one of those or holds no policy.
   */
  validateHostFile(document: TextDocument, settings?: Partial<ValidationSettings>): Diagnostic[];
  /**
   * Diagnostics of a policy file that an IaC resource loads (`findIacLoads` says which), checked
   * with that resource's scope; each one points at the resource in its related information.
   */
  validateLoadedPolicy(document: TextDocument, load: IacPolicyLoad, settings?: Partial<ValidationSettings>): Diagnostic[];
  /**
   * Completion inside a policy a Bicep, ARM JSON or Terraform file holds inline, with what the
   * file defines (named values, backends, fragments); null anywhere else in the file, where the
   * file's own language extension answers. Inserted text is escaped for the string it goes into.
   */
  doCompleteInHost(document: TextDocument, position: Position): CompletionList | null;
  /** Hover inside a policy a Bicep, ARM JSON or Terraform file holds inline; null elsewhere. */
  doHoverInHost(document: TextDocument, position: Position): Hover | null;
  /** Go to definition from a policy a Bicep, ARM JSON or Terraform file holds inline (a backend, named value or fragment it defines, or one of the workspace). */
  findDefinitionInHost(document: TextDocument, position: Position): Location[];
}

/**
 * Loads the C# parser of policy expressions (web-tree-sitter and the grammar's WebAssembly). Its
 * module is imported only when this is called: the bundles keep it in a file of its own
 * (esbuild.js), so a host that never meets an expression never compiles its code.
 */
export function loadCSharpParser(files?: WasmFiles): Promise<CSharpParser> {
  return import('./expressions/csharpParser').then(m => m.loadCSharpParser(files));
}

export interface PhasedDiagnostics {
  first: Diagnostic[];
  complete?(): Diagnostic[];
  completeNow?(): Diagnostic[] | undefined;
}

/**
 * Expressions the first phase checks when the parser is loaded and their checks are not cached:
 * an edit changes one or two, and then one publish is all there is (no flicker of the C# problems
 * of the expressions around it).
 */
const FIRST_PHASE_EXPRESSIONS = 32;

export const DIAGNOSTIC_SOURCE = 'apim-policy';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(document: TextDocument, f: Finding): Diagnostic {
  return findingToDiagnostic(f, offset => document.positionAt(offset), relatedIndexes());
}

/** Line indexes of the texts findings point into (a flow config, a fragment), one a text for a batch of findings. */
function relatedIndexes(): (text: string) => LineIndex {
  const indexes = new Map<string, LineIndex>();
  return text => {
    let index = indexes.get(text);
    if (!index) indexes.set(text, index = createLineIndex(text));
    return index;
  };
}

function findingToDiagnostic(f: Finding, positionAt: (offset: number) => Position, related: (text: string) => LineIndex): Diagnostic {
  const d: Diagnostic = {
    range: { start: positionAt(f.start), end: positionAt(Math.max(f.start, f.end)) },
    severity: SEVERITY[f.severity],
    code: f.code,
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    data: f.data,
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.map(r => {
      const at = (offset: number) => (r.text !== undefined ? related(r.text).positionAt(offset) : { line: 0, character: 0 });
      return { location: { uri: r.uri, range: { start: at(r.start), end: at(r.end) } }, message: r.message };
    });
  }
  return d;
}

interface ParsedEntry {
  text: string;
  doc: PolicyDocument;
}

interface AnalysisEntry {
  doc: PolicyDocument;
  generation: number;
  analysis: PolicyFlowAnalysis;
}

export function getLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const catalog = options.catalog ?? createCatalog();
  const locate = options.locate ?? ((uri: string) => locatePolicy(uri));
  const maxText = options.maxCheckedText ?? MAX_CHECKED_TEXT;
  // one parser for the service: it reuses its working memory from one policy to the next
  const parsePolicy = createPolicyParser();
  const parse = (document: TextDocument, spare?: ArrayBuffer) => parsePolicy(document.getText(), maxText, spare);
  // read on the first completion: most hosts (the CLI) never complete
  let snippets: PolicySnippet[] | undefined;
  const snippetsFor = (uri: string) => {
    if (!options.snippets) return undefined;
    snippets ??= compileSnippets(options.snippets, catalog);
    return { snippets, fragment: locate(uri)?.scope === 'fragment' };
  };

  // The one parse cache. Keyed by text rather than version: the index holds no versions, and an
  // open document's text is the same string for as long as its version does not change.
  const trees = new Map<string, ParsedEntry>();
  const parseText = (uri: string, text: string): PolicyDocument => {
    const hit = trees.get(uri);
    if (hit && hit.text === text) return hit.doc;
    const doc = parsePolicy(text, maxText);
    trees.set(uri, { text, doc });
    return doc;
  };
  // A policy's flow analysis reads the whole index (parents, backends, configs): any change of the
  // index bumps the generation, and an analysis of an older generation is stale.
  let generation = 0;
  const analyses = new Map<string, AnalysisEntry>();
  const workspace = createWorkspaceIndex({
    readFile: options.readFile,
    parse: parseText,
    onDidChange(uri) {
      generation++;
      if (uri !== undefined && workspace.policyText(uri) === undefined) {
        trees.delete(uri);
        analyses.delete(uri);
      }
    },
  });
  const analyzeFlows = (uri: string, doc: PolicyDocument): PolicyFlowAnalysis => runSteps(analyzeFlowsInSteps(uri, doc));
  function* analyzeFlowsInSteps(uri: string, doc: PolicyDocument): Steps<PolicyFlowAnalysis> {
    const hit = analyses.get(uri);
    if (hit && hit.doc === doc && hit.generation === generation) return hit.analysis;
    options.onFlowAnalysis?.(uri);
    const started = generation;
    const analysis = yield* analyzePolicyFlowsInSteps(uri, doc, workspace, { catalog });
    // the index changed between the steps: the analysis may have read both versions
    if (generation !== started) return analyzeFlows(uri, doc);
    analyses.set(uri, { doc, generation, analysis });
    return analysis;
  }

  // The last reading of each IaC host a request came for: completion asks on every keystroke.
  const hosts = new Map<string, { text: string; kind: HostKind; model: IacFileModel; definitions: TemplateDefinitions }>();
  const readHost = (document: TextDocument) => {
    const text = document.getText();
    const hit = hosts.get(document.uri);
    if (hit && hit.text === text) return hit;
    const kind = iacHostKind(document.uri, text);
    if (!kind) return undefined;
    const model = readIacFile(kind, text);
    const entry = { text, kind, model, definitions: templateDefinitions(document.uri, text, model) };
    hosts.set(document.uri, entry);
    return entry;
  };
  /** The inline policy at a host position: a policy document of its text, and what the host defines. */
  const inHost = (document: TextDocument, position: Position) => {
    const host = readHost(document);
    const at = host && embeddedAt(host.kind, host.text, host.model, document.offsetAt(position));
    if (!host || !at) return undefined;
    const mapping = virtualDocument(document, at);
    const ws = withTemplateDefinitions(workspace, host.definitions) ?? workspace;
    return { mapping, doc: parsePolicy(at.mapped.text, maxText), ws };
  };
  const complete = (document: TextDocument, doc: PolicyDocument, offset: number, ws: WorkspaceIndex): CompletionList => {
    const refs = completeReference(document, doc, ws, offset);
    if (refs) return { isIncomplete: false, items: refs };
    return completeExpression(document, doc, offset, { workspace: ws }) ?? doComplete(document, doc, catalog, offset, snippetsFor(document.uri));
  };
  const hover = (document: TextDocument, doc: PolicyDocument, offset: number, ws: WorkspaceIndex): Hover | null => {
    const ref = hoverReference(document, doc, ws, offset);
    if (ref) return ref;
    const inExpression = hoverExpression(document, doc, offset, { workspace: ws });
    return inExpression !== undefined ? inExpression : doHover(document, doc, catalog, offset);
  };

  // owns the cache of checked expressions: an edit re-parses only the expressions it changed
  const given = options.csharp;
  const now = given && typeof given !== 'function' && !('then' in given) ? given : undefined;
  const expressions = createExpressionChecker(now);
  let loading: Promise<boolean> | undefined;
  const load = (): Promise<boolean> => {
    loading ??= Promise.resolve(typeof given === 'function' ? given() : given).then(csharp => {
      if (csharp) expressions.setParser(csharp);
      return expressions.parsesSyntax;
    }, () => expressions.parsesSyntax);
    return loading;
  };
  // a promise given is waited for from the start; a function only when an expression needs it
  if (given && typeof given !== 'function') void load();
  const validationInput = (document: TextDocument, doc: PolicyDocument, settings: Partial<ValidationSettings>, location = locate(document.uri)) => ({
    uri: document.uri, doc, catalog, location, settings: { ...defaultValidationSettings, ...settings }, workspace,
    expressions, flowAnalysis: () => analyzeFlows(document.uri, doc),
  });
  // Positions only for what is reported: a document's lines are indexed once per parse (per
  // version), and only as far as its last finding.
  const lineIndexes = new WeakMap<PolicyDocument, LineIndex>();
  const toDiagnostics = (doc: PolicyDocument, findings: Finding[]): Diagnostic[] => {
    if (!findings.length) return [];
    // A skipped document's one finding is on its first line: no need to index the lines of all of it.
    if (doc.skipped) return findings.map(f => findingToDiagnostic(f, offset => ({ line: 0, character: offset }), relatedIndexes()));
    let index = lineIndexes.get(doc);
    if (!index) lineIndexes.set(doc, index = createLineIndex(doc.text));
    const positionAt = index.positionAt;
    const related = relatedIndexes();
    return findings.map(f => findingToDiagnostic(f, positionAt, related));
  };
  return {
    catalog,
    get ready() {
      return load();
    },
    workspace,
    parse,
    parsed: document => parseText(document.uri, document.getText()),
    closeDocument(uri) {
      // the index may still hold the file (read again from disk): its tree is parsed again when asked
      trees.delete(uri);
      analyses.delete(uri);
      hosts.delete(uri);
    },
    doValidation: (document, doc = parse(document), settings = {}, location = locate(document.uri)) =>
      toDiagnostics(doc, applyToFindings(validatePolicy(validationInput(document, doc, settings, location)), settings.rules)),
    *doValidationInSteps(document, doc = parse(document), settings = {}) {
      yield;
      const checker = expressions;
      if (checker.parsesSyntax && doc.text.length <= MAX_EXPRESSIONS_CHECKED_TEXT) {
        for (const expr of doc.expressions) {
          if (!expr.closed) continue;
          const raw = doc.text.substring(expr.start, expr.end);
          const decode = expr.host !== 'cdata';
          if (checker.cached(raw, decode)) continue;
          checker.check(raw, decode);
          yield;
        }
      }
      if (!doc.skipped) {
        yield* analyzeFlowsInSteps(document.uri, doc);
        yield;
      }
      return toDiagnostics(doc, applyToFindings(validatePolicy(validationInput(document, doc, settings)), settings.rules));
    },
    validateInPhases(document, doc = parse(document), settings = {}) {
      const ruled = (findings: Finding[]) => applyToFindings(findings, settings.rules);
      // without a parser to come, there is one phase
      if (!given) return { first: toDiagnostics(doc, ruled(validatePolicy(validationInput(document, doc, settings)))) };
      const phased = validatePolicyInPhases(validationInput(document, doc, settings), expressions.parsesSyntax ? FIRST_PHASE_EXPRESSIONS : 0);
      const first = toDiagnostics(doc, ruled(phased.first));
      const { complete, completeNow } = phased;
      if (!complete) return { first };
      return {
        first,
        complete: () => toDiagnostics(doc, ruled(complete())),
        completeNow: () => {
          const findings = completeNow?.();
          return findings && toDiagnostics(doc, ruled(findings));
        },
      };
    },
    // Past the ceiling each feature answers with nothing, before even mapping a position to an offset.
    doComplete(document, position, doc = parse(document), load) {
      if (doc.skipped) return { isIncomplete: false, items: [] };
      return complete(document, doc, document.offsetAt(position), withTemplateDefinitions(workspace, load?.definitions) ?? workspace);
    },
    doHover(document, position, doc = parse(document), load) {
      if (doc.skipped) return null;
      return hover(document, doc, document.offsetAt(position), withTemplateDefinitions(workspace, load?.definitions) ?? workspace);
    },
    doCompleteInHost(document, position) {
      const found = inHost(document, position);
      if (!found || found.doc.skipped) return null;
      const { mapping, doc, ws } = found;
      return completionToHost(mapping, complete(mapping.virtual, doc, mapping.at.offset, ws));
    },
    doHoverInHost(document, position) {
      const found = inHost(document, position);
      if (!found || found.doc.skipped) return null;
      const { mapping, doc, ws } = found;
      return hoverToHost(mapping, hover(mapping.virtual, doc, mapping.at.offset, ws));
    },
    findDefinitionInHost(document, position) {
      const found = inHost(document, position);
      if (!found || found.doc.skipped) return [];
      const { mapping, doc, ws } = found;
      // what it finds is in files of its own (the host file itself for what the host defines)
      return findReferenceDefinition(mapping.virtual, doc, ws, mapping.at.offset);
    },
    findDefinition: (document, position, doc = parse(document), load) =>
      !doc.skipped ? findReferenceDefinition(document, doc, withTemplateDefinitions(workspace, load?.definitions) ?? workspace, document.offsetAt(position)) : [],
    findDocumentSymbols: (document, doc = parse(document)) => (doc.skipped ? [] : findDocumentSymbols(document, doc, catalog)),
    getFoldingRanges: (document, doc = parse(document)) => (doc.skipped ? [] : getFoldingRanges(document, doc)),
    doCodeActions(document, diagnostics, doc = parse(document)) {
      if (doc.skipped) return [];
      const ours = diagnostics.filter(d => d.source === DIAGNOSTIC_SOURCE);
      return [...doCodeActions(document, doc, ours), ...ours.flatMap(d => flowQuickFixes(document, d, workspace))];
    },
    format: (document, range, options, doc = parse(document)) => (doc.skipped ? [] : formatPolicy(document, doc, range, options, catalog)),
    getCodeLenses(document, doc = parse(document)) {
      if (doc.skipped) return [];
      // the flow lenses first (above their elements), then the effective policy's on <policies>
      const lenses = workspace.flowConfigs().length > 0 ? getCodeLenses(document, analyzeFlows(document.uri, doc)) : [];
      const effective = effectivePolicyLens(document, doc, workspace);
      return effective ? [...lenses, effective] : lenses;
    },
    flowConfigDiagnostics(rules) {
      const byUri = flowConfigDiagnostics(workspace, DIAGNOSTIC_SOURCE);
      if (rules) for (const [uri, diagnostics] of byUri) byUri.set(uri, applyToDiagnostics(diagnostics, rules));
      return byUri;
    },
    doFlowFileCodeActions: (uri, diagnostics) => flowFileCodeActions(uri, diagnostics, DIAGNOSTIC_SOURCE),
    scaffoldFlowsConfig: folderUri => scaffoldFlowsConfig(workspace, folderUri),
    listFlowsInSteps: (listOptions = {}) => listFlowsInSteps(workspace, analyzeFlows, listOptions),
    listFlows(listOptions = {}) {
      const steps = listFlowsInSteps(workspace, analyzeFlows, listOptions);
      for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
      }
    },
    simulateFlows: (document, doc = parseText(document.uri, document.getText())) => (doc.skipped ? [] : simulatePolicyFlows(doc, analyzeFlows(document.uri, doc))),
    inspectToken: (raw, inspectOptions = {}) => inspectToken(raw, workspace, inspectOptions),
    effectivePolicy: (uri, effectiveOptions = {}) => effectivePolicy(uri, workspace, effectiveOptions),
    validateHostFile(document, settings = {}) {
      const check = (defined: TemplateDefinitions) => checker(document.uri, settings, withTemplateDefinitions(workspace, defined));
      return applyToFindings(validateHostText(document.uri, document.getText(), check), settings.rules).map(f => toDiagnostic(document, f));
    },
    validateLoadedPolicy(document, load, settings = {}) {
      const location = { scope: load.scope };
      const text = document.getText();
      const check = checker(document.uri, settings, withTemplateDefinitions(workspace, load.definitions));
      const findings = load.template
        ? validateMapped(document.uri, text, readTemplateFile(text), location, 'rawxml', check)
        : check(text, location).findings;
      const name = load.hostUri.substring(load.hostUri.lastIndexOf('/') + 1);
      const why = { location: { uri: load.hostUri, range: load.range }, message: `Checked as ${load.scope === 'api' || load.scope === 'operation' ? 'an' : 'a'} ${load.scope} policy: loaded by '${load.resource}' in ${decodeURIComponent(name)}.` };
      return applyToFindings(findings, settings.rules).map(f => {
        const d = toDiagnostic(document, f);
        d.relatedInformation = [...(d.relatedInformation ?? []), why];
        return d;
      });
    },
  };

  function checker(uri: string, settings: Partial<ValidationSettings>, index: WorkspaceIndex | undefined = workspace): CheckPolicy {
    return (text, location) => {
      const doc = parsePolicy(text, maxText);
      const findings = validatePolicy({
        uri, doc, catalog, location, settings: { ...defaultValidationSettings, ...settings }, workspace: index, expressions,
      });
      return { findings, doc };
    };
  }
}
