import {
  CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Range,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createRoleResolver, findAttribute, SECTIONS, type AttributeInfo, type Catalog, type ElementInfo, type ElementRole, type ChildElementInfo,
} from '../catalog';
import { valueRange, type PolicyDocument, type PolicyElement } from '../parser/policyParser';
import { describeAttribute, describeElement } from './policyHover';
import { documentSnippetItems, statementSnippetItems, type PolicySnippet } from './policySnippets';

/** The snippets the host gave, and whether the document is a fragment (its snippet comes first when empty). */
export interface SnippetContext {
  snippets: readonly PolicySnippet[];
  fragment: boolean;
}

interface CompletionContext {
  document: TextDocument;
  doc: PolicyDocument;
  catalog: Catalog;
  roleOf: (el: PolicyElement) => ElementRole;
  offset: number;
  range(start: number, end: number): Range;
}

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, m => `\\${m}`);
}

/** `attr="${n}"` snippets for the required attributes of an element. */
function requiredAttributeSnippet(attributes: AttributeInfo[]): string {
  let n = 1;
  const parts: string[] = [];
  for (const a of attributes) {
    if (!a.required) continue;
    parts.push(` ${a.name}="${valueSnippet(a, n++)}"`);
  }
  return parts.join('');
}

function valueSnippet(a: AttributeInfo, n: number): string {
  const v = a.value;
  const choices = v.kind === 'enum' ? v.values : v.kind === 'bool' ? ['true', 'false'] : undefined;
  if (choices && choices.length) {
    const ordered = a.default && choices.includes(a.default) ? [a.default, ...choices.filter(c => c !== a.default)] : choices;
    return `\${${n}|${ordered.map(c => c.replace(/[,|$}\\]/g, m => `\\${m}`)).join(',')}|}`;
  }
  return `\${${n}}`;
}

/** The text after `<name` for a new element. */
function elementBody(name: string, attributes: AttributeInfo[], hasChildren: boolean, hasContent: boolean): string {
  const attrs = requiredAttributeSnippet(attributes);
  if (hasChildren) return `${attrs}>\n\t$0\n</${name}>`;
  if (hasContent) return `${attrs}>$0</${name}>`;
  return `${attrs} />$0`;
}

function elementItem(name: string, detail: string, doc: string | undefined, body: string, range: Range, sort: string): CompletionItem {
  return {
    label: name,
    kind: CompletionItemKind.Property,
    detail,
    documentation: doc ? { kind: 'markdown', value: doc } : undefined,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: `${escapeSnippet(name)}${body}` },
    filterText: name,
    sortText: sort,
  };
}

/**
 * Policies that take exactly one of several attributes (the catalog states it only in prose, so
 * none of them is marked required): each form is an item of its own, its attribute filled in.
 */
const ONE_OF_FORMS: Readonly<Record<string, readonly string[]>> = {
  'set-backend-service': ['base-url', 'backend-id'],
};

function policyItems(info: ElementInfo, range: Range, sort = '2'): CompletionItem[] {
  const hasChildren = info.children.length > 0;
  const detail = `${info.category ?? 'policy'} · ${info.sections.join(', ')}`;
  const item = (attributes: AttributeInfo[], form?: string) => ({
    ...elementItem(info.name, detail, describeElement(info), elementBody(info.name, attributes, hasChildren, !!info.content && !hasChildren), range, `${sort}_${info.name}${form ? `_${form}` : ''}`),
    ...(form ? { labelDetails: { detail: ` ${form}` } } : {}),
  });
  const forms = ONE_OF_FORMS[info.name]?.filter(f => info.attributes.some(a => a.name === f));
  if (!forms?.length) return [item(info.attributes)];
  return forms.map(form => item(info.attributes.map(a => (a.name === form ? { ...a, required: true } : a)), form));
}

function childItem(name: string, owner: ElementInfo, info: ChildElementInfo | undefined, required: boolean, range: Range): CompletionItem {
  const hasChildren = !!info && info.children.length > 0;
  return elementItem(name, `in <${owner.name}>${required ? ' · required' : ''}`, info?.description,
    elementBody(name, info?.attributes ?? [], hasChildren, !hasChildren && (!!info?.content || !info)), range, `${required ? '0' : '1'}_${name}`);
}

/** The whole-document skeletons, `lead` (`<` when none was typed) written before the name. */
function rootCompletions(ctx: CompletionContext, range: Range, lead: string, items: CompletionItem[]): void {
  for (const root of ['policies', 'fragment']) {
    const info = ctx.catalog.getElement(root);
    if (!info) continue;
    const body = root === 'policies'
      ? `>\n\t<inbound>\n\t\t<base />\n\t\t$0\n\t</inbound>\n\t<backend>\n\t\t<base />\n\t</backend>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n\t<on-error>\n\t\t<base />\n\t</on-error>\n</policies>`
      : `>\n\t$0\n</fragment>`;
    const item = elementItem(root, root === 'policies' ? 'whole policy document' : 'whole policy fragment', describeElement(info), body, range, `0_${root === 'policies' ? 0 : 1}${root}`);
    if (lead && item.textEdit && 'range' in item.textEdit) {
      item.textEdit.newText = lead + item.textEdit.newText;
      item.label = `${lead}${root}>`;
      item.filterText = root;
    }
    items.push(item);
  }
}

/** Elements allowed as children of `parent` (undefined: the document root). */
function elementCompletions(ctx: CompletionContext, parent: PolicyElement | undefined, range: Range, items: CompletionItem[]): void {
  const { catalog } = ctx;
  if (!parent) {
    if (ctx.doc.roots.some(r => r.start < ctx.offset - 1 && r.closed && r.end <= ctx.offset)) return;
    rootCompletions(ctx, range, '', items);
    return;
  }
  const role = ctx.roleOf(parent);
  if (role.kind === 'root' && role.info?.name === 'policies') {
    const present = new Set(parent.children.filter(c => c.end <= ctx.offset || c.start >= ctx.offset).map(c => c.name));
    SECTIONS.forEach((s, i) => {
      if (present.has(s)) return;
      const info = catalog.getElement(s);
      items.push(elementItem(s, 'section', info ? describeElement(info) : undefined, `>\n\t<base />\n\t$0\n</${s}>`, range, `0${i}_${s}`));
    });
    return;
  }
  const shape = ctx.catalog.roleShape(role);
  const owner = role.kind === 'policy' ? role.info : role.kind === 'child' ? role.owner : undefined;
  // Named children of a policy (when/otherwise, set-url, value…).
  if (owner && role.kind !== 'section') {
    for (const c of shape.children) {
      if (c.name === '*policy*') continue;
      if (!c.multiple && parent.children.some(x => x.name === c.name && (x.end <= ctx.offset || x.start >= ctx.offset))) continue;
      const asPolicy = catalog.getElement(c.name);
      const info = owner.childElements[c.name];
      if (!info && asPolicy?.kind === 'policy') items.push(...policyItems(asPolicy, range, c.required ? '0' : '1'));
      else items.push(childItem(c.name, owner, info, c.required, range));
    }
  }
  if (!shape.allowsPolicies) return;
  const section = role.kind === 'section' ? role.section : role.kind === 'policy' || role.kind === 'child' ? role.section : undefined;
  if (role.kind === 'section' && !parent.children.some(c => c.name === 'base' && (c.end <= ctx.offset || c.start >= ctx.offset))) {
    items.push(elementItem('base', 'inherit the parent scope\'s policies here', describeElement(catalog.getElement('base')!), ' />', range, '0_base'));
  }
  for (const name of catalog.policyNames()) {
    const info = catalog.getElement(name)!;
    if (info.deprecated) continue;
    if (section && info.sections.length && !info.sections.includes(section)) continue;
    if (info.scopes.length === 1 && info.scopes[0] === 'graphql-resolver') continue;
    items.push(...policyItems(info, range));
  }
}

function attributeNameCompletions(ctx: CompletionContext, el: PolicyElement, range: Range, current: string | undefined, items: CompletionItem[]): void {
  const role = ctx.roleOf(el);
  const shape = ctx.catalog.roleShape(role);
  const present = new Set(el.attributes.map(a => a.name));
  const owner = role.kind === 'policy' ? role.info.name : role.kind === 'child' ? role.name : el.name;
  for (const a of shape.attributes) {
    if (present.has(a.name) && a.name !== current) continue;
    items.push({
      label: a.name,
      kind: CompletionItemKind.Value,
      detail: a.required ? 'required' : a.default !== undefined ? `default: ${a.default}` : undefined,
      documentation: { kind: 'markdown', value: describeAttribute(a, owner) },
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: `${a.name}="${valueSnippet(a, 1)}"` },
      sortText: `${a.required ? '0' : a.name === 'id' ? '2' : '1'}_${a.name}`,
      command: a.value.kind === 'enum' || a.value.kind === 'bool' ? undefined : { title: 'Suggest', command: 'editor.action.triggerSuggest' },
    });
  }
}

function attributeValueCompletions(ctx: CompletionContext, el: PolicyElement, attrName: string, range: Range, items: CompletionItem[]): void {
  const role = ctx.roleOf(el);
  const info = findAttribute(ctx.catalog, role, attrName);
  if (!info) return;
  const values = info.value.kind === 'enum' ? info.value.values : info.value.kind === 'bool' || info.value.kind === 'bool-expression' ? ['true', 'false'] : [];
  values.forEach((v, i) => items.push({
    label: v, kind: CompletionItemKind.EnumMember, textEdit: { range, newText: v },
    detail: info.default === v ? 'default' : undefined, sortText: `${info.default === v ? '0' : '1'}${String(i).padStart(3, '0')}`,
  }));
  if (info.expressions) {
    items.push({
      label: '@(...)', kind: CompletionItemKind.Snippet, detail: 'policy expression', insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: '@($0)' }, sortText: '9_expr', filterText: '@(',
    });
  }
}

function isWhitespace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t';
}

export function doComplete(document: TextDocument, doc: PolicyDocument, catalog: Catalog, offset: number, snippets?: SnippetContext): CompletionList {
  const items: CompletionItem[] = [];
  const ctx: CompletionContext = {
    document, doc, catalog, roleOf: createRoleResolver(catalog), offset,
    range: (s, e) => ({ start: document.positionAt(s), end: document.positionAt(e) }),
  };
  const text = doc.text;
  const el = doc.findElementAt(offset);
  // 1. In an element name: `<na|me`
  if (el && offset > el.start && offset <= el.nameEnd) {
    elementCompletions(ctx, el.parent, ctx.range(el.start + 1, el.nameEnd), items);
    return { isIncomplete: false, items };
  }
  // 2. In a start tag: attribute names and values.
  if (el && offset > el.nameEnd && (el.startTagEnd === undefined || offset < el.startTagEnd)) {
    for (const attr of el.attributes) {
      const inner = attr.quote ? valueRange(attr) : undefined;
      if (inner) {
        const { start: innerStart, end: innerEnd } = inner;
        if (offset >= innerStart && offset <= innerEnd) {
          if (!attr.expression) attributeValueCompletions(ctx, el, attr.name, ctx.range(innerStart, innerEnd), items);
          return { isIncomplete: false, items };
        }
      }
      if (offset >= attr.nameStart && offset <= attr.nameEnd) {
        const replaceEnd = attr.valueEnd ?? attr.nameEnd;
        attributeNameCompletions(ctx, el, ctx.range(attr.nameStart, attr.valueEnd !== undefined ? replaceEnd : attr.nameEnd), attr.name, items);
        return { isIncomplete: false, items };
      }
    }
    if (isWhitespace(text.charAt(offset - 1))) {
      attributeNameCompletions(ctx, el, ctx.range(offset, offset), undefined, items);
      // keep `/>` apart from the new attribute
      if (text.charAt(offset) === '/') for (const item of items) if (item.textEdit && 'range' in item.textEdit) item.textEdit.newText += ' ';
    }
    return { isIncomplete: false, items };
  }
  // 3. In content: `<` just typed, `</` for the closing tag.
  let p = offset - 1;
  while (p >= 0 && /[A-Za-z0-9_.:-]/.test(text.charAt(p))) p--;
  const container = el && (el.startTagEnd === undefined || offset >= el.startTagEnd) ? el : el?.parent;
  if (text.charAt(p) === '<') {
    elementCompletions(ctx, container, ctx.range(p + 1, offset), items);
    return { isIncomplete: false, items };
  }
  // A document with nothing in it yet: the whole-document skeletons, ahead of any snippet the
  // editor adds (VS Code sorts extension snippets after the server's items: their sortText starts with 'z').
  if (!doc.roots.length && !text.substring(0, p + 1).trim()) {
    rootCompletions(ctx, ctx.range(p + 1, offset), '<', items);
    const documents = snippets ? documentSnippetItems(snippets.snippets, ctx.range(p + 1, offset), snippets.fragment) : [];
    // the whole-document snippets first, the first of them selected; the skeletons after them (by
    // a leading digit: clients compare sortText by code unit or by collation, where '_' differs)
    if (documents.length) {
      documents[0].preselect = true;
      for (const item of items) item.sortText = `1${item.sortText ?? ''}`;
    } else for (const item of items) item.preselect = item.label === '<policies>' || undefined;
    items.unshift(...documents);
    return { isIncomplete: false, items };
  }
  // In element content, a word (a snippet prefix) or nothing typed: the snippets that fit here.
  if (snippets && container && text.charAt(p) !== '/' && container.startTagEnd !== undefined && offset >= container.startTagEnd) {
    const role = ctx.roleOf(container);
    if (catalog.roleShape(role).allowsPolicies) {
      const section = role.kind === 'section' || role.kind === 'policy' || role.kind === 'child' ? role.section : undefined;
      items.push(...statementSnippetItems(snippets.snippets, section, ctx.range(p + 1, offset)));
    }
  }
  if (text.charAt(p) === '/' && text.charAt(p - 1) === '<') {
    let open: PolicyElement | undefined = container;
    while (open && open.closed && open.endTagStart !== p - 1) open = open.parent;
    if (open) {
      let end = offset;
      while (end < text.length && /[A-Za-z0-9_.:-]/.test(text.charAt(end))) end++;
      const closeGt = text.charAt(end) === '>';
      items.push({
        label: `/${open.name}`, kind: CompletionItemKind.Property, filterText: `/${open.name}`,
        textEdit: { range: ctx.range(p, closeGt ? end + 1 : end), newText: `/${open.name}>` }, sortText: '0',
      });
    }
    return { isIncomplete: false, items };
  }
  // In plain content right after an unclosed start tag: offer its closing tag.
  if (container && !container.closed && container.startTagEnd !== undefined && offset >= container.startTagEnd && isWhitespaceRun(text, container.startTagEnd, offset)) {
    items.push({
      label: `</${container.name}>`, kind: CompletionItemKind.Property, insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: ctx.range(offset, offset), newText: `$0</${container.name}>` }, sortText: '0',
    });
  }
  return { isIncomplete: false, items };
}

function isWhitespaceRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isWhitespace(text.charAt(i))) return false;
  return true;
}
