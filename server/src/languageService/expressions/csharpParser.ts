/**
 * C# syntax of policy expressions, by tree-sitter's C# grammar running in WebAssembly
 * (web-tree-sitter). The host loads it once, asynchronously, and hands it to the language service;
 * the service itself stays free of I/O (web-tree-sitter reads the two .wasm files).
 *
 * An `@(...)` body is parsed as a parenthesized expression in a top-level statement (C#'s
 * expression grammar is the same there as in a method, and the shorter wrapper parses about 10%
 * faster), an `@{...}` body as the body of a block method, so the grammar sees what APIM compiles.
 */
import { Language, Parser, type Node } from 'web-tree-sitter';

export interface SyntaxProblem {
  /** Offsets in the body text (between the brackets of `@(...)` / `@{...}`). */
  start: number;
  end: number;
  message: string;
}

export interface CSharpParser {
  /** Syntax problems of an expression body; `kind` says whether it is `@(...)` or `@{...}`. */
  check(kind: 'inline' | 'block', body: string): SyntaxProblem[];
}

export interface WasmFiles {
  /** web-tree-sitter's runtime, `tree-sitter.wasm`. */
  runtime: string;
  /** The C# grammar, `tree-sitter-c_sharp.wasm`. */
  grammar: string;
}

declare const __dirname: string | undefined;

/**
 * Where the .wasm files are: beside the bundle (`dist/`, also inside the VSIX), or, when this file
 * runs compiled by tsc (`out/server/src/languageService/expressions/`), in the repository's
 * node_modules.
 */
export function defaultWasmFiles(): WasmFiles {
  const here = (typeof __dirname === 'string' ? __dirname : '.').replace(/\\/g, '/');
  const compiled = /^(.*)\/out\/server\/src\/languageService\/expressions$/.exec(here);
  if (compiled) {
    const modules = `${compiled[1]}/node_modules`;
    return { runtime: `${modules}/web-tree-sitter/tree-sitter.wasm`, grammar: `${modules}/tree-sitter-c-sharp/tree-sitter-c_sharp.wasm` };
  }
  return { runtime: `${here}/tree-sitter.wasm`, grammar: `${here}/tree-sitter-c_sharp.wasm` };
}

const WRAPPERS = {
  // the line break ends a trailing `//` comment of the body
  inline: { prefix: '_ = (', suffix: '\n);' },
  block: { prefix: 'class C { object M() { ', suffix: '\n} }' },
} as const;

/** Problems reported per expression at most: the first ones are the ones that matter. */
const MAX_PROBLEMS = 3;

/** Something representative to parse once at load, so the first real document does not pay for compiling the grammar's code. */
const WARM_UP = `class C { object M() {
  var body = context.Request.Body?.As<JObject>(preserveContent: true);
  if (body != null && body["items"] is JArray items) { foreach (var item in items) { item.ToString(); } }
  var jwt = context.Request.Headers.GetValueOrDefault("Authorization", "").AsJwt();
  return (string)context.Variables["name"] + $"{context.User?.Email}" + 'c' + 1.5m + @"verbatim" + new [] { 1, 2 }.Select(x => x * 2).Sum()
    + ((IResponse)context.Variables["r"]).StatusCode + (jwt?.Claims.GetValueOrDefault("aud", "") ?? "") + (context.Response.StatusCode >= 500 ? "a" : "b");
} }`;

/** Loads web-tree-sitter and the C# grammar. Rejects when a .wasm file cannot be read or loaded. */
export async function loadCSharpParser(files: WasmFiles = defaultWasmFiles()): Promise<CSharpParser> {
  const runtime = files.runtime;
  await Parser.init({ locateFile: () => runtime });
  const language = await Language.load(files.grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  parser.parse(WARM_UP)?.delete();
  return {
    check(kind, body) {
      const { prefix, suffix } = WRAPPERS[kind];
      const tree = parser.parse(prefix + body + suffix);
      if (!tree) return [];
      try {
        return tree.rootNode.hasError ? collectProblems(tree.rootNode, prefix.length, body) : [];
      } finally {
        tree.delete();
      }
    },
  };
}

/** ERROR and MISSING nodes, innermost first, as problems in body offsets. */
function collectProblems(root: Node, base: number, body: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const clamp = (n: number) => Math.max(0, Math.min(body.length, n - base));
  const add = (start: number, end: number, message: string) => {
    const s = clamp(start);
    let e = clamp(end);
    if (e <= s) e = Math.min(body.length, s + 1);
    const at = s === e && s > 0 ? s - 1 : s;
    if (problems.some(p => p.start < Math.max(e, at + 1) && at < p.end)) return;
    problems.push({ start: at, end: Math.max(e, at + 1), message });
  };
  const stack: Node[] = [root];
  while (stack.length && problems.length < MAX_PROBLEMS) {
    const node = stack.pop()!;
    if (node.isMissing) {
      add(node.startIndex, node.endIndex, `C# syntax error: ${describeMissing(node.type)} expected.`);
      continue;
    }
    const children = node.children.filter((c): c is Node => !!c && (c.hasError || c.isMissing || c.isError));
    if (node.isError) {
      // an inner error is more precise than the whole region the parser gave up on
      if (children.length) {
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
        continue;
      }
      const after = operandAfter(node);
      if (after) {
        add(after.startIndex, after.endIndex, `C# syntax error: unexpected ${quote(after.text)} (an operator or a ',' missing before it?).`);
        continue;
      }
      const at = unexpectedChild(node, base);
      if (at) add(at.startIndex, at.endIndex, `C# syntax error: unexpected ${quote(at.text)}.`);
      else add(node.startIndex, node.endIndex, `C# syntax error: unexpected ${quote(textWithin(node, base, body))}.`);
      continue;
    }
    if (!children.length && node !== root) {
      // a node whose error is a hidden missing token (an identifier that is not there)
      add(node.startIndex, node.endIndex, node.startIndex === node.endIndex ? `C# syntax error: ${describeMissing(node.type)} expected.` : `C# syntax error in ${quote(node.text)}.`);
      continue;
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return problems.sort((a, b) => a.start - b.start);
}

/**
 * `f(x) "b"`: the parser gives up on the complete expression before an operand that has nothing
 * joining it; the compiler (and the reader) see the problem at that operand. Its first token.
 */
function operandAfter(node: Node): Node | undefined {
  const only = node.childCount === 1 ? node.firstChild : null;
  const next = node.nextSibling;
  if (!only?.isNamed || !next?.isNamed || next.startIndex < node.endIndex) return undefined;
  let leaf: Node = next;
  while (leaf.childCount > 0 && leaf.firstChild) leaf = leaf.firstChild;
  // a string is one token for the reader, whatever its inner nodes
  return leaf.parent && /string_literal|character_literal/.test(leaf.parent.type) && leaf.parent.startIndex === leaf.startIndex ? leaf.parent : leaf;
}

/** Kinds of node that end an operand and start one: two in a row have no operator between them. */
const CLOSES_OPERAND = new Set([')', ']', 'identifier', 'implicit_parameter', 'string_literal', 'verbatim_string_literal', 'raw_string_literal',
  'interpolated_string_expression', 'integer_literal', 'real_literal', 'character_literal', 'boolean_literal', 'null_literal']);

/**
 * In an ERROR region, the first child that cannot follow the one before it (`x y`: `y`): where a
 * compiler would say something is expected. Undefined when there is no such pair.
 */
function unexpectedChild(node: Node, base: number): Node | undefined {
  const kids = node.children.filter((c): c is Node => !!c && c.endIndex > base);
  for (let i = 1; i < kids.length; i++) {
    const prev = kids[i - 1];
    const cur = kids[i];
    const prevEnds = CLOSES_OPERAND.has(prev.type) || (prev.isNamed && prev.type.endsWith('_expression'));
    const curStarts = cur.isNamed && cur.type !== 'comment';
    if (prevEnds && curStarts && prev.startIndex >= base) return cur;
  }
  return kids.length === 1 && kids[0].startIndex >= base ? kids[0] : undefined;
}

function textWithin(node: Node, base: number, body: string): string {
  return body.substring(Math.max(0, node.startIndex - base), Math.max(0, Math.min(body.length, node.endIndex - base)));
}

function quote(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `'${t.length > 40 ? t.substring(0, 37) + '…' : t}'`;
}

function describeMissing(type: string): string {
  if (type === 'identifier' || type === '_identifier_token') return 'an identifier';
  if (/^[^a-z_]+$/i.test(type)) return `'${type}'`;
  return `${type.replace(/^_/, '').replace(/_/g, ' ')}`;
}
