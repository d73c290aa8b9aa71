/**
 * The language service: pure functions over a TextDocument, returning LSP types. No I/O; the host
 * (LSP server, CLI, tests) injects where a file sits and the settings.
 */
import { DiagnosticSeverity, type CodeAction, type CodeLens, type CompletionList, type Location, type Range, type TextEdit, type Diagnostic, type DocumentSymbol, type FoldingRange, type Hover, type Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createCatalog, type Catalog } from './catalog';
import { MAX_CHECKED_TEXT, parsePolicy, type PolicyDocument } from './parser/policyParser';
import { doCodeActions } from './services/policyCodeActions';
import { format as formatPolicy, type FormatOptions } from './services/policyFormat';
import { flowQuickFixes } from './services/flowQuickFixes';
import { getCodeLenses } from './services/policyCodeLens';
import { doComplete } from './services/policyCompletion';
import { doHover } from './services/policyHover';
import { findDocumentSymbols, getFoldingRanges } from './services/policySymbols';
import { defaultValidationSettings, validatePolicy, type Finding, type Severity, type ValidationSettings } from './services/validation';
import { locatePolicy, type PolicyLocation } from './workspace/apiopsLayout';
import type { WorkspaceIndex } from './workspace/workspaceIndex';
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

export interface LanguageServiceOptions {
  catalog?: Catalog;
  /**
   * Where a document sits in an APIOps tree. The default reads the path only, so a root
   * `policy.xml` has no known scope; hosts with file access can tell a service root apart.
   */
  locate?(uri: string): PolicyLocation | undefined;
  /** The APIOps index of the workspace, kept current by the host. */
  workspace?: WorkspaceIndex;
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
}

export interface LanguageService {
  readonly catalog: Catalog;
  /** Resolves when what the service loads asynchronously (the C# parser) is ready. */
  readonly ready: Promise<void>;
  parse(document: TextDocument): PolicyDocument;
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

export function getLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const catalog = options.catalog ?? createCatalog();
  const locate = options.locate ?? ((uri: string) => locatePolicy(uri));
  const maxText = options.maxCheckedText ?? MAX_CHECKED_TEXT;
  const parse = (document: TextDocument) => parsePolicy(document.getText(), maxText);
  // owns the cache of checked expressions: an edit re-parses only the expressions it changed
  const given = options.csharp;
  const pending = given && 'then' in given ? given : undefined;
  let expressions = createExpressionChecker(pending ? undefined : given as CSharpParser | undefined);
  const ready = pending ? Promise.resolve(pending).then(csharp => { expressions = createExpressionChecker(csharp); }, () => undefined) : Promise.resolve();
  return {
    catalog,
    ready,
    parse,
    doValidation(document, doc = parse(document), settings = {}) {
      const findings = validatePolicy({
        uri: document.uri, doc, catalog, location: locate(document.uri), settings: { ...defaultValidationSettings, ...settings }, workspace: options.workspace,
        expressions,
      });
      // A skipped document's one finding is on its first line: no need to index the lines of all of it.
      if (doc.skipped) return findings.map(f => findingToDiagnostic(f, offset => ({ line: 0, character: offset })));
      return findings.map(f => toDiagnostic(document, f));
    },
    // Past the ceiling each feature answers with nothing, before even mapping a position to an offset.
    doComplete(document, position, doc = parse(document)) {
      if (doc.skipped) return { isIncomplete: false, items: [] };
      const offset = document.offsetAt(position);
      const refs = options.workspace && completeReference(document, doc, options.workspace, offset);
      if (refs) return { isIncomplete: false, items: refs };
      return completeExpression(document, doc, offset, { workspace: options.workspace }) ?? doComplete(document, doc, catalog, offset);
    },
    doHover(document, position, doc = parse(document)) {
      if (doc.skipped) return null;
      const offset = document.offsetAt(position);
      const ref = options.workspace && hoverReference(document, doc, options.workspace, offset);
      if (ref) return ref;
      const inExpression = hoverExpression(document, doc, offset, { workspace: options.workspace });
      return inExpression !== undefined ? inExpression : doHover(document, doc, catalog, offset);
    },
    findDefinition: (document, position, doc = parse(document)) =>
      options.workspace && !doc.skipped ? findReferenceDefinition(document, doc, options.workspace, document.offsetAt(position)) : [],
    findDocumentSymbols: (document, doc = parse(document)) => (doc.skipped ? [] : findDocumentSymbols(document, doc, catalog)),
    getFoldingRanges: (document, doc = parse(document)) => (doc.skipped ? [] : getFoldingRanges(document, doc)),
    doCodeActions(document, diagnostics, doc = parse(document)) {
      if (doc.skipped) return [];
      const ours = diagnostics.filter(d => d.source === DIAGNOSTIC_SOURCE);
      return [...doCodeActions(document, doc, ours), ...ours.flatMap(d => flowQuickFixes(document, d, options.workspace))];
    },
    format: (document, range, options, doc = parse(document)) => (doc.skipped ? [] : formatPolicy(document, doc, range, options, catalog)),
    getCodeLenses: (document, doc = parse(document)) => (options.workspace && !doc.skipped ? getCodeLenses(document, doc, options.workspace, catalog) : []),
    validateHostFile(document, settings = {}) {
      const check = (defined: TemplateNamedValues) => checker(document.uri, settings, withTemplateNamedValues(options.workspace, defined));
      return validateHostText(document.uri, document.getText(), check).map(f => toDiagnostic(document, f));
    },
    validateLoadedPolicy(document, load, settings = {}) {
      const location = { scope: load.scope };
      const text = document.getText();
      const check = checker(document.uri, settings, withTemplateNamedValues(options.workspace, load.namedValues));
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

  function checker(uri: string, settings: Partial<ValidationSettings>, workspace = options.workspace): CheckPolicy {
    return (text, location) => {
      const doc = parsePolicy(text, maxText);
      const findings = validatePolicy({
        uri, doc, catalog, location, settings: { ...defaultValidationSettings, ...settings }, workspace, expressions,
      });
      return { findings, doc };
    };
  }
}
