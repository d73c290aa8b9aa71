/**
 * Completion and hover inside a policy held inline by a Bicep, ARM JSON or Terraform file: the
 * host position is mapped into the policy text through the reader's escape-aware map, the normal
 * policy features answer there, and their ranges come back to the host file, the inserted text
 * escaped for the string it goes into (JSON `"` → `\"`, Bicep `'` → `\'`, Terraform `${` → `$${`).
 * Outside a policy string nothing answers: the file's own language extension does.
 */
import { InsertTextFormat, type CompletionItem, type CompletionList, type Hover, type Range, type TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findNodeAtOffset } from 'jsonc-parser';
import { parseJsonTree } from '../utils/json';
import type { EmbeddedPolicy, HostKind, IacFileModel, MappedText } from '../workspace/iac';

/** How text is written in the string the cursor is in. */
export type HostString = 'json' | 'json-arm' | 'bicep' | 'bicep-verbatim' | 'terraform' | 'terraform-heredoc';

const ESCAPES: Record<HostString, { pattern: RegExp; map: Record<string, string> } | undefined> = {
  json: { pattern: /[\\"\n\r\t]/g, map: { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' } },
  // a string literal inside an ARM expression: `'` doubled, then the JSON escapes
  'json-arm': { pattern: /[\\"\n\r\t']/g, map: { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', "'": "''" } },
  bicep: { pattern: /[\\'\n\r\t]|\$\{/g, map: { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '${': '\\${' } },
  'bicep-verbatim': undefined,
  terraform: { pattern: /[\\"\n\r\t]|\$\{|%\{/g, map: { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '${': '$${', '%{': '%%{' } },
  'terraform-heredoc': { pattern: /\$\{|%\{/g, map: { '${': '$${', '%{': '%%{' } },
};

/** Strings written on one line: a line break a completion would insert is left out there. */
const ONE_LINE = new Set<HostString>(['json', 'json-arm', 'bicep', 'terraform']);

/** Text to insert into a host string: line breaks (and the indentation after them) dropped in a one-line string, then escaped. */
function insertText(kind: HostString, text: string): string {
  return escapeFor(kind, ONE_LINE.has(kind) ? text.replace(/\r?\n[ \t]*/g, '') : text);
}

/** Text as it must be written in the host string to stand for `text`. */
export function escapeFor(kind: HostString, text: string): string {
  const e = ESCAPES[kind];
  return e ? text.replace(e.pattern, m => e.map[m] ?? m) : text;
}

/** A policy at a host position: its text, the position in it, and how its string is written. */
export interface EmbeddedAt {
  policy: EmbeddedPolicy;
  mapped: MappedText;
  /** The offset in `mapped.text`. */
  offset: number;
  string: HostString;
}

/** The policy text offset of a host offset, when it falls inside the text (not in a hole or an escape). */
function toTextOffset(mapped: MappedText, host: number): number | undefined {
  const { starts, ends } = mapped;
  const n = starts.length;
  if (n === 0 || host < starts[0] || host > ends[n - 1]) return undefined;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < host) lo = mid + 1;
    else hi = mid;
  }
  // inside a multi-char escape (`\"`): no position of the text is there
  if (lo > 0 && host < ends[lo - 1]) return undefined;
  if (mapped.holes.some(h => h.start < lo && lo < h.end)) return undefined;
  return lo;
}

/** The host offsets of a policy text range. */
function toHostRange(mapped: MappedText, s: number, e: number): { start: number; end: number } {
  const n = mapped.text.length;
  const start = s < n ? mapped.starts[s] : mapped.ends[n - 1];
  const end = e > s ? mapped.ends[Math.min(e, n) - 1] : start;
  return { start, end: Math.max(start, end) };
}

function stringKind(kind: HostKind, host: string, policy: EmbeddedPolicy, mapped: MappedText, offset: number): HostString {
  if (kind === 'arm') {
    const node = findNodeAtOffset(parseJsonTree(host).root!, offset);
    const value = node?.type === 'string' ? String(node.value) : '';
    return value.startsWith('[') && !value.startsWith('[[') ? 'json-arm' : 'json';
  }
  if (kind === 'terraform') return host.startsWith('<<', policy.valueStart) ? 'terraform-heredoc' : 'terraform';
  // Bicep: inside a '''…''' string when an odd number of ''' lie between the string's start and here
  const from = Math.max(0, Math.min(policy.valueStart, (mapped.starts[0] ?? 0) - 4));
  let count = 0;
  for (let i = host.indexOf("'''", from); i >= 0 && i < offset; i = host.indexOf("'''", i + 3)) count++;
  return count % 2 === 1 ? 'bicep-verbatim' : 'bicep';
}

/** The inline policy at a host offset, if any. */
export function embeddedAt(kind: HostKind, host: string, model: IacFileModel, offset: number): EmbeddedAt | undefined {
  for (const policy of model.policies) {
    if (policy.value.kind !== 'text' || offset < policy.valueStart || offset > policy.valueEnd) continue;
    const mapped = policy.value.text;
    const at = toTextOffset(mapped, offset);
    if (at === undefined) continue;
    return { policy, mapped, offset: at, string: stringKind(kind, host, policy, mapped, offset) };
  }
  return undefined;
}

/**
 * A snippet as the plain text it inserts: tab stops dropped, placeholders and choices by their
 * (first) default. The host string's escapes would break snippet syntax, so IaC hosts get text.
 */
export function snippetText(snippet: string): string {
  let out = '';
  let open = 0; // placeholders whose closing `}` is still to come
  let i = 0;
  const n = snippet.length;
  const digits = () => {
    while (i < n && snippet[i] >= '0' && snippet[i] <= '9') i++;
  };
  while (i < n) {
    const c = snippet[i];
    const next = snippet[i + 1] ?? '';
    if (c === '\\' && '$}\\'.includes(next) && next !== '') {
      out += next;
      i += 2;
    } else if (c === '$' && next >= '0' && next <= '9') {
      i++;
      digits();
    } else if (c === '$' && next === '{' && (snippet[i + 2] ?? '') >= '0' && (snippet[i + 2] ?? '') <= '9') {
      i += 2;
      digits();
      if (snippet[i] === '|') {
        // a choice: its first option
        const close = snippet.indexOf('|}', i);
        out += snippet.substring(i + 1, close < 0 ? n : close).split(',')[0];
        i = close < 0 ? n : close + 2;
      } else if (snippet[i] === ':') {
        // the default is read on; its closing `}` is dropped
        open++;
        i++;
      } else if (snippet[i] === '}') {
        i++;
      }
    } else if (c === '}' && open > 0) {
      open--;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

interface HostMapping {
  host: TextDocument;
  virtual: TextDocument;
  at: EmbeddedAt;
}

function mapRange(m: HostMapping, range: Range): Range {
  const r = toHostRange(m.at.mapped, m.virtual.offsetAt(range.start), m.virtual.offsetAt(range.end));
  return { start: m.host.positionAt(r.start), end: m.host.positionAt(r.end) };
}

function mapEdit(m: HostMapping, edit: TextEdit, snippet: boolean): TextEdit {
  const text = snippet ? snippetText(edit.newText) : edit.newText;
  return { range: mapRange(m, edit.range), newText: insertText(m.at.string, text) };
}

function mapItem(m: HostMapping, item: CompletionItem): CompletionItem {
  const snippet = item.insertTextFormat === InsertTextFormat.Snippet;
  const out: CompletionItem = { ...item, insertTextFormat: InsertTextFormat.PlainText };
  const edit = item.textEdit;
  if (edit && 'range' in edit) {
    out.textEdit = mapEdit(m, edit, snippet);
  } else if (edit) {
    const newText = insertText(m.at.string, snippet ? snippetText(edit.newText) : edit.newText);
    out.textEdit = { newText, insert: mapRange(m, edit.insert), replace: mapRange(m, edit.replace) };
  }
  if (item.insertText !== undefined) out.insertText = insertText(m.at.string, snippet ? snippetText(item.insertText) : item.insertText);
  if (item.additionalTextEdits) out.additionalTextEdits = item.additionalTextEdits.map(e => mapEdit(m, e, false));
  // the editor filters on the host text, escapes included
  const filter = item.filterText ?? item.label;
  const escaped = escapeFor(m.at.string, filter);
  if (escaped !== filter || item.filterText !== undefined) out.filterText = escaped;
  return out;
}

/** A policy document for the text at the position, and the way back to the host. */
export function virtualDocument(host: TextDocument, at: EmbeddedAt): HostMapping {
  return { host, virtual: TextDocument.create(host.uri, 'apim-policy', host.version, at.mapped.text), at };
}

export function completionToHost(m: HostMapping, list: CompletionList): CompletionList {
  return { isIncomplete: list.isIncomplete, items: list.items.map(item => mapItem(m, item)) };
}

export function hoverToHost(m: HostMapping, hover: Hover | null): Hover | null {
  if (!hover) return null;
  return hover.range ? { ...hover, range: mapRange(m, hover.range) } : hover;
}
