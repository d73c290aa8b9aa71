/**
 * The grammar against the parser, on every corpus file: each `@(…)` / `@{…}` the parser finds is
 * coloured as an expression from its `@` to its closing bracket, and nothing else is; the same for
 * `{{named values}}` outside expressions. Run once with our grammar alone (as in a VS Code without
 * a C# grammar) and once with the real C# grammar (`tm-grammars`, the one VS Code ships) included,
 * which owns most of the C# and must not carry an expression past its end.
 *
 * Needs the compiled parser (`npm run compile-tests`). The scope-by-scope cases are the
 * `*.test.xml` files beside this one, run by vscode-tmgrammar-test.
 */
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const corpus = path.resolve(root, '../shared/corpus');
const parserPath = path.join(root, 'out/server/src/languageService/parser/policyParser.js');
const grammarPath = path.join(root, 'syntaxes/apim-policy.tmLanguage.json');

function resolve(id) {
  try { return require.resolve(id, { paths: [root] }); } catch { return undefined; }
}
const csharpGrammar = resolve('tm-grammars/grammars/csharp.json');
const haveTextmate = !!resolve('vscode-textmate') && !!resolve('vscode-oniguruma');

async function loadGrammar(withCsharp) {
  const tm = require(resolve('vscode-textmate'));
  const onig = require(resolve('vscode-oniguruma'));
  const wasm = fs.readFileSync(path.join(path.dirname(resolve('vscode-oniguruma')), 'onig.wasm')).buffer;
  await onig.loadWASM(wasm).catch(() => undefined); // loaded once per process
  const registry = new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: p => new onig.OnigScanner(p), createOnigString: s => new onig.OnigString(s) }),
    loadGrammar: async scopeName => {
      if (scopeName === 'text.xml.apim-policy') return tm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath);
      if (scopeName === 'source.cs' && withCsharp) return tm.parseRawGrammar(fs.readFileSync(csharpGrammar, 'utf8'), csharpGrammar);
      return null;
    },
  });
  const grammar = await registry.loadGrammar('text.xml.apim-policy');
  return { grammar, INITIAL: tm.INITIAL };
}

/** Expression and named-value ranges (document offsets) as the grammar colours them. */
function colouredRanges({ grammar, INITIAL }, text) {
  const expressions = [];
  const namedValues = [];
  let open;
  let stack = INITIAL;
  const lineBreak = /\r\n|\r|\n/g;
  let lineStart = 0;
  for (;;) {
    const m = lineBreak.exec(text);
    const lineEnd = m ? m.index : text.length;
    const line = text.substring(lineStart, lineEnd);
    const r = grammar.tokenizeLine(line, stack, 10_000);
    stack = r.ruleStack;
    for (const t of r.tokens) {
      const at = lineStart + t.startIndex;
      if (t.scopes.includes('keyword.control.expression.apim')) {
        if (open !== undefined) expressions.push([open, undefined]);
        open = at;
      } else if (t.scopes.includes('punctuation.section.embedded.end.apim')) {
        expressions.push([open, at + 1]);
        open = undefined;
      } else if (t.scopes.includes('entity.name.named-value.apim')) {
        namedValues.push([at - 2, lineStart + t.endIndex + 2]);
      }
    }
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  if (open !== undefined) expressions.push([open, undefined]);
  return { expressions, namedValues };
}

function corpusFiles() {
  const out = [];
  const walk = dir => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.xml')) out.push(p);
    }
  };
  for (const d of ['policies', 'apiops']) if (fs.existsSync(path.join(corpus, d))) walk(path.join(corpus, d));
  return out.sort();
}

const skipAll = !haveTextmate ? 'vscode-textmate / vscode-oniguruma are not installed'
  : !fs.existsSync(parserPath) ? `the parser is not compiled (${parserPath}); run npm run compile-tests`
    // under CI a missing corpus is not skipped: test/corpus fails on it
    : !fs.existsSync(path.join(corpus, 'policies')) && !process.env.CI ? `../shared/corpus not found at ${corpus}` : false;

const key = ([s, e]) => `${s}-${e}`;

for (const withCsharp of [false, true]) {
  const skip = skipAll || (withCsharp && !csharpGrammar ? 'tm-grammars (the C# grammar VS Code ships) is not installed' : false);
  test(`grammar ${withCsharp ? 'with the C# grammar' : 'alone'}: expressions and named values where the parser finds them, on every corpus file`, { skip }, async () => {
    const { parsePolicy } = require(parserPath);
    const g = await loadGrammar(withCsharp);
    const broken = new Set(JSON.parse(fs.readFileSync(path.join(root, 'test/corpus/expectations.json'), 'utf8')).broken.map(b => path.join(corpus, b.file)));
    const files = corpusFiles();
    assert.ok(files.length > 300, `expected the whole corpus, found ${files.length}`);
    const problems = [];
    let expressions = 0;
    for (const file of files) {
      if (broken.has(file)) continue;
      const text = fs.readFileSync(file, 'utf8');
      const doc = parsePolicy(text);
      const want = doc.expressions.map(e => [e.start, e.closed ? e.end : undefined]);
      const got = colouredRanges(g, text);
      expressions += want.length;
      const rel = path.relative(corpus, file);
      const lineOf = o => (o === undefined ? '?' : text.substring(0, o).split(/\r\n|\r|\n/).length);
      const diff = (a, b, what) => {
        const bs = new Set(b.map(key));
        for (const r of a) if (!bs.has(key(r))) problems.push(`${rel}:${lineOf(r[0])} ${what} ${JSON.stringify(text.substring(r[0], Math.min(r[1] ?? r[0] + 40, r[0] + 60)))}`);
      };
      diff(want, got.expressions, 'expression not coloured as one:');
      diff(got.expressions, want, 'coloured as an expression, the parser disagrees:');
      // Liquid output tags are kept by the parser (a real named value there still resolves) but are Liquid to the grammar.
      const nvWant = doc.namedValues.filter(n => !n.inExpression && !n.inLiquid).map(n => [n.start, n.end]);
      diff(nvWant, got.namedValues, 'named value not marked:');
      diff(got.namedValues, nvWant, 'marked as a named value, the parser disagrees:');
    }
    assert.ok(expressions > 1000, `only ${expressions} expressions in the corpus`);
    assert.deepEqual(problems, []);
  });
}
