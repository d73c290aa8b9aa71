/**
 * APIM policies in Terraform (HCL) files: a small tokenizer (quoted templates with escapes and
 * `${…}` / `%{…}` holes, heredocs `<<ID` / `<<-ID`, comments, brackets) and a tolerant parser of
 * blocks and attributes. Finds the azurerm policy resources and `azapi_resource` of the APIM
 * policy types. Never throws; one pass, nesting bounded by MAX_NESTING.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import {
  isBackendType, isNamedValueType, isWorkflowType, lastSegment, mappedTextBuilder, MAX_NESTING, MAX_RESOLVE_DEPTH, plainText, scopeOfResourceType,
  type EmbeddedPolicy, type IacBackend, type IacFileModel, type IacLogicApp, type IacNamedValue, type MappedText, type MappedTextBuilder,
  type PolicyValue,
} from './policySource';
import type { PolicyScope } from '../apiopsLayout';
import { CLOSE, ExprParser, OPEN, type ExprNode, type ExprSyntax, type Tok } from './exprParser';
import { identifiersIn, jsonArray, jsonExpression, jsonLiteral, jsonObject, jsonString } from './jsonShape';

interface ObjNode { k: 'obj'; s: number; e: number; props: Array<{ key: string; value: Node }> }
interface CallNode { k: 'call'; s: number; e: number; name: string; args: Node[] }
interface ListNode { k: 'list'; s: number; e: number; items: Node[] }
type TerraformNode = ObjNode | CallNode | ListNode;
type Node = ExprNode<TerraformNode>;

interface Block {
  type: string;
  labels: string[];
  s: number;
  e: number;
  attrs: Array<{ key: string; value: Node }>;
  blocks: Block[];
}

/** From inside `${` or `%{`: the offset after the matching `}` (nested braces and strings skipped). */
function skipTemplateSequence(src: string, i: number, limit: number): number {
  let level = 0;
  let j = i;
  let inString = false;
  while (j < limit) {
    const c = src[j];
    if (inString) {
      if (c === '\\') j++;
      else if (c === '"') inString = false;
      else if (c === '\n') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{') {
      level++;
    } else if (c === '}') {
      if (level === 0) return j + 1;
      level--;
    }
    j++;
  }
  return j;
}

/**
 * Template text from `from` to `to`: `${…}` and `%{…}` are holes, `$${` and `%%{` stand for
 * `${` and `%{`; with `quoted`, backslash escapes apply and `"` ends the text (its offset returned).
 */
function scanTemplate(src: string, from: number, to: number, quoted: boolean, b: MappedTextBuilder): number {
  let j = from;
  const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
  while (j < to) {
    const c = src[j];
    if (quoted && (c === '"' || c === '\n')) return j;
    if (quoted && c === '\\' && j + 1 < to) {
      const e = src[j + 1];
      if (simple[e] !== undefined) {
        b.char(simple[e], j, j + 2);
        j += 2;
        continue;
      }
      const hex = e === 'u' ? 4 : e === 'U' ? 8 : 0;
      const digits = hex ? src.substring(j + 2, j + 2 + hex) : '';
      if (hex && /^[0-9a-fA-F]+$/.test(digits) && digits.length === hex) {
        const code = parseInt(digits, 16);
        if (code <= 0x10ffff) {
          for (const unit of String.fromCodePoint(code).split('')) b.char(unit, j, j + 2 + hex);
          j += 2 + hex;
          continue;
        }
      }
    }
    if ((c === '$' || c === '%') && src[j + 1] === c && src[j + 2] === '{') {
      b.char(c, j, j + 2);
      b.char('{', j + 2, j + 3);
      j += 3;
      continue;
    }
    if ((c === '$' || c === '%') && src[j + 1] === '{') {
      const end = skipTemplateSequence(src, j + 2, to);
      b.hole(j, end);
      j = end;
      continue;
    }
    b.char(c, j, j + 1);
    j++;
  }
  return j;
}

/** A whole file read as a Terraform template (what `templatefile` renders): holes and `$${` escapes. */
export function readTemplateFile(text: string): MappedText {
  const b = mappedTextBuilder();
  scanTemplate(text, 0, text.length, false, b);
  return b.done();
}

/** `<<ID` / `<<-ID` at `i`: the body as text (indentation stripped for `<<-`) and where it ends. */
function scanHeredoc(src: string, i: number): { end: number; text: MappedText } | undefined {
  const m = /^<<(-?)([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(src.substring(i, i + 200));
  if (!m) return undefined;
  const strip = m[1] === '-';
  const id = m[2];
  const lines: Array<{ s: number; e: number }> = [];
  let at = i + m[0].length;
  let end = src.length;
  while (at < src.length) {
    const nl = src.indexOf('\n', at);
    const lineEnd = nl < 0 ? src.length : nl;
    const content = src.substring(at, lineEnd).replace(/\r$/, '');
    if (content.trim() === id) {
      end = at + content.length;
      break;
    }
    lines.push({ s: at, e: nl < 0 ? src.length : nl + 1 });
    at = lineEnd + 1;
  }
  let indent = 0;
  if (strip) {
    indent = Infinity;
    for (const l of lines) {
      const line = src.substring(l.s, l.e);
      if (line.trim() === '') continue;
      indent = Math.min(indent, /^[ \t]*/.exec(line)![0].length);
    }
    if (!Number.isFinite(indent)) indent = 0;
  }
  const b = mappedTextBuilder();
  for (const l of lines) {
    let s = l.s;
    for (let k = 0; k < indent && s < l.e && (src[s] === ' ' || src[s] === '\t'); k++) s++;
    scanTemplate(src, s, l.e, false, b);
  }
  // the line break before the closing marker belongs to the value; nothing after it does
  return { end, text: b.done() };
}

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '=>', '...', '::'];

function tokenizeTerraform(src: string): Tok[] {
  const toks: Tok[] = [];
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src[i];
    if (c === '\n') {
      toks.push({ k: 'nl', s: i, e: i + 1, v: '\n' });
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\ufeff') {
      i++;
    } else if (c === '#' || (c === '/' && src[i + 1] === '/')) {
      const nl = src.indexOf('\n', i);
      i = nl < 0 ? n : nl;
    } else if (c === '/' && src[i + 1] === '*') {
      const close = src.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else if (c === '"') {
      const b = mappedTextBuilder();
      const close = scanTemplate(src, i + 1, n, true, b);
      const end = src[close] === '"' ? close + 1 : close;
      toks.push({ k: 'str', s: i, e: end, v: '', t: b.done() });
      i = end;
    } else if (c === '<' && src[i + 1] === '<') {
      const h = scanHeredoc(src, i);
      const end = h ? h.end : i + 2;
      toks.push(h ? { k: 'str', s: i, e: end, v: '', t: h.text } : { k: 'p', s: i, e: end, v: '<<' });
      i = end;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w-]/.test(src[j])) j++;
      toks.push({ k: 'id', s: i, e: j, v: src.substring(i, j) });
      i = j;
    } else if (c >= '0' && c <= '9') {
      let j = i + 1;
      while (j < n && /[\w.]/.test(src[j])) j++;
      toks.push({ k: 'num', s: i, e: j, v: src.substring(i, j) });
      i = j;
    } else {
      const op = OPERATORS.find(o => src.startsWith(o, i)) ?? c;
      toks.push({ k: 'p', s: i, e: i + op.length, v: op });
      i += op.length;
    }
  }
  return toks;
}

const TERRAFORM_SYNTAX: ExprSyntax = {
  binary: new Set(['==', '!=', '<=', '>=', '&&', '||', '<', '>', '+', '-', '*', '/', '%']),
  member: new Set(['.']),
  listSeparators: new Set([',', '...']),
};

/** HCL's grammar on the shared core: function calls (provider ones too), objects, blocks. */
class TerraformParser extends ExprParser<TerraformNode> {
  constructor(toks: readonly Tok[]) {
    super(toks, TERRAFORM_SYNTAX);
  }

  /** `a.b`, `list.0`, `list.*` (splat). */
  protected override isMemberName(t: Tok): boolean {
    return t.k === 'id' || t.k === 'num' || (t.k === 'p' && t.v === '*');
  }

  protected override parseFormatPrimary(depth: number): Node {
    const t = this.peek();
    if (t.k === 'id') {
      this.next();
      // provider-defined functions: provider::name::function(…)
      let name = t.v;
      while (this.is('::') && this.peek(1).k === 'id') {
        this.next();
        name += '::' + this.next().v;
      }
      if (this.is('(')) {
        this.next();
        const args = this.parseList(')', depth);
        return { k: 'call', s: t.s, e: this.lastEnd(), name, args };
      }
      return { k: 'ref', s: t.s, e: t.e, name };
    }
    if (t.k === 'p' && t.v === '(') {
      this.next();
      const items = this.parseList(')', depth);
      return items.length === 1 ? items[0] : this.other(t.s, this.lastEnd());
    }
    if (t.k === 'p' && t.v === '{' && !(this.peek(1).k === 'id' && this.peek(1).v === 'for')) return this.parseObject(depth);
    if (t.k === 'p' && t.v === '[' && !(this.peek(1).k === 'id' && this.peek(1).v === 'for')) {
      this.next();
      const items = this.parseList(']', depth);
      return { k: 'list', s: t.s, e: this.lastEnd(), items };
    }
    if (t.k === 'p' && OPEN.has(t.v)) {
      this.skipBalanced();
      return this.other(t.s, this.lastEnd());
    }
    return this.parseStray();
  }

  private parseObject(depth: number): Node {
    const s = this.next().s;
    const props: Array<{ key: string; value: Node }> = [];
    while (!this.closes('}')) {
      const t = this.peek();
      if (t.k === 'p' && CLOSE.has(t.v)) break;
      if (t.k === 'p' && t.v === ',') {
        this.next();
        continue;
      }
      if ((t.k === 'id' || t.k === 'str') && (this.is('=', 1) || this.is(':', 1))) {
        this.next();
        this.next();
        this.skipNl();
        props.push({ key: t.k === 'id' ? t.v : t.t!.text, value: this.parseExpr(depth + 1) });
        continue;
      }
      const before = this.pos;
      this.parseExpr(depth + 1);
      if (this.pos === before) this.next();
    }
    return { k: 'obj', s, e: this.lastEnd(), props };
  }

  /** A body's attributes and blocks, up to its `}` (consumed) or the end. */
  parseBody(depth: number, blocks: Block[], attrs: Block['attrs']): void {
    while (!this.closes('}')) {
      const t = this.peek();
      if (t.k === 'id' && this.is('=', 1)) {
        this.next();
        this.next();
        this.skipNl();
        attrs.push({ key: t.v, value: this.parseExpr(depth + 1) });
        continue;
      }
      if (t.k === 'id') {
        // a block: type, labels, `{`
        let k = 1;
        while (this.peek(k).k === 'str' || this.peek(k).k === 'id') k++;
        if (this.is('{', k) && depth < MAX_NESTING) {
          const labels: string[] = [];
          for (let l = 1; l < k; l++) {
            const label = this.peek(l);
            labels.push(label.k === 'str' ? label.t!.text : label.v);
          }
          const head = { s: t.s, e: this.peek(k - 1).e };
          this.pos += k + 1;
          const block: Block = { type: t.v, labels, s: head.s, e: head.e, attrs: [], blocks: [] };
          this.parseBody(depth + 1, block.blocks, block.attrs);
          blocks.push(block);
          continue;
        }
      }
      // anything else: skip the line, brackets and all
      const before = this.pos;
      while (!this.atEnd() && this.peek().k !== 'nl' && !this.is('}')) this.skipBalanced();
      if (this.pos === before) this.next();
    }
  }
}

function parseTerraform(src: string): Block[] {
  const p = new TerraformParser(tokenizeTerraform(src));
  const top: Block[] = [];
  const attrs: Block['attrs'] = [];
  while (!p.atEnd()) p.parseBody(0, top, attrs);
  return top;
}

const AZURERM_SCOPES: Record<string, PolicyScope> = {
  azurerm_api_management_policy: 'global',
  azurerm_api_management_product_policy: 'product',
  azurerm_api_management_api_policy: 'api',
  azurerm_api_management_api_operation_policy: 'operation',
  azurerm_api_management_workspace_policy: 'workspace',
  azurerm_api_management_workspace_api_policy: 'api',
  azurerm_api_management_workspace_api_operation_policy: 'operation',
  azurerm_api_management_workspace_product_policy: 'product',
};
const FRAGMENT_TYPES = new Set(['azurerm_api_management_policy_fragment', 'azurerm_api_management_workspace_policy_fragment']);
const PASS_THROUGH = new Set(['replace', 'trimspace', 'chomp', 'trim', 'trimprefix', 'trimsuffix']);
const PATH_PREFIX = /^\$\{\s*path\.(?:module|root|cwd)\s*\}\/?/;

function attr(list: Array<{ key: string; value: Node }>, key: string): Node | undefined {
  return list.find(a => a.key === key)?.value;
}

function literal(node: Node | undefined): string | undefined {
  return node?.k === 'str' && node.t.holes.length === 0 ? node.t.text : undefined;
}

/** A file path argument: a literal, or one that starts with `${path.module}/`. */
function pathOf(node: Node | undefined, src: string): string | undefined {
  if (node?.k !== 'str') return undefined;
  const written = src.substring(node.s + 1, node.e - 1);
  const rest = written.replace(PATH_PREFIX, '');
  return /\$\{|%\{/.test(rest) ? undefined : literal({ ...node, t: node.t.holes.length ? { ...node.t, text: rest, holes: [] } : node.t });
}

function evaluate(node: Node | undefined, src: string, locals: Map<string, Node>, depth: number): PolicyValue {
  if (!node || depth > MAX_RESOLVE_DEPTH) return { kind: 'computed' };
  if (node.k === 'str') return { kind: 'text', text: node.t };
  if (node.k === 'ref' && node.name.startsWith('local.')) return evaluate(locals.get(node.name.substring(6)), src, locals, depth + 1);
  if (node.k !== 'call') return { kind: 'computed' };
  const first = node.args[0];
  if (node.name === 'file' || node.name === 'templatefile') {
    const path = pathOf(first, src);
    return path !== undefined && first ? { kind: 'file', path, template: node.name === 'templatefile', start: first.s, end: first.e } : { kind: 'computed' };
  }
  if (PASS_THROUGH.has(node.name)) return evaluate(first, src, locals, depth + 1);
  return { kind: 'computed' };
}

function objectOf(node: Node | undefined): Array<{ key: string; value: Node }> | undefined {
  if (node?.k === 'obj') return node.props;
  if (node?.k === 'call' && node.name === 'jsonencode') return objectOf(node.args[0]);
  return undefined;
}

/**
 * Every APIM policy resource of a Terraform file (azurerm policy resources, azapi_resource), and
 * the named values it defines.
 */
export function readTerraform(src: string): IacFileModel {
  const blocks = parseTerraform(src);
  const locals = new Map<string, Node>();
  for (const b of blocks) if (b.type === 'locals') for (const a of b.attrs) locals.set(a.key, a.value);
  const policies: EmbeddedPolicy[] = [];
  const namedValues: IacNamedValue[] = [];
  const backends: Array<{ backend: IacBackend; url: Node | undefined }> = [];
  const linkedValues: Array<{ nv: IacNamedValue; value: Node }> = [];
  const logicApps: IacLogicApp[] = [];
  /** Trigger resources by address: the `logic_app_id` value that names their workflow. */
  const triggers = new Map<string, Node>();
  const text = (node: Node | undefined) => (node ? plainText(evaluate(node, src, locals, 0)) : undefined);
  const backend = (nameNode: Node | undefined, url: Node | undefined, description: Node | undefined, head: { s: number; e: number }) => backends.push({
    backend: { name: nameNode && lastSegment(evaluate(nameNode, src, locals, 0)), url: text(url), description: text(description), start: (url ?? head).s, end: (url ?? head).e },
    url,
  });
  for (const b of blocks) {
    if (b.type !== 'resource' || b.labels.length < 2) continue;
    const [type, name] = b.labels;
    const base = { resource: `${type}.${name}`, type, resourceStart: b.s, resourceEnd: b.e };
    const push = (scope: PolicyScope, format: string | undefined, valueNode: Node) => policies.push({
      ...base, scope, format, valueStart: valueNode.s, valueEnd: valueNode.e, value: evaluate(valueNode, src, locals, 0),
      name: text(attr(b.attrs, 'name')),
    });
    if (type === 'azurerm_api_management_backend') {
      backend(attr(b.attrs, 'name'), attr(b.attrs, 'url'), attr(b.attrs, 'description'), b);
      continue;
    }
    if (type === 'azurerm_logic_app_workflow') {
      logicApps.push({ key: base.resource, name: text(attr(b.attrs, 'name')), start: b.s, end: b.e, resource: azurermWorkflow(b, src) });
      continue;
    }
    if (type === 'azurerm_logic_app_trigger_http_request') {
      const owner = attr(b.attrs, 'logic_app_id');
      if (owner) triggers.set(base.resource, owner);
      continue;
    }
    const scope = AZURERM_SCOPES[type];
    if (scope) {
      const content = attr(b.attrs, 'xml_content');
      const link = attr(b.attrs, 'xml_link');
      if (content) push(scope, 'xml_content', content);
      else if (link) push(scope, 'xml_link', link);
    } else if (FRAGMENT_TYPES.has(type)) {
      const value = attr(b.attrs, 'value');
      if (value) push('fragment', literal(attr(b.attrs, 'format'))?.toLowerCase(), value);
    } else if (type === 'azurerm_api_management_named_value') {
      const display = attr(b.attrs, 'display_name');
      const secret = attr(b.attrs, 'secret');
      const keyVault = b.blocks.find(k => k.type === 'value_from_key_vault');
      const secretId = keyVault && attr(keyVault.attrs, 'secret_id');
      const nv: IacNamedValue = {
        name: text(attr(b.attrs, 'name')), displayName: text(display), value: text(attr(b.attrs, 'value')),
        secret: secret?.k === 'ref' && secret.name === 'true',
        keyVaultSecret: secretId && (text(secretId) ?? src.substring(secretId.s, secretId.e)),
        start: display?.s ?? b.s, end: display?.e ?? b.e,
      };
      namedValues.push(nv);
      const value = attr(b.attrs, 'value');
      if (value && nv.value === undefined) linkedValues.push({ nv, value });
    } else if (type === 'azapi_resource') {
      const apiType = literal(attr(b.attrs, 'type'));
      const properties = objectOf(attr(objectOf(attr(b.attrs, 'body')) ?? [], 'properties'));
      if (apiType && isBackendType(apiType)) {
        backend(attr(b.attrs, 'name'), properties && attr(properties, 'url'), properties && attr(properties, 'description'), b);
        continue;
      }
      if (apiType && isWorkflowType(apiType)) {
        const propsNode = bodyProperties(attr(b.attrs, 'body'));
        const resource = jsonObject([
          { key: 'type', value: jsonString('Microsoft.Logic/workflows', b.s, b.e) },
          ...(propsNode ? [{ key: 'properties', value: toJson(propsNode, src, 0) }] : []),
        ], b.s, b.e);
        logicApps.push({ key: base.resource, name: text(attr(b.attrs, 'name')), start: b.s, end: b.e, resource });
        continue;
      }
      if (apiType && isNamedValueType(apiType)) {
        const display = properties && attr(properties, 'displayName');
        const value = properties && attr(properties, 'value');
        const secret = properties && attr(properties, 'secret');
        const nameNode = attr(b.attrs, 'name');
        namedValues.push({
          name: nameNode && lastSegment(evaluate(nameNode, src, locals, 0)), displayName: text(display), value: text(value),
          secret: secret?.k === 'ref' && secret.name === 'true', keyVaultSecret: undefined,
          start: display?.s ?? b.s, end: display?.e ?? b.e,
        });
        continue;
      }
      const azScope = apiType ? scopeOfResourceType(apiType) : undefined;
      const value = properties && attr(properties, 'value');
      if (azScope && properties && value) push(azScope, literal(attr(properties, 'format'))?.toLowerCase(), value);
    }
  }
  const linkOf = (node: Node | undefined) => (node ? workflowReferenced(src, node, locals, logicApps, triggers) : undefined);
  for (const x of backends) x.backend.workflow = linkOf(x.url);
  for (const v of linkedValues) v.nv.workflow = linkOf(v.value);
  policies.sort((a, b) => a.valueStart - b.valueStart);
  namedValues.sort((a, b) => a.start - b.start);
  return { policies, namedValues, backends: backends.map(x => x.backend).sort((a, b) => a.start - b.start), logicApps };
}

/** The `properties` object node of an azapi body (an object, or `jsonencode` of one). */
function bodyProperties(body: Node | undefined): Node | undefined {
  const inner = body?.k === 'call' && body.name === 'jsonencode' ? body.args[0] : body;
  return inner?.k === 'obj' ? inner.props.find(p => p.key === 'properties')?.value : undefined;
}

/**
 * The workflow a value (a backend URL, a named value) is computed from: it references the
 * workflow's address (`azurerm_logic_app_workflow.la.access_endpoint`) or that of one of its HTTP
 * request triggers (`azurerm_logic_app_trigger_http_request.t.callback_url`). Locals are followed.
 */
function workflowReferenced(src: string, node: Node, locals: Map<string, Node>, logicApps: IacLogicApp[], triggers: Map<string, Node>): string | undefined {
  if (logicApps.length === 0) return undefined;
  const refs = new Set<string>();
  const queue: Node[] = [node];
  for (let steps = 0; queue.length && steps < MAX_RESOLVE_DEPTH; steps++) {
    const n = queue.pop()!;
    for (const ref of identifiersIn(src.substring(n.s, n.e), true)) {
      if (refs.has(ref)) continue;
      refs.add(ref);
      const local = /^local\.([\w-]+)/.exec(ref);
      const target = local ? locals.get(local[1]) : undefined;
      if (target) queue.push(target);
    }
  }
  const names = (address: string, among: Iterable<string>) => [...among].some(r => r === address || r.startsWith(address + '.'));
  for (const app of logicApps) {
    if (names(app.key, refs)) return app.key;
    for (const [trigger, owner] of triggers) {
      if (names(trigger, refs) && names(app.key, identifiersIn(src.substring(owner.s, owner.e), true))) return app.key;
    }
  }
  return undefined;
}

/**
 * `azurerm_logic_app_workflow` in the JSON shape of a workflow resource: its `access_control`
 * block's `trigger` (`open_authentication_policy` blocks of `claim` blocks) becomes
 * `properties.accessControl.triggers.openAuthenticationPolicies`.
 */
function azurermWorkflow(b: Block, src: string): JsonNode {
  const props: Array<{ key: string; value: JsonNode }> = [];
  const access = b.blocks.find(x => x.type === 'access_control');
  const trigger = access?.blocks.find(x => x.type === 'trigger');
  if (access && trigger) {
    const policies = trigger.blocks.filter(x => x.type === 'open_authentication_policy').map(p => {
      const nameNode = attr(p.attrs, 'name');
      const claims = p.blocks.filter(c => c.type === 'claim').map(c => {
        const fields = (['name', 'value'] as const).flatMap(k => {
          const v = attr(c.attrs, k);
          return v ? [{ key: k, value: toJson(v, src, 0) }] : [];
        });
        return jsonObject(fields, c.s, c.e);
      });
      return {
        key: literal(nameNode) ?? (nameNode ? src.substring(nameNode.s, nameNode.e) : `policy ${p.s}`),
        value: jsonObject([{ key: 'type', value: jsonString('AAD', p.s, p.e) }, { key: 'claims', value: jsonArray(claims, p.s, p.e) }], p.s, p.e),
      };
    });
    const open = jsonObject([{ key: 'policies', value: jsonObject(policies, trigger.s, trigger.e) }], trigger.s, trigger.e);
    props.push({ key: 'accessControl', value: jsonObject([{ key: 'triggers', value: jsonObject([{ key: 'openAuthenticationPolicies', value: open }], trigger.s, trigger.e) }], access.s, access.e) });
  } else if (access) {
    props.push({ key: 'accessControl', value: jsonObject([], access.s, access.e) });
  }
  return jsonObject([
    { key: 'type', value: jsonString('Microsoft.Logic/workflows', b.s, b.e) },
    { key: 'properties', value: jsonObject(props, b.s, b.e) },
  ], b.s, b.e);
}

/** A Terraform value in the shape of JSON for the flow readers; anything computed is a deploy-time expression. */
function toJson(node: Node, src: string, depth: number): JsonNode {
  const expression = () => jsonExpression(src.substring(node.s, node.e), node.s, node.e);
  if (depth > MAX_NESTING) return expression();
  switch (node.k) {
    case 'str':
      return node.t.holes.length === 0 ? jsonString(node.t.text, node.s, node.e) : expression();
    case 'obj':
      return jsonObject(node.props.map(p => ({ key: p.key, value: toJson(p.value, src, depth + 1) })), node.s, node.e);
    case 'list':
      return jsonArray(node.items.map(i => toJson(i, src, depth + 1)), node.s, node.e);
    case 'call':
      return node.name === 'jsonencode' && node.args[0] ? toJson(node.args[0], src, depth + 1) : expression();
    case 'ref':
      if (node.name === 'true' || node.name === 'false') return jsonLiteral(node.name === 'true', node.s, node.e);
      return node.name === 'null' ? jsonLiteral(null, node.s, node.e) : expression();
    default: {
      const text = src.substring(node.s, node.e);
      return /^-?\d+$/.test(text) ? jsonLiteral(Number(text), node.s, node.e) : expression();
    }
  }
}
