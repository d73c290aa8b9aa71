/**
 * What an expression's tokens say: the member chains that start at `context` (or at a local or a
 * cast of a modelled type) with the type of each step, the variables read, the .NET types named,
 * and whether a code block returns. Shared by the diagnostics, completion and hover.
 *
 * Offsets are positions in the expression's source text (see expressionSource.ts).
 */
import { isNamespaceRoot, judgeQualifiedName, judgeSimpleName, type TypeVerdict } from './allowedTypes';
import { CONTEXT_TYPE, findMember, getType, memberResultType, VARIABLES_TYPE, type MemberInfo, type TypeInfo } from './contextModel';
import { matchBrackets, Tok, tokenize, type Token } from './tokens';

export interface MemberUse {
  start: number;
  end: number;
  name: string;
  owner: TypeInfo;
  /** Undefined when `owner` has no such member. */
  member: MemberInfo | undefined;
}

export interface VariableUse {
  name: string;
  /** The name inside the string literal. */
  start: number;
  end: number;
  /** Read through `ContainsKey`, `TryGetValue` or `GetValueOrDefault` with a default: fine when unset. */
  guarded: boolean;
}

export interface TypeUse {
  start: number;
  end: number;
  verdict: TypeVerdict;
}

/** What the text ends in, for completion at its end (the cursor). */
export type OpenSlot =
  | { kind: 'member'; type: TypeInfo; start: number }
  | { kind: 'variable'; start: number; quoted: boolean; generic: boolean }
  | { kind: 'value'; values: readonly string[]; start: number; quoted: boolean }
  | { kind: 'identifier'; start: number };

export interface ExpressionFacts {
  tokens: Token[];
  members: MemberUse[];
  variables: VariableUse[];
  types: TypeUse[];
  /** `context` identifiers. */
  contextRefs: Array<{ start: number; end: number }>;
  /** Locals whose type we know (`var r = (IResponse)context.Variables["r"];`). */
  locals: Map<string, string>;
  hasReturn: boolean;
  hasThrow: boolean;
  /** `while (true)` or `for (;;)`: a block that need not return. */
  loopsForever: boolean;
  /** Character literals with more than one character (`'Retry-After'`). */
  longCharLiterals: Token[];
  open?: OpenSlot;
}

const VARIABLE_METHODS = new Set(['GetValueOrDefault', 'ContainsKey', 'TryGetValue']);
/** After these the next token starts an operand, so an identifier may be typed there. */
const OPERAND_EXPECTED = new Set(['(', '[', '{', ',', '=', '==', '!=', '+', '-', '*', '/', '%', '!', '&&', '||', '??', '?', ':', '<', '>', '<=', '>=', '=>', ';', '+=', '-=', 'return']);

/**
 * Facts of C# source `s`. `original` is the same text before named values were masked (same
 * length): string values (variable names) are read from it.
 */
export function expressionFacts(s: string, original: string = s): ExpressionFacts {
  const t = tokenize(s);
  const n = t.length;
  const match = matchBrackets(s, t);
  const facts: ExpressionFacts = {
    tokens: t, members: [], variables: [], types: [], contextRefs: [], locals: new Map(),
    hasReturn: false, hasThrow: false, loopsForever: false, longCharLiterals: [],
  };
  const text = (k: number) => (k >= 0 && k < n ? s.substring(t[k].start, t[k].end) : '');
  const isP = (k: number, p: string) => k >= 0 && k < n && t[k].kind === Tok.Punct && t[k].end - t[k].start === p.length && s.startsWith(p, t[k].start);
  const isIdent = (k: number, name?: string) => k >= 0 && k < n && t[k].kind === Tok.Ident && (name === undefined || text(k) === name);
  const atEnd = (k: number) => k >= n;
  const declared = declaredNames(s, t, match);

  /** `<…>` type arguments starting at `k`: index of the closing `>`, or -1 (type arguments are short). */
  const closeAngle = (k: number): number => {
    let depth = 0;
    for (let j = k; j < n && j < k + 64; j++) {
      const tok = t[j];
      if (tok.kind === Tok.Ident) continue;
      if (tok.kind !== Tok.Punct) return -1;
      const p = text(j);
      if (p === '<') depth++;
      else if (p === '>') {
        depth--;
        if (depth === 0) return j;
      } else if (p !== '.' && p !== ',' && p !== '[' && p !== ']' && p !== '?' && p !== '(' && p !== ')') return -1;
    }
    return -1;
  };
  const typeText = (from: number, to: number) => s.substring(t[from].start, t[to].end).replace(/\s+/g, '').replace(/,/g, ', ');

  /** The first argument of a variable read, `from` being the token after `(` or `[`. */
  const variableArgument = (from: number, generic: boolean, guardedCall: boolean, withDefault: boolean) => {
    if (atEnd(from)) {
      facts.open = { kind: 'variable', start: s.length, quoted: false, generic };
      return;
    }
    const tok = t[from];
    if (tok.kind !== Tok.String || s.charCodeAt(tok.start) === 36 /* $ */) return;
    if (tok.open && from === n - 1) {
      facts.open = { kind: 'variable', start: tok.valueStart, quoted: true, generic };
      return;
    }
    const defaulted = withDefault && isP(from + 1, ',');
    facts.variables.push({ name: original.substring(tok.valueStart, tok.valueEnd), start: tok.valueStart, end: tok.valueEnd, guarded: guardedCall || defaulted });
  };

  /** `out var x` / `out T x` among the arguments `(from, close)`: x gets `type`. */
  const outArguments = (from: number, close: number, type: string) => {
    for (let j = from; j < close - 1; j++) {
      if (!isIdent(j, 'out')) continue;
      const name = isIdent(j + 2) ? j + 2 : isIdent(j + 1) ? j + 1 : -1;
      if (name >= 0) facts.locals.set(text(name), type);
    }
  };

  /**
   * Follows a member chain from token `k` (the token after its first part) with the first part's
   * type. Records what it sees when `record`; returns where the chain ends and its type.
   */
  const walk = (start: number, typeName: string | undefined, record: boolean): { end: number; type: string | undefined } => {
    let k = start;
    let tname = typeName;
    let type = getType(tname);
    // past a type we do not model there is nothing to record
    while (type) {
      if (isP(k, '.') || isP(k, '?.')) {
        if (atEnd(k + 1)) {
          if (record && type) facts.open = { kind: 'member', type, start: s.length };
          return { end: k + 1, type: undefined };
        }
        if (!isIdent(k + 1)) break;
        const nameTok = t[k + 1];
        const name = text(k + 1);
        const member = type ? findMember(type, name) : undefined;
        if (record && type) facts.members.push({ start: nameTok.start, end: nameTok.end, name, owner: type, member });
        if (record && type && atEnd(k + 2) && nameTok.end === s.length) facts.open = { kind: 'member', type, start: nameTok.start };
        k += 2;
        let typeArgument: string | undefined;
        if (isP(k, '<')) {
          const close = closeAngle(k);
          if (close > k + 1 && isP(close + 1, '(')) {
            typeArgument = typeText(k + 1, close - 1);
            k = close + 1;
          } else if (close < 0 && record && tname === VARIABLES_TYPE && name === 'GetValueOrDefault') {
            // `GetValueOrDefault<str|`: still typing the type argument
            return { end: n, type: undefined };
          }
        }
        if (isP(k, '(')) {
          const close = match[k];
          if (record && tname === VARIABLES_TYPE && member && VARIABLE_METHODS.has(name)) {
            variableArgument(k + 1, typeArgument !== undefined, name !== 'GetValueOrDefault', name === 'GetValueOrDefault');
          }
          if (member?.outType) outArguments(k + 1, close < 0 ? n : close, member.outType);
          if (close < 0) return { end: n, type: undefined };
          tname = member ? memberResultType(member, typeArgument) : undefined;
          type = getType(tname);
          k = close + 1;
          continue;
        }
        tname = member?.kind === 'property' ? member.type : undefined;
        type = getType(tname);
        if (record && member?.values) valueSlot(k, member.values);
        continue;
      }
      const nullConditional = isP(k, '?') && isP(k + 1, '[');
      if (isP(k, '[') || nullConditional) {
        if (nullConditional) k++;
        const close = match[k];
        if (record && tname === VARIABLES_TYPE) variableArgument(k + 1, false, false, false);
        tname = type?.indexer;
        type = getType(tname);
        if (close < 0) return { end: n, type: undefined };
        k = close + 1;
        continue;
      }
      // null-forgiving `x!.y`
      if (isP(k, '!') && (isP(k + 1, '.') || isP(k + 1, '?.'))) {
        k++;
        continue;
      }
      break;
    }
    return { end: k, type: tname };
  };

  /** A string compared with a member that has known values: `context.LastError.Reason == "…`. */
  const valueSlot = (k: number, values: readonly string[]) => {
    if (!isP(k, '==') && !isP(k, '!=')) return;
    if (atEnd(k + 1)) facts.open = { kind: 'value', values, start: s.length, quoted: false };
    else if (t[k + 1].kind === Tok.String && t[k + 1].open && k + 1 === n - 1) facts.open = { kind: 'value', values, start: t[k + 1].valueStart, quoted: true };
  };

  /** The type of the expression starting at `k` when it is a chain we can follow, and where it ends. */
  const typeOfExpression = (k: number): { end: number; type: string | undefined } => {
    let cast: string | undefined;
    let from = k;
    if (isP(from, '(') && isIdent(from + 1) && isP(from + 2, ')')) {
      cast = text(from + 1);
      from += 3;
    }
    let result: { end: number; type: string | undefined } = { end: from, type: undefined };
    if (isIdent(from, 'context') && !declared.has('context')) result = walk(from + 1, CONTEXT_TYPE, false);
    else if (isIdent(from) && facts.locals.has(text(from))) result = walk(from + 1, facts.locals.get(text(from)), false);
    else if (isP(from, '(') && match[from] > 0) result = walk(match[from] + 1, castParenType(from), false);
    if (isIdent(result.end, 'as') && isIdent(result.end + 1)) return { end: result.end + 2, type: text(result.end + 1) };
    if (cast) return { end: result.end, type: cast };
    return result;
  };

  /** `((T)x)` or `(x as T)` opening at `k`: T when it is a modelled type. */
  const castParenType = (k: number): string | undefined => {
    const close = match[k];
    if (close < 0) return undefined;
    if (isP(k + 1, '(') && isIdent(k + 2) && isP(k + 3, ')') && getType(text(k + 2))) return text(k + 2);
    if (isIdent(close - 1) && isIdent(close - 2, 'as') && getType(text(close - 1))) return text(close - 1);
    return undefined;
  };

  for (let i = 0; i < n; i++) {
    const tok = t[i];
    if (tok.kind === Tok.Char && tok.valueEnd - tok.valueStart > 1 && s.charCodeAt(tok.valueStart) !== 92 /* \ */ && !tok.open) {
      facts.longCharLiterals.push(tok);
      continue;
    }
    if (tok.kind === Tok.Punct) {
      if (isP(i, '(') && (isP(match[i] + 1, '.') || isP(match[i] + 1, '?.')) && match[i] > 0) {
        const cast = castParenType(i);
        if (cast) walk(match[i] + 1, cast, true);
      }
      continue;
    }
    if (tok.kind !== Tok.Ident) continue;
    const name = text(i);
    const afterDot = isP(i - 1, '.') || isP(i - 1, '?.') || isP(i - 1, '::');
    if (i === n - 1 && tok.end === s.length && !afterDot) facts.open = { kind: 'identifier', start: tok.start };
    if (afterDot) continue;
    switch (name) {
      case 'return': facts.hasReturn = true; continue;
      case 'throw': facts.hasThrow = true; continue;
      case 'while':
        if (isP(i + 1, '(') && isIdent(i + 2, 'true') && isP(i + 3, ')')) facts.loopsForever = true;
        continue;
      case 'for':
        if (isP(i + 1, '(') && isP(i + 2, ';') && isP(i + 3, ';') && isP(i + 4, ')')) facts.loopsForever = true;
        continue;
      case 'foreach': {
        // foreach (var g in context.User.Groups): g is an IGroup
        const inAt = isIdent(i + 3, 'in') ? i + 3 : isIdent(i + 4, 'in') ? i + 4 : -1;
        if (isP(i + 1, '(') && inAt > 0 && isIdent(inAt - 1)) {
          const element = /^IEnumerable<(.+)>$/.exec(typeOfExpression(inAt + 1).type ?? '');
          if (element && getType(element[1])) facts.locals.set(text(inAt - 1), element[1]);
        }
        continue;
      }
    }
    // declarations: `var x = …;`, `T x = …;`, `T x;`
    if (isIdent(i + 1) && (isP(i + 2, '=') || isP(i + 2, ';'))) {
      const local = text(i + 1);
      if (name !== 'var' && getType(name)) facts.locals.set(local, name);
      else if (name === 'var' && isP(i + 2, '=')) {
        const init = typeOfExpression(i + 3);
        if (init.type && getType(init.type) && (isP(init.end, ';') || atEnd(init.end))) facts.locals.set(local, init.type);
      }
    }
    if (name === 'context' && !declared.has('context')) {
      facts.contextRefs.push({ start: tok.start, end: tok.end });
      walk(i + 1, CONTEXT_TYPE, true);
      continue;
    }
    const localType = facts.locals.get(name);
    if (localType) {
      walk(i + 1, localType, true);
      continue;
    }
    if (declared.has(name)) continue;
    if (isNamespaceRoot(name) && isP(i + 1, '.') && isIdent(i + 2)) {
      const segments = [name];
      let k = i;
      while (isP(k + 1, '.') && isIdent(k + 2)) {
        segments.push(text(k + 2));
        k += 2;
      }
      const judged = judgeQualifiedName(segments);
      if (judged) facts.types.push({ start: tok.start, end: t[i + 2 * (judged.length - 1)].end, verdict: judged.verdict });
      continue;
    }
    const c = name.charCodeAt(0);
    if (c < 65 || c > 90) continue;
    // a type named alone: as a static receiver, after `new`, in a declaration, a cast or a type argument
    const typePosition = isP(i + 1, '.') || isIdent(i - 1, 'new') || isIdent(i + 1) || isIdent(i - 1, 'as') || isIdent(i - 1, 'is')
      || (isP(i - 1, '(') && isP(i + 1, ')')) || (isP(i - 1, '<') && (isP(i + 1, '>') || isP(i + 1, ',')));
    if (!typePosition) continue;
    const verdict = judgeSimpleName(name);
    if (verdict) facts.types.push({ start: tok.start, end: tok.end, verdict });
  }
  if (!facts.open) {
    const last = n ? t[n - 1] : undefined;
    const ends = s.length;
    if (!last || (last.end < ends && /\s$/.test(s) && OPERAND_EXPECTED.has(text(n - 1))) || (last.end === ends && OPERAND_EXPECTED.has(text(n - 1)))) {
      facts.open = { kind: 'identifier', start: ends };
    }
  }
  return facts;
}

/** Keywords that can stand before an identifier that is not being declared. */
const NOT_A_TYPE = new Set(['return', 'new', 'is', 'as', 'in', 'out', 'ref', 'case', 'else', 'throw', 'await', 'typeof', 'nameof', 'default', 'yield', 'goto']);

/**
 * Names the code declares (locals, parameters of lambdas, `out var`, foreach variables): an
 * identifier that is one of them is not a type, nor `context`.
 */
function declaredNames(s: string, t: readonly Token[], match: Int32Array): Set<string> {
  const names = new Set<string>();
  const n = t.length;
  const text = (k: number) => (k >= 0 && k < n ? s.substring(t[k].start, t[k].end) : '');
  const isIdent = (k: number) => k >= 0 && k < n && t[k].kind === Tok.Ident;
  for (let i = 0; i < n; i++) {
    if (!isIdent(i)) continue;
    const next = text(i + 1);
    const prev = i > 0 ? text(i - 1) : '';
    // lambda parameter `x => …`
    if (next === '=>') names.add(text(i));
    // `T x =`, `var x =`, `T x;`, `T x in`, `out var x`, `T x)` (a parameter or a pattern)
    else if ((isIdent(i - 1) || prev === '>' || prev === ']' || prev === '?') && (next === '=' || next === ';' || next === 'in' || next === ')' || next === ',')
      && !NOT_A_TYPE.has(prev)) {
      names.add(text(i));
    }
  }
  // `(a, b) => …`
  const openOf = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) if (match[k] >= 0) openOf[match[k]] = k;
  for (let i = 1; i < n; i++) {
    if (text(i) !== '=>' || text(i - 1) !== ')') continue;
    const open = openOf[i - 1];
    for (let k = open + 1; k > 0 && k < i - 1; k++) if (isIdent(k) && (text(k + 1) === ',' || text(k + 1) === ')')) names.add(text(k));
  }
  return names;
}
