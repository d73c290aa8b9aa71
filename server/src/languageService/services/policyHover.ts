import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createRoleResolver, type AttributeInfo, type Catalog, type ElementInfo, type ElementRole, type ValueType } from '../catalog';
import type { PolicyDocument } from '../parser/policyParser';
import { findAttribute } from '../catalog';

function valueText(v: ValueType): string | undefined {
  switch (v.kind) {
    case 'enum': return v.values.map(x => `\`${x}\``).join(' | ');
    case 'bool': return '`true` | `false`';
    case 'bool-expression': return '`true` | `false` | a Boolean expression `@(...)`';
    case 'int': return `whole number${v.min !== undefined || v.max !== undefined ? ` (${v.min ?? '…'}–${v.max ?? '…'})` : ''}${v.unit ? `, ${v.unit}` : ''}`;
    case 'number': return `number${v.min !== undefined || v.max !== undefined ? ` (${v.min ?? '…'}–${v.max ?? '…'})` : ''}`;
    default: return undefined;
  }
}

// An element as the catalog's words write it: `<when>`, `</when>`, `<base/>`, `<set-header name="x">`.
const TAG_OR_LT = /<\/?[A-Za-z][\w:.-]*(?:\s[^<>`]*)?\/?>|</g;

/**
 * Catalog text is plain words that name elements the XML way (`<when>`); Markdown takes those
 * for HTML and drops them ("otherwise those of ."). Element names become code, any other `<`
 * an entity; code spans already in the text stay as they are.
 */
export function markdownText(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(TAG_OR_LT, m => (m === '<' ? '&lt;' : `\`${m}\``))))
    .join('');
}

export function describeAttribute(a: AttributeInfo, owner: string): string {
  const lines = [`**${a.name}** attribute of \`<${owner}>\`${a.required ? ' — required' : ''}`, ''];
  if (a.description) lines.push(markdownText(a.description), '');
  const vt = valueText(a.value);
  if (vt) lines.push(`Values: ${vt}`, '');
  if (a.default !== undefined) lines.push(`Default: \`${a.default}\``, '');
  lines.push(a.expressions
    ? `Policy expressions: allowed${a.expressionsStated === false ? ' (the policy page does not say otherwise)' : ''}`
    : 'Policy expressions: **not allowed** (a literal value or a {{named value}})');
  return lines.join('\n');
}

/** `catalog` adds what only the whole catalog knows (a doc page much older than its siblings'). */
export function describeElement(info: ElementInfo, catalog?: Catalog): string {
  const lines = [`**\`<${info.name}>\`**${info.deprecated ? ' (deprecated)' : ''}${info.preview ? ' (preview)' : ''}`, '', markdownText(info.summary), ''];
  if (info.kind === 'policy') {
    lines.push(`Sections: ${info.sections.join(', ') || '—'}  `);
    lines.push(`Scopes: ${info.scopes.join(', ') || '—'}  `);
    lines.push(`Gateways: ${info.gateways.join(', ') || '—'}`, '');
  }
  const attrs = info.attributes.filter(a => a.name !== 'id');
  if (attrs.length) {
    lines.push('| Attribute | Required | Expressions | Default |', '|---|---|---|---|');
    for (const a of attrs) lines.push(`| \`${a.name}\` | ${a.required ? 'yes' : 'no'} | ${a.expressions ? 'yes' : 'no'} | ${a.default !== undefined ? `\`${a.default}\`` : ''} |`);
    lines.push('');
  }
  const children = info.children.filter(c => c.name !== '*policy*');
  if (children.length) lines.push(`Elements: ${children.map(c => `\`<${c.name}>\`${c.required ? ' (required)' : ''}`).join(', ')}`, '');
  if (info.children.some(c => c.name === '*policy*')) lines.push('Holds policy statements valid in the enclosing section.', '');
  for (const c of info.constraints ?? []) lines.push(`- ${markdownText(c)}`);
  for (const n of info.notes ?? []) lines.push(`- ${markdownText(n)}`);
  if (info.constraints?.length || info.notes?.length) lines.push('');
  const newer = catalog?.newerSibling(info);
  if (newer) {
    lines.push(`The doc page read for this policy is dated ${info.docDate}; \`<${newer.name}>\`, of the same family (${info.category}), was documented ${newer.docDate}: check the page for changes since.`, '');
  }
  if (info.checked) {
    lines.push(`Compared with the policy page${info.docDate ? ` (dated ${info.docDate})` : ''} on ${info.checked.read}.`, '');
  }
  lines.push(`[Microsoft Learn](${info.doc})`);
  return lines.join('\n');
}

function describeRole(role: ElementRole, catalog: Catalog): string | undefined {
  switch (role.kind) {
    case 'root': case 'section': return role.info ? describeElement(role.info) : undefined;
    case 'policy': return describeElement(role.info, catalog);
    case 'base': return undefined;
    case 'child': {
      const lines = [`**\`<${role.name}>\`** in \`<${role.owner.name}>\``, ''];
      if (role.info?.description) lines.push(markdownText(role.info.description), '');
      if (role.info?.content) lines.push(`Content: ${markdownText(role.info.content)}`, '');
      const attrs = role.info?.attributes ?? [];
      if (attrs.length) lines.push(`Attributes: ${attrs.map(a => `\`${a.name}\`${a.required ? ' (required)' : ''}`).join(', ')}`, '');
      lines.push(`[Microsoft Learn](${role.owner.doc})`);
      return lines.join('\n');
    }
    case 'unknown': case 'content': return undefined;
  }
}

export function doHover(document: TextDocument, doc: PolicyDocument, catalog: Catalog, offset: number): Hover | null {
  const el = doc.findElementAt(offset);
  if (!el) return null;
  const roleOf = createRoleResolver(catalog);
  const range = (s: number, e: number) => ({ start: document.positionAt(s), end: document.positionAt(e) });
  const md = (value: string): MarkupContent => ({ kind: 'markdown', value });
  const role = roleOf(el);
  const inStartName = offset > el.start && offset <= el.nameEnd;
  const endNameStart = el.endTagStart !== undefined ? el.endTagStart + 2 : -1;
  const inEndName = endNameStart >= 0 && offset >= endNameStart && offset <= endNameStart + el.name.length;
  if (inStartName || inEndName) {
    const text = el.name === 'base' && role.kind === 'base'
      ? describeElement(catalog.getElement('base')!)
      : describeRole(role, catalog);
    if (!text) return null;
    return { contents: md(text), range: inStartName ? range(el.start + 1, el.nameEnd) : range(endNameStart, endNameStart + el.name.length) };
  }
  for (const attr of el.attributes) {
    if (offset >= attr.nameStart && offset <= attr.nameEnd) {
      let info = findAttribute(catalog, role, attr.name);
      if (!info && role.kind === 'policy') {
        for (const v of catalog.getVariants(role.info.name)) info ??= v.attributes.find(a => a.name === attr.name);
      }
      if (!info) return null;
      const owner = role.kind === 'policy' ? role.info.name : role.kind === 'child' ? role.name : el.name;
      return { contents: md(describeAttribute(info, owner)), range: range(attr.nameStart, attr.nameEnd) };
    }
  }
  return null;
}
