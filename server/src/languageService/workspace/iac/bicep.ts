/**
 * APIM policies in Bicep files: a small tokenizer (strings with escapes and `${…}` holes, `'''`
 * strings, comments, brackets) and a tolerant parser of the declarations and values that matter:
 * `resource` (nested ones take their parent's type), `var`, `param` defaults and `module` params.
 * Never throws; one pass over the text, nesting bounded by MAX_NESTING.
 */
import {
  childResourceType, mappedTextBuilder, MAX_NESTING, MAX_RESOLVE_DEPTH, scopeOfResourceType, verbatim,
  type EmbeddedPolicy, type MappedText, type PolicyValue,
} from './policySource';

interface Tok {
  k: 'id' | 'str' | 'p' | 'nl' | 'num';
  s: number;
  e: number;
  v: string;
  t?: MappedText;
}

type Node =
  | { k: 'str'; s: number; e: number; t: MappedText }
  | { k: 'obj'; s: number; e: number; props: Array<{ key: string; value: Node }>; resources: Decl[] }
  | { k: 'call'; s: number; e: number; name: string; args: Node[] }
  | { k: 'ref'; s: number; e: number; name: string }
  | { k: 'list'; s: number; e: number; items: Node[] }
  | { k: 'other'; s: number; e: number };

interface Decl {
  name: string;
  type: string;
  s: number;
  e: number;
  body: Node | undefined;
}

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '??', '=>', '=~', '!~', '?.', '.?'];
const BINARY = new Set(['==', '!=', '<=', '>=', '&&', '||', '??', '=~', '!~', '<', '>', '+', '-', '*', '/', '%']);

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

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

/** The parser over the tokens; each step consumes at least one token or stops at a closer. */
function createParser(toks: Tok[]) {
  let pos = 0;
  const eof: Tok = { k: 'p', s: toks.length ? toks[toks.length - 1].e : 0, e: toks.length ? toks[toks.length - 1].e : 0, v: '' };
  const peek = (k = 0): Tok => toks[pos + k] ?? eof;
  const next = (): Tok => toks[pos++] ?? eof;
  const atEnd = () => pos >= toks.length;
  const is = (v: string, k = 0) => {
    const t = peek(k);
    return (t.k === 'p' || t.k === 'id') && t.v === v;
  };
  const skipNl = () => {
    while (peek().k === 'nl') pos++;
  };
  /** Skips one token, or a whole bracketed group when it opens one (iteratively). */
  const skipBalanced = () => {
    const first = next();
    if (first.k !== 'p' || !OPEN.has(first.v)) return;
    let level = 1;
    while (!atEnd() && level > 0) {
      const t = next();
      if (t.k !== 'p') continue;
      if (OPEN.has(t.v)) level++;
      else if (CLOSE.has(t.v)) level--;
    }
  };
  const skipLine = () => {
    while (!atEnd() && peek().k !== 'nl') {
      if (peek().k === 'p' && CLOSE.has(peek().v)) {
        pos++;
        continue;
      }
      skipBalanced();
    }
  };
  const other = (s: number, e: number): Node => ({ k: 'other', s, e });
  const lastEnd = () => (pos > 0 ? toks[pos - 1].e : 0);

  function parseExpr(depth: number): Node {
    if (depth > MAX_NESTING) {
      const s = peek().s;
      skipBalanced();
      return other(s, lastEnd());
    }
    let left = parseUnary(depth);
    for (;;) {
      const t = peek();
      if (t.k === 'p' && BINARY.has(t.v)) {
        next();
        skipNl();
        parseUnary(depth + 1);
        left = other(left.s, lastEnd());
      } else if (t.k === 'p' && t.v === '?') {
        next();
        skipNl();
        parseExpr(depth + 1);
        skipNl();
        if (is(':')) next();
        skipNl();
        parseExpr(depth + 1);
        left = other(left.s, lastEnd());
      } else {
        return left;
      }
    }
  }

  function parseUnary(depth: number): Node {
    const t = peek();
    if (t.k === 'p' && (t.v === '!' || t.v === '-')) {
      next();
      parseUnary(depth + 1);
      return other(t.s, lastEnd());
    }
    return parsePostfix(parsePrimary(depth), depth);
  }

  function parsePostfix(node: Node, depth: number): Node {
    let cur = node;
    for (;;) {
      const t = peek();
      if (t.k === 'p' && (t.v === '.' || t.v === '?.' || t.v === '.?') && peek(1).k === 'id') {
        next();
        const id = next();
        cur = cur.k === 'ref' ? { k: 'ref', s: cur.s, e: id.e, name: `${cur.name}.${id.v}` } : other(cur.s, id.e);
      } else if (t.k === 'p' && t.v === '(' && cur.k === 'ref') {
        next();
        const args = parseList(')', depth);
        cur = { k: 'call', s: cur.s, e: lastEnd(), name: cur.name, args };
      } else if (t.k === 'p' && t.v === '[') {
        next();
        parseList(']', depth);
        cur = other(cur.s, lastEnd());
      } else if (t.k === 'p' && t.v === '!') {
        next();
      } else {
        return cur;
      }
    }
  }

  /** Items up to the closer (consumed), separated by commas and/or line breaks. */
  function parseList(closer: string, depth: number): Node[] {
    const items: Node[] = [];
    for (;;) {
      skipNl();
      if (atEnd()) return items;
      const t = peek();
      if (t.k === 'p' && t.v === closer) {
        next();
        return items;
      }
      if (t.k === 'p' && t.v === ',') {
        next();
        continue;
      }
      if (t.k === 'p' && CLOSE.has(t.v)) return items;
      const before = pos;
      items.push(parseExpr(depth + 1));
      if (pos === before) next();
    }
  }

  function parsePrimary(depth: number): Node {
    const t = peek();
    if (t.k === 'str') {
      next();
      return { k: 'str', s: t.s, e: t.e, t: t.t! };
    }
    if (t.k === 'num') {
      next();
      return other(t.s, t.e);
    }
    if (t.k === 'id') {
      next();
      if (is('=>')) {
        next();
        skipNl();
        parseExpr(depth + 1);
        return other(t.s, lastEnd());
      }
      return { k: 'ref', s: t.s, e: t.e, name: t.v };
    }
    if (t.k === 'p' && t.v === '(') {
      next();
      const items = parseList(')', depth);
      if (is('=>')) {
        next();
        skipNl();
        parseExpr(depth + 1);
        return other(t.s, lastEnd());
      }
      return items.length === 1 ? items[0] : other(t.s, lastEnd());
    }
    if (t.k === 'p' && t.v === '{') return parseObject(depth);
    if (t.k === 'p' && t.v === '[') {
      if (is('for', 1)) return parseFor(depth);
      next();
      const items = parseList(']', depth);
      return { k: 'list', s: t.s, e: lastEnd(), items };
    }
    if (t.k === 'p' && !CLOSE.has(t.v) && t.v !== ',' && t.v !== '') next();
    return other(t.s, t.e);
  }

  /** `[for x in y: body]` (body may be `if (c) {…}`): the body stands for every item. */
  function parseFor(depth: number): Node {
    const s = next().s;
    next();
    while (!atEnd() && !is(':') && !is(']')) skipBalanced();
    if (is(':')) next();
    skipNl();
    const body = parseConditional(depth);
    skipNl();
    while (!atEnd() && !is(']')) skipBalanced();
    if (is(']')) next();
    return { k: 'list', s, e: lastEnd(), items: [body] };
  }

  function parseConditional(depth: number): Node {
    if (is('if') && is('(', 1)) {
      next();
      skipBalanced();
      skipNl();
    }
    return parseExpr(depth + 1);
  }

  function parseObject(depth: number): Node {
    const s = next().s;
    const props: Array<{ key: string; value: Node }> = [];
    const resources: Decl[] = [];
    for (;;) {
      skipNl();
      if (atEnd()) break;
      const t = peek();
      if (t.k === 'p' && t.v === '}') {
        next();
        break;
      }
      if (t.k === 'p' && (t.v === ']' || t.v === ')')) break;
      if (t.k === 'p' && t.v === ',') {
        next();
        continue;
      }
      if (t.k === 'p' && t.v === '@') {
        next();
        parsePostfix(parsePrimary(depth + 1), depth + 1);
        continue;
      }
      if (t.k === 'id' && t.v === 'resource' && peek(1).k === 'id' && peek(2).k === 'str') {
        resources.push(parseResource(depth + 1));
        continue;
      }
      if ((t.k === 'id' || t.k === 'str') && is(':', 1)) {
        next();
        next();
        skipNl();
        const key = t.k === 'id' ? t.v : t.t!.text;
        props.push({ key, value: parseExpr(depth + 1) });
        continue;
      }
      skipBalanced();
    }
    return { k: 'obj', s, e: lastEnd(), props, resources };
  }

  /** `resource name 'type@version' [existing] = value`; the parent type is joined later. */
  function parseResource(depth: number): Decl {
    const head = next();
    const name = next().v;
    const typeTok = next();
    const type = typeTok.t?.text ?? '';
    const decl: Decl = { name, type, s: head.s, e: typeTok.e, body: undefined };
    while (!atEnd() && peek().k !== 'nl' && !is('=')) next();
    if (!is('=')) return decl;
    next();
    skipNl();
    const value = parseConditional(depth);
    decl.body = value.k === 'list' && value.items.length === 1 ? value.items[0] : value;
    return decl;
  }

  return { parseExpr, parseResource, skipLine, skipNl, peek, next, atEnd, is };
}

interface BicepFile {
  resources: Decl[];
  modules: Node[];
  values: Map<string, Node>;
}

function parseBicep(src: string): BicepFile {
  const p = createParser(tokenizeBicep(src));
  const file: BicepFile = { resources: [], modules: [], values: new Map() };
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

/** Every APIM policy resource of a Bicep file, nested ones included, and policies passed to modules. */
export function extractBicepPolicies(src: string): EmbeddedPolicy[] {
  const file = parseBicep(src);
  const out: EmbeddedPolicy[] = [];
  const walk: Array<{ decl: Decl; parentType: string | undefined }> = file.resources.map(decl => ({ decl, parentType: undefined }));
  while (walk.length) {
    const { decl, parentType } = walk.pop()!;
    const type = childResourceType(parentType, decl.type);
    const body = decl.body;
    if (body?.k === 'obj') for (const r of body.resources) walk.push({ decl: r, parentType: type });
    const scope = scopeOfResourceType(type);
    if (!scope) continue;
    const properties = prop(body, 'properties');
    const valueNode = prop(properties, 'value') ?? prop(properties, 'policyContent');
    if (!valueNode) continue;
    const format = literal(prop(properties, 'format') ?? prop(properties, 'contentFormat'))?.toLowerCase();
    out.push({
      resource: decl.name, type, scope, format,
      resourceStart: decl.s, resourceEnd: decl.e, valueStart: valueNode.s, valueEnd: valueNode.e,
      value: evaluate(valueNode, file.values, 0),
    });
  }
  for (const m of file.modules) collectModulePolicies(m, file.values, out);
  return out.sort((a, b) => a.valueStart - b.valueStart);
}

const POLICY_ROOT = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:policies|fragment)[\s>/]/;

/**
 * A module parameter object `{ format: 'xml' | 'rawxml', value: '<policies>…' }` (the shape the
 * APIM modules take): checked without a scope, since the module decides where it goes.
 */
function collectModulePolicies(root: Node, values: Map<string, Node>, out: EmbeddedPolicy[]): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.k === 'list') stack.push(...node.items);
    if (node.k !== 'obj') continue;
    for (const p of node.props) stack.push(p.value);
    const format = literal(prop(node, 'format'))?.toLowerCase();
    const valueNode = prop(node, 'value');
    if (!valueNode || (format !== 'xml' && format !== 'rawxml')) continue;
    const value = evaluate(valueNode, values, 0);
    if (value.kind !== 'text' || !POLICY_ROOT.test(value.text.text.substring(0, 4096))) continue;
    out.push({
      resource: 'module parameter', type: 'module parameter', scope: undefined, format,
      resourceStart: node.s, resourceEnd: node.s + 1, valueStart: valueNode.s, valueEnd: valueNode.e, value,
    });
  }
}
