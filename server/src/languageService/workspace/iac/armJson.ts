/**
 * APIM policies in ARM JSON templates (hand-written or compiled from Bicep): resources of the
 * policy types (child resources in a parent's `resources`, symbolic `resources` objects, nested
 * deployments' templates), their JSON string values decoded with a map back to the escapes, and
 * ARM expressions (`[concat(…)]`, `[replace(variables('x'), …)]`) read for their literal parts.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import { parseJsonTree } from '../../utils/json';
import {
  childResourceType, compose, isBackendType, isNamedValueType, isWorkflowType, lastSegment, mappedTextBuilder, MAX_NESTING, MAX_RESOLVE_DEPTH,
  plainText, scopeOfResourceType, type EmbeddedPolicy, type IacBackend, type IacFileModel, type IacLogicApp, type IacNamedValue,
  type MappedText, type PolicyValue,
} from './policySource';
import { mentionsWorkflow } from './jsonShape';

/** A JSON string node's value with each char mapped to its escape in the host text. */
export function decodeJsonString(host: string, node: JsonNode): MappedText {
  const b = mappedTextBuilder();
  const end = node.offset + node.length - (host[node.offset + node.length - 1] === '"' && node.length > 1 ? 1 : 0);
  let i = node.offset + 1;
  const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
  while (i < end) {
    const c = host[i];
    if (c === '\\' && i + 1 < end) {
      const e = host[i + 1];
      if (simple[e] !== undefined) {
        b.char(simple[e], i, i + 2);
        i += 2;
        continue;
      }
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(host.substring(i + 2, i + 6))) {
        b.char(String.fromCharCode(parseInt(host.substring(i + 2, i + 6), 16)), i, i + 6);
        i += 6;
        continue;
      }
    }
    b.char(c, i, i + 1);
    i++;
  }
  return b.done();
}

type ArmNode =
  | { k: 'str'; s: number; e: number; t: MappedText }
  | { k: 'call'; s: number; e: number; name: string; args: ArmNode[] }
  | { k: 'other'; s: number; e: number };

/** Parses an ARM expression (the text inside `[` `]`), offsets relative to `text`. */
function parseArmExpression(text: string, from: number, to: number): ArmNode {
  let i = from;
  const ws = () => {
    while (i < to && /\s/.test(text[i])) i++;
  };
  function primary(depth: number): ArmNode {
    ws();
    const s = i;
    if (depth > MAX_NESTING) {
      i = to;
      return { k: 'other', s, e: to };
    }
    if (text[i] === "'") {
      const b = mappedTextBuilder();
      i++;
      while (i < to) {
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            b.char("'", i, i + 2);
            i += 2;
            continue;
          }
          i++;
          break;
        }
        b.char(text[i], i, i + 1);
        i++;
      }
      return postfix({ k: 'str', s, e: i, t: b.done() }, depth);
    }
    const id = /^[A-Za-z_$][\w$.]*/.exec(text.substring(i, Math.min(to, i + 200)));
    if (id) {
      i += id[0].length;
      ws();
      if (text[i] === '(') {
        i++;
        const args: ArmNode[] = [];
        for (;;) {
          ws();
          if (i >= to) break;
          if (text[i] === ')') {
            i++;
            break;
          }
          if (text[i] === ',') {
            i++;
            continue;
          }
          const before = i;
          args.push(primary(depth + 1));
          if (i === before) i++;
        }
        return postfix({ k: 'call', s, e: i, name: id[0], args }, depth);
      }
      return postfix({ k: 'other', s, e: i }, depth);
    }
    while (i < to && !/[\s,()[\]]/.test(text[i])) i++;
    if (i === s && i < to) i++;
    return postfix({ k: 'other', s, e: i }, depth);
  }
  function postfix(node: ArmNode, depth: number): ArmNode {
    let cur = node;
    for (;;) {
      ws();
      if (text[i] === '.' && i < to) {
        i++;
        const id = /^[\w$]*/.exec(text.substring(i, Math.min(to, i + 200)));
        i += id ? id[0].length : 0;
        cur = { k: 'other', s: cur.s, e: i };
      } else if (text[i] === '[' && i < to) {
        i++;
        primary(depth + 1);
        ws();
        if (text[i] === ']') i++;
        cur = { k: 'other', s: cur.s, e: i };
      } else {
        return cur;
      }
    }
  }
  return primary(0);
}

interface TemplateContext {
  host: string;
  variables: JsonNode | undefined;
}

function property(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  const lower = key.toLowerCase();
  const p = node.children?.find(c => c.children?.[0] && String(c.children[0].value).toLowerCase() === lower);
  return p?.children?.[1];
}

/** A JSON string value: literal text, or an ARM expression read for its literal parts. */
function evaluateString(node: JsonNode, ctx: TemplateContext, depth: number): PolicyValue {
  if (node.type !== 'string' || depth > MAX_RESOLVE_DEPTH) return { kind: 'computed' };
  const decoded = decodeJsonString(ctx.host, node);
  const text = decoded.text;
  if (text.startsWith('[[')) return { kind: 'text', text: compose(slice(decoded, 1, text.length), decoded) };
  if (!text.startsWith('[') || !text.trimEnd().endsWith(']')) return { kind: 'text', text: decoded };
  const expr = parseArmExpression(text, 1, text.trimEnd().length - 1);
  return evaluateArm(expr, decoded, ctx, depth);
}

function slice(t: MappedText, from: number, to: number): MappedText {
  const b = mappedTextBuilder();
  for (let i = from; i < to; i++) b.char(t.text[i], i, i + 1);
  return b.done();
}

function evaluateArm(node: ArmNode, outer: MappedText, ctx: TemplateContext, depth: number): PolicyValue {
  if (depth > MAX_RESOLVE_DEPTH) return { kind: 'computed' };
  if (node.k === 'str') return { kind: 'text', text: compose(node.t, outer) };
  if (node.k !== 'call') return { kind: 'computed' };
  const name = node.name.toLowerCase();
  const first = node.args[0];
  if (name === 'variables' && first?.k === 'str') {
    const target = property(ctx.variables, first.t.text);
    return target ? evaluateString(target, ctx, depth + 1) : { kind: 'computed' };
  }
  if ((name === 'replace' || name === 'trim') && first) return evaluateArm(first, outer, ctx, depth + 1);
  if (name === 'concat') {
    const b = mappedTextBuilder();
    let literal = false;
    for (const arg of node.args) {
      const v = evaluateArm(arg, outer, ctx, depth + 1);
      if (v.kind === 'text') {
        b.append(v.text);
        literal = true;
      } else {
        const start = outer.starts[Math.min(arg.s, outer.starts.length - 1)] ?? 0;
        const end = outer.ends[Math.max(0, Math.min(arg.e - 1, outer.ends.length - 1))] ?? start;
        b.hole(start, end);
      }
    }
    return literal ? { kind: 'text', text: b.done() } : { kind: 'computed' };
  }
  return { kind: 'computed' };
}

function listOf(node: JsonNode | undefined): Array<{ node: JsonNode; key?: string }> {
  if (node?.type === 'array') return (node.children ?? []).map(n => ({ node: n }));
  if (node?.type === 'object') {
    return (node.children ?? []).filter(p => p.children?.[1]).map(p => ({ node: p.children![1], key: String(p.children![0].value) }));
  }
  return [];
}

function stringValue(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' ? String(node.value) : undefined;
}

/** True for an ARM template: `$schema` of a deployment template, or APIM resources in `resources`. */
export function isArmTemplate(text: string): boolean {
  const { root } = parseJsonTree(text);
  if (root?.type !== 'object') return false;
  if (/deploymentTemplate/i.test(stringValue(property(root, '$schema')) ?? '')) return true;
  return listOf(property(root, 'resources')).some(r => /^Microsoft\.ApiManagement\//i.test(stringValue(property(r.node, 'type')) ?? ''));
}

/** Every APIM policy resource and named value of an ARM template, nested templates included. */
export function readArm(host: string): IacFileModel {
  const { root } = parseJsonTree(host);
  const out: EmbeddedPolicy[] = [];
  const namedValues: IacNamedValue[] = [];
  const backends: Array<{ backend: IacBackend; url: JsonNode | undefined; ctx: TemplateContext }> = [];
  const linkedValues: Array<{ nv: IacNamedValue; value: JsonNode; ctx: TemplateContext }> = [];
  const logicApps: Array<{ app: IacLogicApp; needles: string[] }> = [];
  if (root?.type !== 'object') return { policies: out, namedValues, backends: [], logicApps: [] };
  const stack: Array<{ template: JsonNode; depth: number }> = [{ template: root, depth: 0 }];
  while (stack.length) {
    const { template, depth } = stack.pop()!;
    const ctx: TemplateContext = { host, variables: property(template, 'variables') };
    const resources: Array<{ node: JsonNode; key?: string; parentType?: string }> = listOf(property(template, 'resources'));
    while (resources.length) {
      const { node, key, parentType } = resources.pop()!;
      const declared = stringValue(property(node, 'type'));
      if (!declared) continue;
      const type = childResourceType(parentType, declared);
      for (const child of listOf(property(node, 'resources'))) resources.push({ ...child, parentType: type });
      const properties = property(node, 'properties');
      if (/^Microsoft\.Resources\/deployments/i.test(type) && depth < MAX_NESTING) {
        const inner = property(properties, 'template');
        if (inner) stack.push({ template: inner, depth: depth + 1 });
        continue;
      }
      if (isNamedValueType(type)) {
        const nv = armNamedValue(node, properties, ctx);
        namedValues.push(nv);
        const value = property(properties, 'value');
        if (value && nv.value === undefined) linkedValues.push({ nv, value, ctx });
        continue;
      }
      const typeNode = property(node, 'type')!;
      const nameNode = property(node, 'name');
      if (isBackendType(type)) {
        const url = property(properties, 'url');
        const at = url ?? typeNode;
        const text = (n: JsonNode | undefined) => (n ? plainText(evaluateString(n, ctx, 0)) : undefined);
        backends.push({
          backend: {
            name: nameNode && lastSegment(evaluateString(nameNode, ctx, 0)), url: text(url), description: text(property(properties, 'description')),
            start: at.offset, end: at.offset + at.length,
          },
          url, ctx,
        });
        continue;
      }
      if (isWorkflowType(type)) {
        const written = stringValue(nameNode);
        // a name from a parameter is shown by its default (for messages; links use the expression)
        const param = written && /^\[\s*parameters\(\s*'([^']+)'\s*\)\s*\]$/.exec(written);
        const name = (nameNode && plainText(evaluateString(nameNode, ctx, 0)))
          ?? (param ? stringValue(property(property(property(template, 'parameters'), param[1]), 'defaultValue')) : undefined);
        const needles = [
          ...(written && written.startsWith('[') ? [written.substring(1, written.length - 1)] : []),
          ...(name !== undefined ? [`'${name}'`] : []),
          ...(key !== undefined ? [`'${key}'`] : []),
        ].map(n => n.replace(/\s+/g, '')).filter(n => n.length > 2);
        logicApps.push({ app: { key: key ?? written ?? `${typeNode.offset}`, name, start: typeNode.offset, end: typeNode.offset + typeNode.length, resource: node }, needles });
        continue;
      }
      const scope = scopeOfResourceType(type);
      if (!scope) continue;
      const valueNode = property(properties, 'value') ?? property(properties, 'policyContent');
      if (!valueNode) continue;
      const format = stringValue(property(properties, 'format') ?? property(properties, 'contentFormat'))?.toLowerCase();
      out.push({
        resource: stringValue(property(node, 'name')) ?? key ?? declared,
        type, scope, format: format?.startsWith('[') ? undefined : format,
        resourceStart: typeNode.offset, resourceEnd: typeNode.offset + typeNode.length,
        valueStart: valueNode.offset, valueEnd: valueNode.offset + valueNode.length,
        value: evaluateString(valueNode, ctx, 0),
        name: nameNode && lastSegment(evaluateString(nameNode, ctx, 0)),
      });
    }
  }
  const linkOf = (node: JsonNode | undefined, ctx: TemplateContext) => (node ? workflowReferenced(node, ctx, logicApps) : undefined);
  for (const b of backends) b.backend.workflow = linkOf(b.url, b.ctx);
  for (const v of linkedValues) v.nv.workflow = linkOf(v.value, v.ctx);
  out.sort((a, b) => a.valueStart - b.valueStart);
  namedValues.sort((a, b) => a.start - b.start);
  return { policies: out, namedValues, backends: backends.map(b => b.backend).sort((a, b) => a.start - b.start), logicApps: logicApps.map(l => l.app) };
}

/**
 * The workflow an ARM expression is computed from: it calls `listCallbackUrl` or builds a
 * `Microsoft.Logic/workflows` resource id, with the workflow's name as written there
 * (`parameters('logicAppName')`, `'my-logic-app'`) or its symbolic name. Variables are followed.
 */
function workflowReferenced(node: JsonNode, ctx: TemplateContext, logicApps: ReadonlyArray<{ app: IacLogicApp; needles: string[] }>): string | undefined {
  if (logicApps.length === 0 || node.type !== 'string') return undefined;
  const texts: string[] = [];
  const queue = [String(node.value)];
  const seen = new Set<string>();
  for (let steps = 0; queue.length && steps < MAX_RESOLVE_DEPTH; steps++) {
    const text = queue.pop()!;
    texts.push(text.replace(/\s+/g, ''));
    for (const m of text.matchAll(/variables\(\s*'([^']*)'\s*\)/gi)) {
      if (seen.has(m[1])) continue;
      seen.add(m[1]);
      const v = stringValue(property(ctx.variables, m[1]));
      if (v !== undefined) queue.push(v);
    }
  }
  if (!texts.some(mentionsWorkflow)) return undefined;
  return logicApps.find(l => l.needles.some(n => texts.some(t => t.includes(n))))?.app.key;
}

function armNamedValue(resource: JsonNode, properties: JsonNode | undefined, ctx: TemplateContext): IacNamedValue {
  const text = (node: JsonNode | undefined) => (node ? plainText(evaluateString(node, ctx, 0)) : undefined);
  const nameNode = property(resource, 'name');
  const display = property(properties, 'displayName');
  const keyVault = property(property(properties, 'keyVault'), 'secretIdentifier');
  const at = display ?? property(resource, 'type')!;
  return {
    name: nameNode && lastSegment(evaluateString(nameNode, ctx, 0)),
    displayName: text(display),
    value: text(property(properties, 'value')),
    secret: property(properties, 'secret')?.value === true,
    keyVaultSecret: keyVault && (text(keyVault) ?? stringValue(keyVault)),
    start: at.offset,
    end: at.offset + at.length,
  };
}

