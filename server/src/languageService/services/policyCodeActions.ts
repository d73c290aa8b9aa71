/**
 * Quick fixes for the diagnostics whose answer is certain: a "did you mean" name (element, attribute,
 * `context` member, variable), a valid value,
 * a missing attribute or `<base />`, a policy in the one section where it belongs.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyDocument, PolicyElement } from '../parser/policyParser';

interface FixContext {
  document: TextDocument;
  doc: PolicyDocument;
  diagnostic: Diagnostic;
  /** The element whose start-tag name the diagnostic points at, if any. */
  element: PolicyElement | undefined;
}

function suggestions(d: Diagnostic): string[] {
  const data = d.data as { suggestions?: unknown } | undefined;
  return Array.isArray(data?.suggestions) ? data.suggestions.filter((s): s is string => typeof s === 'string') : [];
}

function missing(d: Diagnostic): string | undefined {
  const data = d.data as { missing?: unknown } | undefined;
  return typeof data?.missing === 'string' ? data.missing : undefined;
}

function action(title: string, ctx: FixContext, edits: TextEdit[], preferred = false): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [ctx.diagnostic],
    isPreferred: preferred || undefined,
    edit: { changes: { [ctx.document.uri]: edits } },
  };
}

function range(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

/** Renames an element in its start tag and, when it has one, its end tag. */
function renameElement(ctx: FixContext, el: PolicyElement, name: string): TextEdit[] {
  const edits: TextEdit[] = [{ range: range(ctx.document, el.start + 1, el.nameEnd), newText: name }];
  if (el.endTagStart !== undefined && ctx.doc.text.startsWith(el.name, el.endTagStart + 2)) {
    edits.push({ range: range(ctx.document, el.endTagStart + 2, el.endTagStart + 2 + el.name.length), newText: name });
  }
  return edits;
}

/** The white space that starts the line holding `offset`. */
function indentOf(text: string, offset: number): string {
  let lineStart = offset;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  let i = lineStart;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text.substring(lineStart, i);
}

function unitIndent(text: string): string {
  const m = /\n([ \t]+)</.exec(text);
  return m ? (m[1].startsWith('\t') ? '\t' : m[1].length >= 4 ? '    ' : m[1].length >= 2 ? '  ' : '\t') : '\t';
}

/** The element's text, from its line start when only white space precedes it, to its line end likewise. */
function wholeLines(text: string, el: PolicyElement): { start: number; end: number } {
  let start = el.start;
  let s = start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  if (s === 0 || text[s - 1] === '\n') start = s;
  let end = el.end;
  let e = end;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  if (start === s && (e === text.length || text[e] === '\n' || text[e] === '\r')) {
    end = text[e] === '\r' && text[e + 1] === '\n' ? e + 2 : e < text.length ? e + 1 : e;
  }
  return { start, end };
}

function fixesFor(ctx: FixContext): CodeAction[] {
  const { diagnostic: d, document, doc, element: el } = ctx;
  const text = doc.text;
  switch (d.code) {
    case 'unknown-element':
    case 'unknown-child-element':
    case 'root-element':
    case 'fragment-scope':
      if (!el) return [];
      return suggestions(d).map((s, i) => action(`Change to <${s}>`, ctx, renameElement(ctx, el, s), i === 0));
    case 'unknown-attribute':
    case 'expr-unknown-member':
    case 'expr-variable-not-set': {
      const start = document.offsetAt(d.range.start);
      const end = document.offsetAt(d.range.end);
      return suggestions(d).map((s, i) => action(`Change to '${s}'`, ctx, [{ range: range(document, start, end), newText: s }], i === 0));
    }
    case 'invalid-value':
      return suggestions(d).map((s, i) => action(`Change to "${s}"`, ctx, [{ range: d.range, newText: s }], i === 0));
    case 'missing-required-attribute': {
      const name = missing(d);
      if (!el || !name) return [];
      const last = el.attributes[el.attributes.length - 1];
      const at = last ? (last.valueEnd ?? last.nameEnd) : el.nameEnd;
      return [action(`Add the '${name}' attribute`, ctx, [{ range: range(document, at, at), newText: ` ${name}=""` }], true)];
    }
    case 'missing-base': {
      if (!el || el.startTagEnd === undefined) return [];
      const indent = indentOf(text, el.start);
      const inner = indent + unitIndent(text);
      if (el.selfClosing) {
        // <outbound /> → <outbound>\n  <base />\n</outbound>
        const tagEnd = el.startTagEnd;
        const slash = text.lastIndexOf('/', tagEnd);
        return [action('Add <base /> (inherit the parent scope\'s policies)', ctx, [{
          range: range(document, slash > el.nameEnd ? trimLeft(text, slash) : tagEnd - 2, tagEnd),
          newText: `>\n${inner}<base />\n${indent}</${el.name}>`,
        }], true)];
      }
      return [action('Add <base /> (inherit the parent scope\'s policies)', ctx, [{
        range: range(document, el.startTagEnd, el.startTagEnd),
        newText: `\n${inner}<base />`,
      }], true)];
    }
    case 'base-in-fragment':
    case 'base-duplicate': {
      if (!el) return [];
      const r = wholeLines(text, el);
      return [action('Remove <base />', ctx, [{ range: range(document, r.start, r.end), newText: '' }], true)];
    }
    case 'policy-not-allowed-in-section':
    case 'policy-section-undocumented':
    case 'forward-request-outside-backend': {
      const targets = suggestions(d);
      if (!el || targets.length !== 1) return [];
      const root = rootOf(el);
      const section = root.children.find(c => c.name === targets[0] && c.startTagEnd !== undefined && !c.selfClosing && c.endTagStart !== undefined);
      if (!section || section.endTagStart === undefined) return [];
      const r = wholeLines(text, el);
      const body = text.substring(el.start, el.end);
      const indent = indentOf(text, section.start) + unitIndent(text);
      const closeLineStart = lineStart(text, section.endTagStart);
      const onOwnLine = text.substring(closeLineStart, section.endTagStart).trim() === '';
      const insertAt = onOwnLine ? closeLineStart : section.endTagStart;
      const newText = onOwnLine ? `${indent}${body}\n` : `${body}`;
      return [action(`Move <${el.name}> to <${targets[0]}>`, ctx, [
        { range: range(document, r.start, r.end), newText: '' },
        { range: range(document, insertAt, insertAt), newText },
      ], true)];
    }
    default:
      return [];
  }
}

function trimLeft(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i;
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10) i--;
  return i;
}

function rootOf(el: PolicyElement): PolicyElement {
  let r = el;
  while (r.parent) r = r.parent;
  return r;
}

export function doCodeActions(document: TextDocument, doc: PolicyDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const start = document.offsetAt(diagnostic.range.start);
    const candidate = doc.findElementAt(start);
    const element = candidate && candidate.start + 1 === start ? candidate : undefined;
    out.push(...fixesFor({ document, doc, diagnostic, element }));
  }
  return out;
}
