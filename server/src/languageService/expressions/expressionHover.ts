/**
 * Hover inside policy expressions: a `context` member's type and meaning, a .NET type's place on
 * (or off) the allow-list, and where a variable is set.
 */
import type { Hover } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyDocument } from '../parser/policyParser';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { CONTEXT_TYPE, getType, type MemberInfo } from './contextModel';
import { expressionAt, viewExpression } from './expressionAt';
import { toRelative } from './expressionSource';
import { visibleVariables, type VariableDefinition } from './variables';

export function describeMember(m: MemberInfo, owner: string): string {
  const signature = m.kind === 'method' ? `${m.name}${m.parameters ?? '()'}: ${m.type}` : `${m.name}: ${m.type}`;
  const lines = [`**${m.name}** — \`${signature}\``, '', m.description, '', `Member of \`${owner}\`.`];
  if (m.values?.length) lines.push('', `Values: ${m.values.map(v => `\`${v}\``).join(', ')}`);
  if (m.newer) lines.push('', '_Listed by newer APIM docs; not in the 2022 expression reference._');
  const type = getType(m.type);
  if (type && type.name !== owner) lines.push('', `\`${type.name}\`: ${type.description}`);
  return lines.join('\n');
}

export function describeVariable(name: string, definitions: readonly VariableDefinition[], uri: string): string {
  const lines = [`**Variable** \`${name}\``, ''];
  if (!definitions.length) {
    lines.push('Nothing in this policy sets it.');
    return lines.join('\n');
  }
  for (const d of definitions.slice(0, 5)) {
    const where = d.uri && d.uri !== uri ? ` in \`${decodeURIComponent(d.uri.substring(d.uri.lastIndexOf('/', d.uri.lastIndexOf('/') - 1) + 1))}\`` : '';
    lines.push(`- set by \`<${d.element} ${d.attribute}="${d.name}">\`${where}${d.valueType ? ` (a \`${d.valueType}\`)` : ''}`);
  }
  return lines.join('\n');
}

export interface ExpressionHoverOptions {
  workspace?: WorkspaceIndex;
}

/**
 * Hover at `offset` when it is inside an expression: a Hover, or null when there is nothing to
 * say; undefined when `offset` is not in an expression.
 */
export function hoverExpression(document: TextDocument, doc: PolicyDocument, offset: number, options: ExpressionHoverOptions = {}): Hover | null | undefined {
  const expr = expressionAt(doc, offset);
  if (!expr) return undefined;
  const { src, facts, at } = viewExpression(doc, expr, offset, false);
  const inside = (r: { start: number; end: number }) => at >= r.start && at <= r.end && r.end > r.start;
  const range = (r: { start: number; end: number }) => ({
    start: document.positionAt(expr.start + toRelative(src, r.start)),
    end: document.positionAt(expr.start + toRelative(src, r.end)),
  });
  const md = (value: string) => ({ kind: 'markdown' as const, value });

  const member = facts.members.find(inside);
  if (member) {
    if (!member.member) {
      return { contents: md(`\`${member.name}\` is not a member of \`${member.owner.name}\`${member.owner.closed ? '' : ' that this extension knows'}.`), range: range(member) };
    }
    return { contents: md(describeMember(member.member, member.owner.name)), range: range(member) };
  }
  const ctx = facts.contextRefs.find(inside);
  if (ctx) {
    const type = getType(CONTEXT_TYPE)!;
    return { contents: md(`**context** — \`${CONTEXT_TYPE}\`\n\n${type.description}`), range: range(ctx) };
  }
  const variable = facts.variables.find(inside);
  if (variable) {
    const defs = visibleVariables(document.uri, doc, options.workspace).definitions.filter(d => d.name === variable.name);
    return { contents: md(describeVariable(variable.name, defs, document.uri)), range: range(variable) };
  }
  const type = facts.types.find(inside);
  if (type) {
    const v = type.verdict;
    const text = v.kind === 'allowed'
      ? `\`${v.fullName}\` — on APIM's list of .NET types allowed in policy expressions.`
      : v.kind === 'forbidden'
        ? `\`${v.fullName}\` — **not allowed** in policy expressions (${v.why}).`
        : `\`${v.fullName}\` — not on the 2022 list of .NET types allowed in policy expressions (newer docs may allow it).`;
    return { contents: md(text), range: range(type) };
  }
  return null;
}
