/**
 * Names that point into the workspace — `{{named values}}`, `include-fragment fragment-id`,
 * `set-backend-service backend-id` — for completion, hover and go to definition.
 */
import { CompletionItemKind, type CompletionItem, type Hover, type Location } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { valueRange, type PolicyDocument } from '../parser/policyParser';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { positionIn } from '../utils/positions';

export interface ReferenceAt {
  kind: 'namedValue' | 'fragment' | 'backend';
  name: string;
  start: number;
  end: number;
}

const REFERENCE_ATTRIBUTES: Record<string, { element: string; kind: 'fragment' | 'backend' }> = {
  'fragment-id': { element: 'include-fragment', kind: 'fragment' },
  'backend-id': { element: 'set-backend-service', kind: 'backend' },
};

/** A `fragment-id` / `backend-id` value holding `offset`, with its place inside the quotes. */
function referenceAttributeAt(doc: PolicyDocument, offset: number): { kind: 'fragment' | 'backend'; value: string; start: number; end: number } | undefined {
  const el = doc.findElementAt(offset);
  if (!el) return undefined;
  for (const attr of el.attributes) {
    const ref = REFERENCE_ATTRIBUTES[attr.name];
    const range = ref && ref.element === el.name && !attr.expression ? valueRange(attr) : undefined;
    if (!range || attr.value === undefined) continue;
    const { start, end } = range;
    if (offset >= start && offset <= end) return { kind: ref.kind, value: attr.value, start, end };
  }
  return undefined;
}

/** The reference under `offset`, if any. */
export function referenceAt(doc: PolicyDocument, offset: number): ReferenceAt | undefined {
  for (const nv of doc.namedValues) {
    if (offset >= nv.start && offset <= nv.end) return { kind: 'namedValue', name: nv.name, start: nv.nameStart, end: nv.nameEnd };
  }
  const a = referenceAttributeAt(doc, offset);
  return a && !a.value.includes('{{') ? { kind: a.kind, name: a.value.trim(), start: a.start, end: a.end } : undefined;
}

function md(lines: string[]): Hover['contents'] {
  return { kind: 'markdown', value: lines.join('\n') };
}

export function hoverReference(document: TextDocument, doc: PolicyDocument, ws: WorkspaceIndex, offset: number): Hover | null {
  const ref = referenceAt(doc, offset);
  if (!ref) return null;
  const range = { start: document.positionAt(ref.start), end: document.positionAt(ref.end) };
  switch (ref.kind) {
    case 'namedValue': {
      const nv = ws.findNamedValue(document.uri, ref.name);
      if (!nv) return null;
      const value = nv.keyVaultSecret
        ? `Key Vault secret: \`${nv.keyVaultSecret}\``
        : nv.secret
          ? 'Secret value (not stored in the repository)'
          : nv.value !== undefined ? `Value: \`${nv.value.replace(/`/g, "'")}\`` : 'Value: not in the repository';
      const where = nv.uri.includes('/named%20values/') || nv.uri.includes('/named values/') ? `named values/${nv.name}` : fileName(nv.uri);
      return { contents: md([`**{{${nv.displayName}}}** named value`, '', value, '', `Defined in \`${where}\``]), range };
    }
    case 'backend': {
      const b = ws.findBackend(document.uri, ref.name);
      if (!b) return null;
      return { contents: md([`**${b.name}** backend`, '', b.url ? `URL: \`${b.url}\`` : 'URL: not set', ...(b.description ? ['', b.description] : [])]), range };
    }
    case 'fragment': {
      const f = ws.findFragment(document.uri, ref.name);
      if (!f) return null;
      if (f.range) return { contents: md([`**${f.name}** policy fragment`, '', `Defined in \`${fileName(f.uri)}\``]), range };
      const fragmentDoc = ws.parsedPolicy(f.uri);
      const policies = fragmentDoc?.roots[0]?.children.map(c => `\`<${c.name}>\``) ?? [];
      return { contents: md([`**${f.name}** policy fragment`, '', policies.length ? `Policies: ${policies.join(', ')}` : 'No policies']), range };
    }
  }
}

export function findReferenceDefinition(document: TextDocument, doc: PolicyDocument, ws: WorkspaceIndex, offset: number): Location[] {
  const ref = referenceAt(doc, offset);
  if (!ref) return [];
  const at = (uri: string, start: number, end: number, text: string | undefined): Location => ({
    uri,
    range: text === undefined
      ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }
      : { start: positionIn(text, start), end: positionIn(text, end) },
  });
  switch (ref.kind) {
    case 'namedValue': {
      const nv = ws.findNamedValue(document.uri, ref.name);
      return nv ? [at(nv.uri, nv.range.start, nv.range.end, nv.text)] : [];
    }
    case 'backend': {
      const b = ws.findBackend(document.uri, ref.name);
      return b ? [at(b.uri, b.range.start, b.range.end, b.text)] : [];
    }
    case 'fragment': {
      const f = ws.findFragment(document.uri, ref.name);
      if (!f) return [];
      if (f.range) return [at(f.uri, f.range.start, f.range.end, f.text)];
      const root = ws.parsedPolicy(f.uri)?.roots[0];
      const text = ws.policyText(f.uri);
      return [root ? at(f.uri, root.start, root.start, text) : at(f.uri, 0, 0, text)];
    }
  }
}

/**
 * Completion of names: after `{{` (named values), and in the value of `fragment-id` /
 * `backend-id`. Returns undefined when the cursor is not at such a place.
 */
export function completeReference(document: TextDocument, doc: PolicyDocument, ws: WorkspaceIndex, offset: number): CompletionItem[] | undefined {
  const text = doc.text;
  // `{{na|` — a named value being typed, on this line
  let i = offset;
  while (i > 0 && /[A-Za-z0-9._-]/.test(text.charAt(i - 1))) i--;
  if (text.charAt(i - 1) === '{' && text.charAt(i - 2) === '{' && text.charAt(i - 3) !== '{') {
    let end = offset;
    while (end < text.length && /[A-Za-z0-9._-]/.test(text.charAt(end))) end++;
    const closed = text.startsWith('}}', end);
    const range = { start: document.positionAt(i), end: document.positionAt(closed ? end + 2 : end) };
    return ws.namedValues(document.uri).map(nv => ({
      label: nv.displayName,
      kind: CompletionItemKind.Constant,
      detail: nv.keyVaultSecret ? 'Key Vault secret' : nv.secret ? 'secret' : nv.value,
      textEdit: { range, newText: `${nv.displayName}}}` },
      filterText: nv.displayName,
    }));
  }
  const a = referenceAttributeAt(doc, offset);
  if (a) {
    const range = { start: document.positionAt(a.start), end: document.positionAt(a.end) };
    if (a.kind === 'fragment') {
      return ws.fragments(document.uri).map(f => ({ label: f.name, kind: CompletionItemKind.Module, detail: 'policy fragment', textEdit: { range, newText: f.name } }));
    }
    return ws.backends(document.uri).map(b => ({ label: b.name, kind: CompletionItemKind.Reference, detail: b.url, textEdit: { range, newText: b.name } }));
  }
  return undefined;
}

/** The last segment of a URI, decoded. */
function fileName(uri: string): string {
  const last = uri.substring(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
