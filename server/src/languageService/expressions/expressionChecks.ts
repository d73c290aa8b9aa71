/**
 * The checks of one policy expression, cached by its text: C# syntax (tree-sitter), a code block
 * that never returns, .NET types outside APIM's allow-list, members `context` does not have, and
 * the variables it reads. A document's expressions are checked once each; after an edit only the
 * expressions whose text changed are checked again, and parsed again only when no expression of
 * the same shape (the same text but for its strings' content) was parsed without error before.
 */
import type { CSharpParser, SyntaxProblem } from './csharpParser';
import { syntaxShape } from './syntaxShape';
import { isPlainValidExpression } from './plainSyntax';
import { expressionFacts, type VariableUse } from './expressionFacts';
import { expressionSource, maskNamedValues, toRelative, type ExpressionSource } from './expressionSource';

export type CheckSeverity = 'error' | 'warning' | 'information';

/** A finding in offsets from the expression's `@`. */
export interface ExpressionFinding {
  start: number;
  end: number;
  severity: CheckSeverity;
  code: string;
  message: string;
  /** A C# error that a deploy-time template may still fix (its tooling rewrites the text). */
  template?: boolean;
  suggestions?: string[];
}

export interface ExpressionCheck {
  findings: ExpressionFinding[];
  /** Variables read, offsets from the `@`. */
  variables: VariableUse[];
}

export interface ExpressionChecker {
  /**
   * The checks of the expression whose raw text (`@(…)`, closing bracket included) is `raw`.
   * Before a parser is given, C# syntax is checked only where it is plainly valid (plainSyntax.ts).
   */
  check(raw: string, decodeEntities: boolean): ExpressionCheck;
  /** The checks of `raw` when they are cached (no parse, no lexing), else undefined. */
  cached(raw: string, decodeEntities: boolean): ExpressionCheck | undefined;
  /**
   * The complete checks of `raw` (C# syntax included) when they need no parser: cached, or with a
   * parser, or plainly valid. Undefined when only the parser, not given yet, can tell.
   */
  checkWithoutParser(raw: string, decodeEntities: boolean): ExpressionCheck | undefined;
  /** The parser, once loaded: from then on every check is complete. */
  setParser(csharp: CSharpParser): void;
  /** Whether C# syntax is checked (the parser was given). */
  readonly parsesSyntax: boolean;
}

/** Cached expressions: a large policy has about a thousand; a workspace a few of those. */
const DEFAULT_CACHE_SIZE = 20_000;

/** A copy that shares nothing with the document text it was cut from (V8 keeps slices' parents alive). */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * C# syntax problems of a body (`kind` says whether it is `@(...)` or `@{...}`), or undefined when
 * they cannot be known yet (no parser).
 */
type SyntaxCheck = (kind: 'inline' | 'block', body: string) => readonly SyntaxProblem[] | undefined;

const NO_PROBLEMS: readonly SyntaxProblem[] = [];

/**
 * The syntax check: a memory of the shapes (syntaxShape.ts) found valid, so a body of such a shape
 * is valid without a parse; then plainSyntax.ts's quick yes; then the parser, when there is one.
 * Problems are always found by parsing the body itself, so their places and messages are its own.
 */
function syntaxCheck(size: number): { check: SyntaxCheck; setParser(csharp: CSharpParser): void; parser(): CSharpParser | undefined } {
  const valid = new Set<string>();
  let parser: CSharpParser | undefined;
  return {
    setParser: csharp => { parser = csharp; },
    parser: () => parser,
    check(kind, body) {
      const shape = syntaxShape(body);
      const key = shape === undefined ? undefined : (kind === 'block' ? '{' : '(') + shape;
      if (key !== undefined && valid.has(key)) return NO_PROBLEMS;
      let problems: readonly SyntaxProblem[];
      if (kind === 'inline' && isPlainValidExpression(body)) problems = NO_PROBLEMS;
      else if (parser) problems = parser.check(kind, body);
      else return undefined;
      if (!problems.length && key !== undefined) {
        if (valid.size >= size) valid.delete(valid.values().next().value!);
        valid.add(detach(key));
      }
      return problems;
    },
  };
}

interface CacheEntry {
  check: ExpressionCheck;
  key: string;
  /** When it was put at the end of the cache: the count of insertions then. */
  seq: number;
}

export function createExpressionChecker(csharp: CSharpParser | undefined, cacheSize = DEFAULT_CACHE_SIZE): ExpressionChecker {
  /**
   * The checks by key, least recently used first, roughly: a hit moves to the end only when it is
   * in the older half (by `seq`, the insertions so far), and under the key already stored. Moving
   * every hit under its new key kept a fresh string (and the document text it was cut from) in the
   * old generation for every expression of every file a workspace pass read, and the collector
   * copied each through the young generation twice.
   */
  const cache = new Map<string, CacheEntry>();
  let inserted = 0;
  /** Keys of cached checks whose C# syntax was not known (no parser yet): dropped once there is one. */
  const partial = new Set<string>();
  const syntax = syntaxCheck(cacheSize);
  if (csharp) syntax.setParser(csharp);
  const lookUp = (key: string): ExpressionCheck | undefined => {
    const hit = cache.get(key);
    if (!hit) return undefined;
    if (inserted - hit.seq > cacheSize >> 1) {
      cache.delete(hit.key);
      hit.seq = inserted++;
      cache.set(hit.key, hit);
    }
    return hit.check;
  };
  const compute = (key: string, raw: string, decodeEntities: boolean) => {
    let known = true;
    const result = checkExpression((kind, body) => {
      const problems = syntax.check(kind, body);
      if (!problems) known = false;
      return problems ?? NO_PROBLEMS;
    }, expressionSource(raw, decodeEntities));
    if (cache.size >= cacheSize) {
      const oldest = cache.keys().next().value!;
      cache.delete(oldest);
      partial.delete(oldest);
    }
    const stored = detach(key);
    cache.set(stored, { check: result, key: stored, seq: inserted++ });
    if (!known) partial.add(stored);
    return { result, known };
  };
  return {
    get parsesSyntax() {
      return syntax.parser() !== undefined;
    },
    setParser(parser) {
      if (syntax.parser()) return;
      syntax.setParser(parser);
      for (const key of partial) cache.delete(key);
      partial.clear();
    },
    cached: (raw, decodeEntities) => cache.get((decodeEntities ? 'd' : 'r') + raw)?.check,
    check(raw, decodeEntities) {
      const key = (decodeEntities ? 'd' : 'r') + raw;
      return lookUp(key) ?? compute(key, raw, decodeEntities).result;
    },
    checkWithoutParser(raw, decodeEntities) {
      const key = (decodeEntities ? 'd' : 'r') + raw;
      const hit = lookUp(key);
      // a check made without knowing the syntax exists only while there is no parser
      if (hit) return partial.has(key) ? undefined : hit;
      const { result, known } = compute(key, raw, decodeEntities);
      return known ? result : undefined;
    },
  };
}

function checkExpression(syntax: (kind: 'inline' | 'block', body: string) => readonly SyntaxProblem[], src: ExpressionSource): ExpressionCheck {
  const findings: ExpressionFinding[] = [];
  const rel = (i: number) => toRelative(src, i);
  const add = (start: number, end: number, f: Omit<ExpressionFinding, 'start' | 'end'>) => {
    findings.push({ start: rel(start), end: Math.max(rel(end), rel(start) + 1), ...f });
  };
  const masked = maskNamedValues(src.text);
  const facts = expressionFacts(masked, src.text);

  if (!masked.trim()) {
    if (src.kind === 'inline') findings.push({ start: 0, end: 2 + src.text.length + 1, severity: 'error', code: 'expr-syntax', message: 'The expression is empty.' });
  } else {
    // a long char literal gets its own message; the parser then reads it as the string it was meant to be
    let parseText = masked;
    if (facts.longCharLiterals.length) {
      const chars = masked.split('');
      for (const c of facts.longCharLiterals) {
        chars[c.start] = '"';
        if (c.end - 1 > c.start) chars[c.end - 1] = '"';
      }
      parseText = chars.join('');
    }
    for (const p of syntax(src.kind, parseText)) {
      add(p.start, p.end, { severity: 'error', code: 'expr-syntax', message: detach(p.message), template: true });
    }
  }
  for (const c of facts.longCharLiterals) {
    const content = src.text.substring(c.valueStart, c.valueEnd);
    add(c.start, c.end, {
      severity: 'error', code: 'expr-char-literal', template: true,
      message: detach(`A C# character literal holds one character: '${content.length > 30 ? content.substring(0, 27) + '…' : content}' has ${content.length}. Use a string: "${content.length > 30 ? '…' : content}".`),
    });
  }
  if (src.kind === 'block' && !facts.hasReturn && !facts.hasThrow && !facts.loopsForever) {
    findings.push({
      start: 0, end: 2, severity: 'error', code: 'expr-block-no-return', template: true,
      message: 'This code block never returns a value: every path of a @{…} block must end in a return statement.',
    });
  }
  const reported = new Set<string>();
  for (const t of facts.types) {
    if (t.verdict.kind !== 'forbidden' || reported.has(t.verdict.fullName)) continue;
    reported.add(t.verdict.fullName);
    add(t.start, t.end, {
      severity: 'error', code: 'expr-type-not-allowed',
      message: detach(`${t.verdict.fullName} is not allowed in policy expressions (${t.verdict.why}): APIM only lets expressions use the .NET types on its allow-list.`),
    });
  }
  for (const m of facts.members) {
    if (m.member || !m.owner.closed) continue;
    const suggestions = closest(m.name, m.owner.members.map(x => x.name));
    add(m.start, m.end, {
      severity: 'warning', code: 'expr-unknown-member', suggestions,
      message: detach(`'${m.name}' is not a member of ${m.owner.name}.${suggestions.length ? ` Did you mean '${suggestions[0]}'?` : ''}`),
    });
  }
  const variables = facts.variables.map(v => ({ name: detach(v.name), start: rel(v.start), end: rel(v.end), guarded: v.guarded }));
  return { findings, variables };
}

/** Names within a small edit distance of `name`, closest first (case differences count little). */
export function closest(name: string, candidates: readonly string[]): string[] {
  const lower = name.toLowerCase();
  const scored: Array<[string, number]> = [];
  for (const c of new Set(candidates)) {
    const d = c.toLowerCase() === lower ? 0 : distance(lower, c.toLowerCase());
    const limit = Math.max(1, Math.floor(name.length / 3));
    if (d <= limit || c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase())) scored.push([c, d]);
  }
  return scored.sort((a, b) => a[1] - b[1]).slice(0, 3).map(s => s[0]);
}

function distance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
