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
import { MAX_CHECKED_TEXT, parsePolicy, type PolicyDocument } from './parser/policyParser';
import { doCodeActions } from './services/policyCodeActions';
import { format as formatPolicy, type FormatOptions } from './services/policyFormat';
import { flowQuickFixes } from './services/flowQuickFixes';
import { scaffoldFlowsConfig, type FlowsScaffold } from './services/flowScaffold';
import { getCodeLenses } from './services/policyCodeLens';
import { doComplete } from './services/policyCompletion';
import { doHover } from './services/policyHover';
import { findDocumentSymbols, getFoldingRanges } from './services/policySymbols';
import { defaultValidationSettings, validatePolicy, type Finding, type Severity, type ValidationSettings } from './services/validation';
import { locatePolicy, type PolicyLocation } from './workspace/apiopsLayout';
import { createWorkspaceIndex, type WorkspaceIndex } from './workspace/workspaceIndex';
import type { FileRead } from './workspace/fileRead';
import { analyzePolicyFlows, type PolicyFlowAnalysis } from './workspace/flowLinks';
import { flowConfigDiagnostics, flowFileCodeActions } from './services/flowConfigDiagnostics';
import { listFlowsInSteps, type ListFlowsOptions } from './services/flowSummaries';
import { inspectToken, type InspectTokenOptions, type TokenInspection } from './services/tokenInspection';
import type { FlowSummary } from '../../../common/protocol';
import { positionIn } from './utils/positions';
import { completeReference, findReferenceDefinition, hoverReference } from './services/policyReferences';
import type { CSharpParser } from './expressions/csharpParser';
import { createExpressionChecker } from './expressions/expressionChecks';
import { completeExpression } from './expressions/expressionCompletion';
import { hoverExpression } from './expressions/expressionHover';
import { validateHostText, validateMapped, type CheckPolicy } from './services/iacValidation';
import { readTemplateFile, withTemplateNamedValues, type IacPolicyLoad, type TemplateNamedValues } from './workspace/iac';

export type { PolicyDocument } from './parser/policyParser';
export type { ValidationSettings, Finding } from './services/validation';
export type { PolicyLocation, PolicyScope } from './workspace/apiopsLayout';
export { loadCSharpParser, type CSharpParser } from './expressions/csharpParser';
export { MAX_CHECKED_TEXT } from './parser/policyParser';
export { tooLargeToCheckMessage } from './services/validation/documentSize';
export { findIacLoads, iacHostKind, type IacPolicyLoad } from './workspace/iac';
export { classifyArtifact } from './workspace/apiopsLayout';
export { isRefusal, type FileRead, type Refusal } from './workspace/fileRead';
export type { WorkspaceIndex } from './workspace/workspaceIndex';
export type { ListFlowsOptions } from './services/flowSummaries';
export type { InspectTokenOptions, TokenInspection } from './services/tokenInspection';
export type { InspectResult } from './auth/inspect';
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
   * The C# parser for policy expressions, or the promise of it (`loadCSharpParser()` loads
   * WebAssembly): `ready` resolves once it is there. Without it expressions get no diagnostics;
   * completion and hover inside them still work.
   */
  csharp?: CSharpParser | PromiseLike<CSharpParser | undefined>;
  /**
   * The most text `parse` reads (`MAX_CHECKED_TEXT` by default): a longer document gets one
   * `document-too-large` diagnostic and every other feature answers with nothing.
   */
  maxCheckedText?: number;
  /** Told each time the flow analysis of a policy runs (not when the memo answers): a probe for tests. */
  onFlowAnalysis?(uri: string): void;
}

export interface LanguageService {
  readonly catalog: Catalog;
  /** Resolves when what the service loads asynchronously (the C# parser) is ready. */
  readonly ready: Promise<void>;
  /**
   * The APIOps index of the workspace: the host feeds it file texts (`update`) and removals
   * (`remove`), open documents' unsaved texts included.
   */
  readonly workspace: WorkspaceIndex;
  /** Parses the document (always afresh: see `parsed` for the cached tree). */
  parse(document: TextDocument): PolicyDocument;
  /**
   * The document's tree from the service's one parse cache, keyed by URI and text: an open
   * document and the index's copy of the same text share one tree. `closeDocument` drops it.
   */
  parsed(document: TextDocument): PolicyDocument;
  /** Forgets what the service keeps for an open document (its tree and flow analysis). */
  closeDocument(uri: string): void;
  doValidation(document: TextDocument, doc?: PolicyDocument, settings?: Partial<ValidationSettings>): Diagnostic[];
  doComplete(document: TextDocument, position: Position, doc?: PolicyDocument): CompletionList;
  doHover(document: TextDocument, position: Position, doc?: PolicyDocument): Hover | null;
  findDocumentSymbols(document: TextDocument, doc?: PolicyDocument): DocumentSymbol[];
  getFoldingRanges(document: TextDocument, doc?: PolicyDocument): FoldingRange[];
  /** Quick fixes for diagnostics this service reported (their `code` and `data` say what to do). */
  doCodeActions(document: TextDocument, diagnostics: Diagnostic[], doc?: PolicyDocument): CodeAction[];
  /** Go to definition of named values, fragments and backends (needs the workspace index). */
  findDefinition(document: TextDocument, position: Position, doc?: PolicyDocument): Location[];
  /** The linked flow and the trigger's verdict above each managed identity (needs the index). */
  getCodeLenses(document: TextDocument, doc?: PolicyDocument): CodeLens[];
  /** Re-indents elements; never changes expressions, values, text, CDATA or comments. */
  format(document: TextDocument, range: Range | undefined, options: FormatOptions, doc?: PolicyDocument): TextEdit[];
  /** Quick fixes for the diagnostics `flowConfigDiagnostics` reported in an apim-flows.json or definition file. */
  doFlowFileCodeActions(uri: string, diagnostics: Diagnostic[]): CodeAction[];
  /** Problems of every flow config and of the definition files they read, by file URI (each config's URI is a key). */
  flowConfigDiagnostics(): Map<string, Diagnostic[]>;
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
  /** Decodes a bearer token, checks its signature when keys are at hand, and runs a flow's trigger checks. */
  inspectToken(raw: string, options?: InspectTokenOptions): Promise<TokenInspection>;
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
}

export const DIAGNOSTIC_SOURCE = 'apim-policy';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(document: TextDocument, f: Finding): Diagnostic {
  return findingToDiagnostic(f, offset => document.positionAt(offset));
}

function findingToDiagnostic(f: Finding, positionAt: (offset: number) => Position): Diagnostic {
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
      const at = (offset: number) => (r.text !== undefined ? positionIn(r.text, offset) : { line: 0, character: 0 });
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
  const parse = (document: TextDocument) => parsePolicy(document.getText(), maxText);

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
  const analyzeFlows = (uri: string, doc: PolicyDocument): PolicyFlowAnalysis => {
    const hit = analyses.get(uri);
    if (hit && hit.doc === doc && hit.generation === generation) return hit.analysis;
    options.onFlowAnalysis?.(uri);
    const analysis = analyzePolicyFlows(uri, doc, workspace, { catalog });
    analyses.set(uri, { doc, generation, analysis });
    return analysis;
  };

  // owns the cache of checked expressions: an edit re-parses only the expressions it changed
  const given = options.csharp;
  const pending = given && 'then' in given ? given : undefined;
  let expressions = createExpressionChecker(pending ? undefined : given as CSharpParser | undefined);
  const ready = pending ? Promise.resolve(pending).then(csharp => { expressions = createExpressionChecker(csharp); }, () => undefined) : Promise.resolve();
  return {
    catalog,
    ready,
    workspace,
    parse,
    parsed: document => parseText(document.uri, document.getText()),
    closeDocument(uri) {
      // the index may still hold the file (read again from disk): its tree is parsed again when asked
      trees.delete(uri);
      analyses.delete(uri);
    },
    doValidation(document, doc = parse(document), settings = {}) {
      const findings = validatePolicy({
        uri: document.uri, doc, catalog, location: locate(document.uri), settings: { ...defaultValidationSettings, ...settings }, workspace,
        expressions, flowAnalysis: () => analyzeFlows(document.uri, doc),
      });
      // A skipped document's one finding is on its first line: no need to index the lines of all of it.
      if (doc.skipped) return findings.map(f => findingToDiagnostic(f, offset => ({ line: 0, character: offset })));
      return findings.map(f => toDiagnostic(document, f));
    },
    // Past the ceiling each feature answers with nothing, before even mapping a position to an offset.
    doComplete(document, position, doc = parse(document)) {
      if (doc.skipped) return { isIncomplete: false, items: [] };
      const offset = document.offsetAt(position);
      const refs = completeReference(document, doc, workspace, offset);
      if (refs) return { isIncomplete: false, items: refs };
      return completeExpression(document, doc, offset, { workspace }) ?? doComplete(document, doc, catalog, offset);
    },
    doHover(document, position, doc = parse(document)) {
      if (doc.skipped) return null;
      const offset = document.offsetAt(position);
      const ref = hoverReference(document, doc, workspace, offset);
      if (ref) return ref;
      const inExpression = hoverExpression(document, doc, offset, { workspace });
      return inExpression !== undefined ? inExpression : doHover(document, doc, catalog, offset);
    },
    findDefinition: (document, position, doc = parse(document)) =>
      !doc.skipped ? findReferenceDefinition(document, doc, workspace, document.offsetAt(position)) : [],
    findDocumentSymbols: (document, doc = parse(document)) => (doc.skipped ? [] : findDocumentSymbols(document, doc, catalog)),
    getFoldingRanges: (document, doc = parse(document)) => (doc.skipped ? [] : getFoldingRanges(document, doc)),
    doCodeActions(document, diagnostics, doc = parse(document)) {
      if (doc.skipped) return [];
      const ours = diagnostics.filter(d => d.source === DIAGNOSTIC_SOURCE);
      return [...doCodeActions(document, doc, ours), ...ours.flatMap(d => flowQuickFixes(document, d, workspace))];
    },
    format: (document, range, options, doc = parse(document)) => (doc.skipped ? [] : formatPolicy(document, doc, range, options, catalog)),
    getCodeLenses: (document, doc = parse(document)) =>
      (!doc.skipped && workspace.flowConfigs().length > 0 ? getCodeLenses(document, analyzeFlows(document.uri, doc)) : []),
    flowConfigDiagnostics: () => flowConfigDiagnostics(workspace, DIAGNOSTIC_SOURCE),
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
    inspectToken: (raw, inspectOptions = {}) => inspectToken(raw, workspace, inspectOptions),
    validateHostFile(document, settings = {}) {
      const check = (defined: TemplateNamedValues) => checker(document.uri, settings, withTemplateNamedValues(workspace, defined));
      return validateHostText(document.uri, document.getText(), check).map(f => toDiagnostic(document, f));
    },
    validateLoadedPolicy(document, load, settings = {}) {
      const location = { scope: load.scope };
      const text = document.getText();
      const check = checker(document.uri, settings, withTemplateNamedValues(workspace, load.namedValues));
      const findings = load.template
        ? validateMapped(document.uri, text, readTemplateFile(text), location, 'rawxml', check)
        : check(text, location).findings;
      const name = load.hostUri.substring(load.hostUri.lastIndexOf('/') + 1);
      const why = { location: { uri: load.hostUri, range: load.range }, message: `Checked as ${load.scope === 'api' || load.scope === 'operation' ? 'an' : 'a'} ${load.scope} policy: loaded by '${load.resource}' in ${decodeURIComponent(name)}.` };
      return findings.map(f => {
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
