import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createRoleResolver, type Catalog } from '../catalog';
import type { PolicyDocument, PolicyElement } from '../parser/policyParser';
import { decodeXml } from '../utils/xmlEntities';

const MAX_OUTLINE_DEPTH = 64;

/** Attributes that name a policy in the outline, most telling first. */
const IDENTIFYING = [
  'name', 'fragment-id', 'backend-id', 'base-url', 'resource', 'response-variable-name', 'variable-name',
  'key', 'counter-key', 'condition', 'template', 'header-name', 'tenant-id', 'code', 'logger-id', 'id',
];

function label(el: PolicyElement): string {
  for (const n of IDENTIFYING) {
    const a = el.attributes.find(x => x.name === n);
    if (a?.value !== undefined && a.value.length) {
      const v = decodeXml(a.value).replace(/\s+/g, ' ').trim();
      return `${el.name} ${v.length > 60 ? `${v.substring(0, 57)}…` : v}`;
    }
  }
  return el.name;
}

export function findDocumentSymbols(document: TextDocument, doc: PolicyDocument, catalog: Catalog): DocumentSymbol[] {
  const roleOf = createRoleResolver(catalog);
  const out: DocumentSymbol[] = [];
  // Explicit stack of (element, list to append its symbol to, depth of that list). The outline
  // stops at MAX_OUTLINE_DEPTH: deeper trees are not readable as an outline, and the LSP reply
  // (nested JSON) must stay within what a JSON encoder's recursion can take.
  const stack: Array<[PolicyElement, DocumentSymbol[], number]> = [];
  for (let i = doc.roots.length - 1; i >= 0; i--) stack.push([doc.roots[i], out, 0]);
  while (stack.length) {
    const [el, into, depth] = stack.pop()!;
    if (depth >= MAX_OUTLINE_DEPTH) continue;
    const role = roleOf(el);
    const shown = role.kind === 'root' || role.kind === 'section' || role.kind === 'policy' || role.kind === 'base' || role.kind === 'unknown'
      || (role.kind === 'child' && !!role.info?.children.some(c => c.name === '*policy*'));
    let children = into;
    let childDepth = depth;
    if (shown) {
      childDepth = depth + 1;
      const sym: DocumentSymbol = {
        name: role.kind === 'child' && el.name === 'when' ? label(el) : role.kind === 'policy' || role.kind === 'unknown' ? label(el) : el.name,
        kind: role.kind === 'root' ? SymbolKind.Module : role.kind === 'section' ? SymbolKind.Namespace : role.kind === 'policy' ? SymbolKind.Function : SymbolKind.Field,
        range: { start: document.positionAt(el.start), end: document.positionAt(el.end) },
        selectionRange: { start: document.positionAt(el.start + 1), end: document.positionAt(el.nameEnd) },
        children: [],
      };
      into.push(sym);
      children = sym.children!;
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push([el.children[i], children, childDepth]);
  }
  return out;
}

export function getFoldingRanges(document: TextDocument, doc: PolicyDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const stack = doc.roots.slice();
  while (stack.length) {
    const el = stack.pop()!;
    const startLine = document.positionAt(el.start).line;
    const endLine = document.positionAt(el.endTagStart ?? el.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine: el.endTagStart !== undefined ? endLine - 1 : endLine });
    for (const c of el.children) stack.push(c);
  }
  for (const c of doc.comments) {
    const startLine = document.positionAt(c.start).line;
    const endLine = document.positionAt(c.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: doc.text.startsWith('<!--', c.start) ? 'comment' : undefined });
  }
  for (const e of doc.expressions) {
    const startLine = document.positionAt(e.start).line;
    const endLine = document.positionAt(e.end).line;
    if (endLine > startLine + 1) ranges.push({ startLine, endLine: endLine - 1 });
  }
  ranges.sort((a, b) => a.startLine - b.startLine);
  return ranges.filter(r => r.endLine > r.startLine);
}
