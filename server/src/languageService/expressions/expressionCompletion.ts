/**
 * Completion inside policy expressions: the members of `context` down the chain
 * (`context.Request.Headers.`…), variable names inside `context.Variables["…"]` and
 * `GetValueOrDefault("…")`, known values (`context.LastError.Reason == "…"`), and at the start of
 * an operand `context`, typed locals and the allowed .NET types.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyDocument, PolicyExpression } from '../parser/policyParser';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { allowedTypeNames, allowedTypeNamespace } from './allowedTypes';
import { BODY_TYPES, CONTEXT_TYPE, getType, type MemberInfo } from './contextModel';
import { expressionAt, viewExpression } from './expressionAt';
import { toRelative } from './expressionSource';
import { describeMember, describeVariable } from './expressionHover';
import { visibleVariables } from './variables';

export interface ExpressionCompletionOptions {
  workspace?: WorkspaceIndex;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * How C# text is written into this expression: as is in CDATA and in the "rawxml" format, with
 * entities (`&quot;`, `&lt;`…) where the document uses the escaped "xml" format.
 */
function xmlWriter(doc: PolicyDocument, expr: PolicyExpression): (csharp: string) => string {
  if (expr.host === 'cdata' || !/&(quot|lt|gt|amp);/.test(doc.text)) return s => s;
  const quote = expr.host === 'attribute' ? expr.attribute?.quote : undefined;
  return s => s.replace(/[&<>"']/g, c => {
    if (c === '&') return '&amp;';
    if (c === '<') return '&lt;';
    if (c === '>') return '&gt;';
    if (c === quote) return c === '"' ? '&quot;' : '&apos;';
    return c;
  });
}

function memberItem(m: MemberInfo, owner: string, write: (csharp: string) => string): CompletionItem {
  const item: CompletionItem = {
    label: m.name,
    kind: m.kind === 'method' ? CompletionItemKind.Method : CompletionItemKind.Property,
    detail: m.kind === 'method' ? `${m.name}${m.parameters ?? '()'}: ${m.type}` : `${m.name}: ${m.type}`,
    documentation: { kind: 'markdown', value: describeMember(m, owner) },
    sortText: `${m.newer ? '1' : '0'}_${m.name}`,
  };
  if (m.kind === 'method') {
    item.insertTextFormat = InsertTextFormat.Snippet;
    const noArgs = m.parameters === '()';
    if (m.generic && m.name === 'As') item.insertText = `As${write('<')}\${1|${BODY_TYPES.filter(t => t !== 'byte[]').join(',')}|}${write('>')}(preserveContent: \${2|true,false|})$0`;
    else if (m.generic) item.insertText = `${m.name}${write('<')}\${1:string}${write('>')}(\$2)$0`;
    else item.insertText = noArgs ? `${m.name}()$0` : `${m.name}($1)$0`;
  }
  return item;
}

/** Completion items when `offset` is inside an expression; undefined when it is not. */
export function completeExpression(document: TextDocument, doc: PolicyDocument, offset: number, options: ExpressionCompletionOptions = {}): CompletionList | undefined {
  const expr = expressionAt(doc, offset);
  if (!expr) return undefined;
  const view = viewExpression(doc, expr, offset, true);
  const open = view.facts.open;
  const list: CompletionList = { isIncomplete: false, items: [] };
  if (!open) return list;
  const text = doc.text;
  let wordEnd = offset;
  while (wordEnd < text.length && isWordChar(text.charCodeAt(wordEnd))) wordEnd++;
  const startOffset = expr.start + toRelative(view.src, open.start);
  const range = { start: document.positionAt(startOffset), end: document.positionAt(wordEnd) };
  const write = xmlWriter(doc, expr);
  const quote = write('"');
  const withEdit = (item: CompletionItem): CompletionItem => {
    const newText = item.insertText ?? item.label;
    delete item.insertText;
    item.textEdit = { range, newText };
    return item;
  };
  switch (open.kind) {
    case 'member': {
      for (const m of open.type.members) list.items.push(withEdit(memberItem(m, open.type.name, write)));
      break;
    }
    case 'variable': {
      const seen = new Set<string>();
      for (const d of visibleVariables(document.uri, doc, options.workspace).definitions) {
        if (seen.has(d.name)) continue;
        seen.add(d.name);
        const label = d.name;
        list.items.push(withEdit({
          label, kind: CompletionItemKind.Variable,
          detail: `set by <${d.element} ${d.attribute}>${d.valueType ? ` · ${d.valueType}` : ''}${d.uri ? ' (another policy)' : ''}`,
          documentation: { kind: 'markdown', value: describeVariable(d.name, [d], document.uri) },
          insertText: open.quoted ? write(label) : `${quote}${write(label)}${quote}`,
          filterText: open.quoted ? label : `${quote}${label}`,
          sortText: `${d.uri ? '1' : '0'}_${label}`,
        }));
      }
      break;
    }
    case 'value': {
      open.values.forEach((v, i) => list.items.push(withEdit({
        label: v, kind: CompletionItemKind.EnumMember, insertText: open.quoted ? write(v) : `${quote}${write(v)}${quote}`,
        filterText: open.quoted ? v : `${quote}${v}`, sortText: String(i).padStart(3, '0'),
      })));
      break;
    }
    case 'identifier': {
      const context = getType(CONTEXT_TYPE)!;
      list.items.push(withEdit({
        label: 'context', kind: CompletionItemKind.Variable, detail: CONTEXT_TYPE,
        documentation: { kind: 'markdown', value: `**context**: \`${CONTEXT_TYPE}\`\n\n${context.description}` }, sortText: '0_context',
      }));
      for (const [name, type] of view.facts.locals) {
        list.items.push(withEdit({ label: name, kind: CompletionItemKind.Variable, detail: type, sortText: `1_${name}` }));
      }
      for (const name of allowedTypeNames()) {
        list.items.push(withEdit({ label: name, kind: CompletionItemKind.Class, detail: `${allowedTypeNamespace(name)}.${name}`, sortText: `2_${name}` }));
      }
      break;
    }
  }
  return list;
}
