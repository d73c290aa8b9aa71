/**
 * APIM policies in Bicep files: a small tokenizer (strings with escapes and `${…}` holes, `'''`
 * strings, comments, brackets) and a tolerant parser of the declarations and values that matter:
 * `resource` (nested ones take their parent's type), `var`, `param` defaults and `module` params.
 * Never throws; one pass over the text, nesting bounded by MAX_NESTING.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import {
  childResourceType, isBackendType, isNamedValueType, isWorkflowTriggerType, isWorkflowType, lastSegment, mappedTextBuilder, MAX_NESTING,
  MAX_RESOLVE_DEPTH, plainText, scopeOfResourceType, verbatim, type EmbeddedPolicy, type IacBackend, type IacFileModel, type IacLogicApp,
  type IacNamedValue, type MappedText, type PolicyValue,
} from './policySource';
import { CLOSE, ExprParser, type ExprNode, type ExprSyntax, type Tok } from './exprParser';
import { identifiersIn, jsonArray, jsonExpression, jsonLiteral, jsonObject, jsonString, mentionsWorkflow } from './jsonShape';

interface ObjNode { k: 'obj'; s: number; e: number; props: Array<{ key: string; value: Node }>; resources: Decl[] }
interface CallNode { k: 'call'; s: number; e: number; name: string; args: Node[] }
interface ListNode { k: 'list'; s: number; e: number; items: Node[] }
type BicepNode = ObjNode | CallNode | ListNode;
type Node = ExprNode<BicepNode>;

interface Decl {
  name: string;
  type: string;
  s: number;
  e: number;
  body: Node | undefined;
}

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '??', '=>', '=~', '!~', '?.', '.?'];

function isIdStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isIdPart(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}

/** A string at `i` (a `'`): its end and its text, `${…}` holes filled. */
function scanString(src: string, i: number, depth: number): { end: number; text: MappedText } {
  const n = src.length;
  if (src.startsWith("'''", i)) {
    let start = i + 3;
    // the line break right after the opening quotes is not part of the value
    if (src[start] === '\r' && src[start + 1] === '\n') start += 2;
    else if (src[start] === '\n') start += 1;
    const close = src.indexOf("'''", start);
    const stop = close < 0 ? n : close;
    return { end: close < 0 ? n : close + 3, text: verbatim(src, start, stop) };
  }
  const b = mappedTextBuilder();
  let j = i + 1;
  while (j < n) {
    const c = src[j];
    if (c === "'") return { end: j + 1, text: b.done() };
    if (c === '\n') break;
    if (c === '\\' && j + 1 < n) {
      const e = src[j + 1];
      const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", $: '$' };
      if (simple[e] !== undefined) {
        b.char(simple[e], j, j + 2);
        j += 2;
        continue;
      }
      if (e === 'u' && src[j + 2] === '{') {
        const close = src.indexOf('}', j + 3);
        const code = close > 0 && close - j < 12 ? parseInt(src.substring(j + 3, close), 16) : NaN;
        if (Number.isFinite(code) && code <= 0x10ffff) {
          const ch = String.fromCodePoint(code);
          for (const unit of ch.split('')) b.char(unit, j, close + 1);
          j = close + 1;
          continue;
        }
      }
      b.char(c, j, j + 1);
      j++;
      continue;
    }
    if (c === '$' && src[j + 1] === '{') {
      const end = skipInterpolation(src, j + 2, depth);
      b.hole(j, end);
      j = end;
      continue;
    }
    b.char(c, j, j + 1);
    j++;
  }
  return { end: j, text: b.done() };
}

/** From inside `${`: the offset after its closing `}` (nested braces and strings skipped). */
function skipInterpolation(src: string, i: number, depth: number): number {
  let level = 0;
  let j = i;
  while (j < src.length) {
    const c = src[j];
    if (c === "'" && depth < MAX_NESTING) {
      j = scanString(src, j, depth + 1).end;
      continue;
    }
    if (c === '{') level++;
    else if (c === '}') {
      if (level === 0) return j + 1;
      level--;
    } else if (c === '\n' && level === 0) return j;
    j++;
  }
  return j;
}

export function tokenizeBicep(src: string): Tok[] {
  const toks: Tok[] = [];
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 10) {
      toks.push({ k: 'nl', s: i, e: i + 1, v: '\n' });
      i++;
    } else if (c === 32 || c === 9 || c === 13 || c === 0xfeff) {
      i++;
    } else if (c === 47 && src[i + 1] === '/') {
      const nl = src.indexOf('\n', i);
      i = nl < 0 ? n : nl;
    } else if (c === 47 && src[i + 1] === '*') {
      const close = src.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else if (c === 39) {
      const { end, text } = scanString(src, i, 0);
      toks.push({ k: 'str', s: i, e: end, v: '', t: text });
      i = end;
    } else if (isIdStart(c)) {
      let j = i + 1;
      while (j < n && isIdPart(src.charCodeAt(j))) j++;
      toks.push({ k: 'id', s: i, e: j, v: src.substring(i, j) });
      i = j;
    } else if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n && (isIdPart(src.charCodeAt(j)) || src[j] === '.')) j++;
      toks.push({ k: 'num', s: i, e: j, v: src.substring(i, j) });
      i = j;
    } else {
      const two = src.substring(i, i + 2);
      const op = OPERATORS.includes(two) ? two : src[i];
      toks.push({ k: 'p', s: i, e: i + op.length, v: op });
      i += op.length;
    }
  }
  return toks;
}

const BICEP_SYNTAX: ExprSyntax = {
  binary: new Set(['==', '!=', '<=', '>=', '&&', '||', '??', '=~', '!~', '<', '>', '+', '-', '*', '/', '%']),
  member: new Set(['.', '?.', '.?']),
  listSeparators: new Set([',']),
};

/** Bicep's grammar on the shared core: lambdas, `[for …]`, objects with nested resources, decorators. */
class BicepParser extends ExprParser<BicepNode> {
  constructor(toks: readonly Tok[]) {
    super(toks, BICEP_SYNTAX);
  }

  skipLine(): void {
    while (!this.atEnd() && this.peek().k !== 'nl') {
      if (this.peek().k === 'p' && CLOSE.has(this.peek().v)) {
        this.pos++;
        continue;
      }
      this.skipBalanced();
    }
  }

  /** A call on a name, and the non-null assertion `!`. */
  protected override parsePostfixExtra(node: Node, depth: number): Node | undefined {
    const t = this.peek();
    if (t.k === 'p' && t.v === '(' && node.k === 'ref') {
      this.next();
      const args = this.parseList(')', depth);
      return { k: 'call', s: node.s, e: this.lastEnd(), name: node.name, args };
    }
    if (t.k === 'p' && t.v === '!') {
      this.next();
      return node;
    }
    return undefined;
  }

  protected override parseFormatPrimary(depth: number): Node {
    const t = this.peek();
    if (t.k === 'id') {
      this.next();
      if (this.is('=>')) return this.parseLambdaBody(t.s, depth);
      return { k: 'ref', s: t.s, e: t.e, name: t.v };
    }
    if (t.k === 'p' && t.v === '(') {
      this.next();
      const items = this.parseList(')', depth);
      if (this.is('=>')) return this.parseLambdaBody(t.s, depth);
      return items.length === 1 ? items[0] : this.other(t.s, this.lastEnd());
    }
    if (t.k === 'p' && t.v === '{') return this.parseObject(depth);
    if (t.k === 'p' && t.v === '[') {
      if (this.is('for', 1)) return this.parseFor(depth);
      this.next();
      const items = this.parseList(']', depth);
      return { k: 'list', s: t.s, e: this.lastEnd(), items };
    }
    return this.parseStray();
  }

  /** At `=>` after a lambda's parameters (which started at `s`). */
  private parseLambdaBody(s: number, depth: number): Node {
    this.next();
    this.skipNl();
    this.parseExpr(depth + 1);
    return this.other(s, this.lastEnd());
  }

  /** `[for x in y: body]` (body may be `if (c) {...}`): the body stands for every item. */
  private parseFor(depth: number): Node {
    const s = this.next().s;
    this.next();
    while (!this.atEnd() && !this.is(':') && !this.is(']')) this.skipBalanced();
    if (this.is(':')) this.next();
    this.skipNl();
    const body = this.parseConditional(depth);
    this.skipNl();
    while (!this.atEnd() && !this.is(']')) this.skipBalanced();
    if (this.is(']')) this.next();
    return { k: 'list', s, e: this.lastEnd(), items: [body] };
  }

  private parseConditional(depth: number): Node {
    if (this.is('if') && this.is('(', 1)) {
      this.next();
      this.skipBalanced();
      this.skipNl();
    }
    return this.parseExpr(depth + 1);
  }

  private parseObject(depth: number): Node {
    const s = this.next().s;
    const props: Array<{ key: string; value: Node }> = [];
    const resources: Decl[] = [];
    while (!this.closes('}')) {
      const t = this.peek();
      if (t.k === 'p' && (t.v === ']' || t.v === ')')) break;
      if (t.k === 'p' && t.v === ',') {
        this.next();
        continue;
      }
      if (t.k === 'p' && t.v === '@') {
        this.next();
        this.parsePostfix(this.parsePrimary(depth + 1), depth + 1);
        continue;
      }
      if (t.k === 'id' && t.v === 'resource' && this.peek(1).k === 'id' && this.peek(2).k === 'str') {
        resources.push(this.parseResource(depth + 1));
        continue;
      }
      if ((t.k === 'id' || t.k === 'str') && this.is(':', 1)) {
        this.next();
        this.next();
        this.skipNl();
        const key = t.k === 'id' ? t.v : t.t!.text;
        props.push({ key, value: this.parseExpr(depth + 1) });
        continue;
      }
      this.skipBalanced();
    }
    return { k: 'obj', s, e: this.lastEnd(), props, resources };
  }

  /** `resource name 'type@version' [existing] = value`; the parent type is joined later. */
  parseResource(depth: number): Decl {
    const head = this.next();
    const name = this.next().v;
    const typeTok = this.next();
    const type = typeTok.t?.text ?? '';
    const decl: Decl = { name, type, s: head.s, e: typeTok.e, body: undefined };
    while (!this.atEnd() && this.peek().k !== 'nl' && !this.is('=')) this.next();
    if (!this.is('=')) return decl;
    this.next();
    this.skipNl();
    const value = this.parseConditional(depth);
    decl.body = value.k === 'list' && value.items.length === 1 ? value.items[0] : value;
    return decl;
  }
}

interface BicepFile {
  resources: Decl[];
  modules: Node[];
  values: Map<string, Node>;
  /** The names in `values` that are `var`s (the rest are parameter defaults, which a deployment may override). */
  vars: Set<string>;
}

function parseBicep(src: string): BicepFile {
  const p = new BicepParser(tokenizeBicep(src));
  const file: BicepFile = { resources: [], modules: [], values: new Map(), vars: new Set() };
  while (!p.atEnd()) {
    p.skipNl();
    if (p.atEnd()) break;
    const t = p.peek();
    const before = p.peek();
    if (t.k === 'p' && t.v === '@') {
      p.next();
      p.parseExpr(1);
      continue;
    }
    if (t.k === 'id' && t.v === 'resource' && p.peek(1).k === 'id' && p.peek(2).k === 'str') {
      file.resources.push(p.parseResource(1));
    } else if (t.k === 'id' && t.v === 'var' && p.peek(1).k === 'id' && p.is('=', 2)) {
      const name = p.peek(1).v;
      p.next(); p.next(); p.next();
      p.skipNl();
      file.values.set(name, p.parseExpr(1));
      file.vars.add(name);
    } else if (t.k === 'id' && t.v === 'param' && p.peek(1).k === 'id') {
      const name = p.peek(1).v;
      p.next(); p.next();
      p.parseExpr(1);
      if (p.is('=')) {
        p.next();
        p.skipNl();
        file.values.set(name, p.parseExpr(1));
      }
    } else if (t.k === 'id' && t.v === 'module' && p.peek(1).k === 'id') {
      while (!p.atEnd() && p.peek().k !== 'nl' && !p.is('=')) p.next();
      if (p.is('=')) {
        p.next();
        p.skipNl();
        file.modules.push(p.parseExpr(1));
      }
    }
    p.skipLine();
    if (p.peek() === before) p.next();
  }
  return file;
}

const LOAD_FUNCTIONS = new Set(['loadtextcontent', 'sys.loadtextcontent']);
const PASS_THROUGH = new Set(['replace', 'sys.replace', 'trim', 'sys.trim']);

function evaluate(node: Node, values: Map<string, Node>, depth: number): PolicyValue {
  if (depth > MAX_RESOLVE_DEPTH) return { kind: 'computed' };
  switch (node.k) {
    case 'str':
      return { kind: 'text', text: node.t };
    case 'ref': {
      const target = values.get(node.name);
      return target ? evaluate(target, values, depth + 1) : { kind: 'computed' };
    }
    case 'call': {
      const name = node.name.toLowerCase();
      const first = node.args[0];
      if (LOAD_FUNCTIONS.has(name) && first?.k === 'str' && first.t.holes.length === 0) {
        return { kind: 'file', path: first.t.text, template: false, start: first.s, end: first.e };
      }
      if (PASS_THROUGH.has(name) && first) return evaluate(first, values, depth + 1);
      if (name === 'concat' || name === 'sys.concat') return concatenate(node.args, values, depth);
      return { kind: 'computed' };
    }
    default:
      return { kind: 'computed' };
  }
}

function concatenate(args: Node[], values: Map<string, Node>, depth: number): PolicyValue {
  const b = mappedTextBuilder();
  let literal = false;
  for (const arg of args) {
    const v = evaluate(arg, values, depth + 1);
    if (v.kind === 'text') {
      b.append(v.text);
      literal = true;
    } else {
      b.hole(arg.s, arg.e);
    }
  }
  return literal ? { kind: 'text', text: b.done() } : { kind: 'computed' };
}

function prop(node: Node | undefined, key: string): Node | undefined {
  if (node?.k !== 'obj') return undefined;
  const lower = key.toLowerCase();
  return node.props.find(p => p.key.toLowerCase() === lower)?.value;
}

function literal(node: Node | undefined): string | undefined {
  return node?.k === 'str' && node.t.holes.length === 0 ? node.t.text : undefined;
}

/**
 * Every APIM policy resource of a Bicep file, nested ones included, policies passed to modules, and
 * the named values defined by resources or passed to modules.
 */
export function readBicep(src: string): IacFileModel {
  const file = parseBicep(src);
  const policies: EmbeddedPolicy[] = [];
  const namedValues: IacNamedValue[] = [];
  const backends: Array<{ backend: IacBackend; url: Node | undefined }> = [];
  const linkedValues: Array<{ nv: IacNamedValue; value: Node }> = [];
  const workflows = new Map<string, { app: IacLogicApp; nameNode: Node | undefined }>();
  /** Trigger resources by symbolic name: the workflow symbol they belong to. */
  const triggers = new Map<string, string>();
  const walk: Array<{ decl: Decl; parentType: string | undefined; parentName: string | undefined }> = file.resources.map(decl => ({ decl, parentType: undefined, parentName: undefined }));
  while (walk.length) {
    const { decl, parentType, parentName } = walk.pop()!;
    const type = childResourceType(parentType, decl.type);
    const body = decl.body;
    if (body?.k === 'obj') for (const r of body.resources) walk.push({ decl: r, parentType: type, parentName: decl.name });
    const properties = prop(body, 'properties');
    if (isNamedValueType(type)) {
      const nv = namedValueOf(src, properties, prop(body, 'name'), decl, file.values);
      namedValues.push(nv);
      const value = prop(properties, 'value');
      if (value && nv.value === undefined) linkedValues.push({ nv, value });
      continue;
    }
    if (isBackendType(type)) {
      const url = prop(properties, 'url');
      const at = url ?? decl;
      const text = (n: Node | undefined) => n && plainText(evaluate(n, file.values, 0));
      const nameNode = prop(body, 'name');
      backends.push({
        backend: { name: nameNode && lastSegment(evaluate(nameNode, file.values, 0)), url: text(url), description: text(prop(properties, 'description')), start: at.s, end: at.e },
        url,
      });
      continue;
    }
    if (isWorkflowType(type)) {
      const nameNode = prop(body, 'name');
      const resource = jsonObject([
        { key: 'type', value: jsonString('Microsoft.Logic/workflows', decl.s, decl.e) },
        ...(properties ? [{ key: 'properties', value: toJson(properties, src, file, 0) }] : []),
      ], decl.s, body?.e ?? decl.e);
      workflows.set(decl.name, { app: { key: decl.name, name: nameNode && plainText(evaluate(nameNode, file.values, 0)), start: decl.s, end: decl.e, resource }, nameNode });
      continue;
    }
    if (isWorkflowTriggerType(type)) {
      const parent = prop(body, 'parent');
      const owner = parentName ?? (parent?.k === 'ref' ? parent.name : undefined);
      if (owner) triggers.set(decl.name, owner);
      continue;
    }
    const scope = scopeOfResourceType(type);
    if (!scope) continue;
    const valueNode = prop(properties, 'value') ?? prop(properties, 'policyContent');
    if (!valueNode) continue;
    const format = literal(prop(properties, 'format') ?? prop(properties, 'contentFormat'))?.toLowerCase();
    const nameNode = prop(body, 'name');
    policies.push({
      resource: decl.name, type, scope, format,
      resourceStart: decl.s, resourceEnd: decl.e, valueStart: valueNode.s, valueEnd: valueNode.e,
      value: evaluate(valueNode, file.values, 0),
      name: nameNode && lastSegment(evaluate(nameNode, file.values, 0)),
    });
  }
  const linkOf = (node: Node | undefined) => (node ? workflowReferenced(src, node, file, workflows, triggers) : undefined);
  for (const b of backends) b.backend.workflow = linkOf(b.url);
  for (const v of linkedValues) v.nv.workflow = linkOf(v.value);
  for (const m of file.modules) {
    for (const obj of objectsIn(m)) {
      collectModulePolicy(obj, file.values, policies);
      collectModuleNamedValues(src, obj, file.values, namedValues);
    }
  }
  policies.sort((a, b) => a.valueStart - b.valueStart);
  namedValues.sort((a, b) => a.start - b.start);
  return {
    policies, namedValues, backends: backends.map(b => b.backend).sort((a, b) => a.start - b.start),
    logicApps: [...workflows.values()].map(w => w.app).sort((a, b) => a.start - b.start),
  };
}

/**
 * The workflow a value (a backend URL, a named value) is computed from: it names the workflow's
 * symbol or one of its triggers' (`la.listCallbackUrl()`, `trigger.listCallbackUrl().value`), or
 * calls a callback URL / builds a resource id with the workflow's name (`listCallbackUrl(
 * resourceId('Microsoft.Logic/workflows/triggers', laName, 'manual'), …)`). `var`s are followed.
 */
function workflowReferenced(src: string, node: Node, file: BicepFile, workflows: Map<string, { app: IacLogicApp; nameNode: Node | undefined }>, triggers: Map<string, string>): string | undefined {
  if (workflows.size === 0) return undefined;
  const ids = new Set<string>();
  const texts: string[] = [];
  const queue: Node[] = [node];
  for (let steps = 0; queue.length && steps < MAX_RESOLVE_DEPTH; steps++) {
    const n = queue.pop()!;
    const text = src.substring(n.s, n.e);
    texts.push(text);
    for (const id of identifiersIn(text)) {
      if (ids.has(id)) continue;
      ids.add(id);
      const target = file.vars.has(id) ? file.values.get(id) : undefined;
      if (target) queue.push(target);
    }
  }
  for (const [symbol, { nameNode }] of workflows) {
    if (ids.has(symbol)) return symbol;
    for (const [trigger, owner] of triggers) if (owner === symbol && ids.has(trigger)) return symbol;
    if (!texts.some(mentionsWorkflow) || !nameNode) continue;
    if (nameNode.k === 'ref' && ids.has(nameNode.name)) return symbol;
    const name = nameNode.k === 'str' && nameNode.t.holes.length === 0 ? nameNode.t.text : undefined;
    if (name && texts.some(t => t.includes(`'${name}'`))) return symbol;
  }
  return undefined;
}

/**
 * A Bicep value in the shape of JSON for the flow readers. `var`s are followed; a parameter is
 * followed only to an object or list (its string default may be overridden at deployment), and
 * anything computed is a deploy-time expression.
 */
function toJson(node: Node, src: string, file: BicepFile, depth: number): JsonNode {
  const expression = () => jsonExpression(src.substring(node.s, node.e), node.s, node.e);
  if (depth > MAX_NESTING) return expression();
  switch (node.k) {
    case 'str':
      return node.t.holes.length === 0 ? jsonString(node.t.text, node.s, node.e) : expression();
    case 'obj':
      return jsonObject(node.props.map(p => ({ key: p.key, value: toJson(p.value, src, file, depth + 1) })), node.s, node.e);
    case 'list':
      return jsonArray(node.items.map(i => toJson(i, src, file, depth + 1)), node.s, node.e);
    case 'ref': {
      if (node.name === 'true' || node.name === 'false') return jsonLiteral(node.name === 'true', node.s, node.e);
      if (node.name === 'null') return jsonLiteral(null, node.s, node.e);
      const target = file.values.get(node.name);
      if (target && depth < MAX_RESOLVE_DEPTH && (file.vars.has(node.name) || target.k === 'obj' || target.k === 'list')) return toJson(target, src, file, depth + 1);
      return expression();
    }
    default: {
      const text = src.substring(node.s, node.e);
      return /^-?\d+$/.test(text) ? jsonLiteral(Number(text), node.s, node.e) : expression();
    }
  }
}

/** Every object in a value, through lists and properties. */
function objectsIn(root: Node): ObjNode[] {
  const out: ObjNode[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.k === 'list') stack.push(...node.items);
    if (node.k !== 'obj') continue;
    out.push(node);
    for (const p of node.props) stack.push(p.value);
  }
  return out;
}

const POLICY_ROOT = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:policies|fragment)[\s>/]/;

/**
 * A module parameter object `{ format: 'xml' | 'rawxml', value: '<policies>…' }` (the shape the
 * APIM modules take): checked without a scope, since the module decides where it goes.
 */
function collectModulePolicy(node: ObjNode, values: Map<string, Node>, out: EmbeddedPolicy[]): void {
  const format = literal(prop(node, 'format'))?.toLowerCase();
  const valueNode = prop(node, 'value');
  if (!valueNode || (format !== 'xml' && format !== 'rawxml')) return;
  const value = evaluate(valueNode, values, 0);
  if (value.kind !== 'text' || !POLICY_ROOT.test(value.text.text.substring(0, 4096))) return;
  out.push({
    resource: 'module parameter', type: 'module parameter', scope: undefined, format,
    resourceStart: node.s, resourceEnd: node.s + 1, valueStart: valueNode.s, valueEnd: valueNode.e, value,
  });
}

/**
 * A module parameter `namedValues: [{ displayName, name, value, secret }]` (the APIM modules'
 * shape), the list written there or in a `var` / `param` default; one that is not readable stands
 * for named values whose names are not known.
 */
function collectModuleNamedValues(src: string, node: ObjNode, values: Map<string, Node>, out: IacNamedValue[]): void {
  const written = prop(node, 'namedValues');
  if (!written) return;
  const list = follow(written, values);
  if (list?.k !== 'list') {
    out.push(unreadableNamedValue(written));
    return;
  }
  for (const item of list.items) {
    const entry = follow(item, values);
    out.push(entry?.k === 'obj' ? namedValueOf(src, entry, prop(entry, 'name'), entry, values) : unreadableNamedValue(item));
  }
}

function unreadableNamedValue(at: Node): IacNamedValue {
  return { name: undefined, displayName: undefined, value: undefined, secret: false, keyVaultSecret: undefined, start: at.s, end: at.e };
}

/** A node with `var` / `param` names followed to what they stand for (undefined when not known). */
function follow(node: Node, values: Map<string, Node>): Node | undefined {
  let cur: Node | undefined = node;
  for (let depth = 0; cur?.k === 'ref' && depth < MAX_RESOLVE_DEPTH; depth++) cur = values.get(cur.name);
  return cur?.k === 'ref' ? undefined : cur;
}

/** `fields` holds displayName, value, secret, keyVault (a resource's `properties`, or a module entry). */
function namedValueOf(src: string, fields: Node | undefined, nameNode: Node | undefined, head: { s: number; e: number }, values: Map<string, Node>): IacNamedValue {
  const displayNode = prop(fields, 'displayName');
  const valueNode = prop(fields, 'value');
  const secretNode = prop(fields, 'secret');
  const keyVault = prop(prop(fields, 'keyVault'), 'secretIdentifier');
  return {
    name: nameNode && lastSegment(evaluate(nameNode, values, 0)),
    displayName: displayNode && plainText(evaluate(displayNode, values, 0)),
    value: valueNode && plainText(evaluate(valueNode, values, 0)),
    secret: secretNode?.k === 'ref' && secretNode.name === 'true',
    keyVaultSecret: keyVault && (plainText(evaluate(keyVault, values, 0)) ?? src.substring(keyVault.s, keyVault.e)),
    start: (displayNode ?? head).s,
    end: (displayNode ?? head).e,
  };
}
