/**
 * The C# checks over every real policy of ../shared/corpus: no error on valid files (tree-sitter's
 * grammar must not mis-read what APIM compiles), an error from the C# checks on the files whose
 * expressions are mangled, and few warnings.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, loadCSharpParser } from '../../server/src/languageService/languageService';
import { createLocator, findPolicyFiles } from '../../server/src/node/policyFiles';
import { syntaxShape } from '../../server/src/languageService/expressions/syntaxShape';
import { CORPUS, corpusSkip, expressionsIn } from '../util/corpus';

const corpus = CORPUS;
const expectations = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../test/corpus/expectations.json'), 'utf8')) as {
  broken: Array<{ file: string; reason: string }>;
};
const skip = corpusSkip();

/** The mangled file of EXPECTED.md: its C# must not parse. */
const MANGLED = 'policies/Azure__api-management-policy-snippets/examples__Call_out_to_an_HTTP_endpoint_and_cache_the_response.policy.xml';

test('corpus with C# checks: no error on valid files, C# errors on the mangled ones', { skip }, async () => {
  const service = getLanguageService({ locate: createLocator(), csharp: await loadCSharpParser() });
  const broken = new Set(expectations.broken.map(b => path.join(corpus, b.file)));
  const files = findPolicyFiles([path.join(corpus, 'policies'), path.join(corpus, 'apiops')]).files;
  assert.ok(files.length > 300);
  const falseErrors: string[] = [];
  const counts: Record<string, number> = {};
  const cSharpErrors = new Map<string, number>();
  for (const file of files) {
    const document = TextDocument.create(file, 'apim-policy', 1, fs.readFileSync(file, 'utf8'));
    for (const d of service.doValidation(document)) {
      const code = String(d.code);
      if (!code.startsWith('expr-')) continue;
      const key = `${d.severity === DiagnosticSeverity.Error ? 'error' : d.severity === DiagnosticSeverity.Warning ? 'warning' : 'information'} ${code}`;
      counts[key] = (counts[key] ?? 0) + 1;
      if (d.severity !== DiagnosticSeverity.Error) continue;
      if (broken.has(file)) cSharpErrors.set(file, (cSharpErrors.get(file) ?? 0) + 1);
      else falseErrors.push(`${path.relative(corpus, file)}:${d.range.start.line + 1} ${code} ${d.message}`);
    }
  }
  console.log(`corpus C# checks: ${files.length} files, ${JSON.stringify(counts)}`);
  assert.deepEqual(falseErrors, [], 'C# errors on valid corpus files');
  // the mangled snippet of EXPECTED.md, and the two files with the same mangling listed in expectations.json
  for (const b of [MANGLED, ...expectations.broken.filter(x => /Loopback_request|Pre-authorize_requests/.test(x.file)).map(x => x.file)]) {
    assert.ok((cSharpErrors.get(path.join(corpus, b)) ?? 0) > 0, `no C# error in ${b}`);
  }
  const warnings = Object.entries(counts).filter(([k]) => k.startsWith('warning')).reduce((n, [, v]) => n + v, 0);
  assert.ok(warnings <= 5, `${warnings} C# warnings on real policies`);
});

test('corpus expressions and their shapes are alike valid or not to the C# grammar', { skip }, async () => {
  const csharp = await loadCSharpParser();
  let shaped = 0;
  const differ: string[] = [];
  for (const { file, src } of expressionsIn([path.join(corpus, 'policies'), path.join(corpus, 'apiops')])) {
    const shape = syntaxShape(src.text);
    if (shape === undefined || shape === src.text) continue;
    shaped++;
    if ((csharp.check(src.kind, src.text).length > 0) !== (csharp.check(src.kind, shape).length > 0)) differ.push(`${path.relative(corpus, file)}: ${src.text.substring(0, 80)}`);
  }
  console.log(`corpus expressions with a shape of their own strings taken out: ${shaped}`);
  assert.ok(shaped > 500);
  assert.deepEqual(differ, []);
});

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

const C_SHARP_TOKENS = ['(', ')', '{', '}', '[', ']', '"', "'", '@"', '$"', '"""', '.', '?.', ';', '<', '>', '&quot;', '&lt;', '&amp;', '{{', '}}', '//', '/*', 'context.', 'return ', '\n', '\0'];

test('mutated corpus expressions: checks, completion and hover never throw', { skip }, async () => {
  const service = getLanguageService({ csharp: await loadCSharpParser() });
  const rnd = seeded(7);
  const files = findPolicyFiles([path.join(corpus, 'policies')]).files.filter((_, i) => i % 6 === 0);
  let runs = 0;
  for (const file of files) {
    const original = fs.readFileSync(file, 'utf8');
    const at = original.search(/@[({]/);
    if (at < 0) continue;
    for (let round = 0; round < 8; round++) {
      let text = original;
      for (let m = 0; m < 1 + Math.floor(rnd() * 4); m++) {
        const where = at + Math.floor(rnd() * Math.min(400, text.length - at));
        text = rnd() < 0.6
          ? text.substring(0, where) + C_SHARP_TOKENS[Math.floor(rnd() * C_SHARP_TOKENS.length)] + text.substring(where)
          : text.substring(0, where) + text.substring(where + 1 + Math.floor(rnd() * 12));
      }
      const document = TextDocument.create(file, 'apim-policy', 1, text);
      const doc = service.parse(document);
      assert.doesNotThrow(() => service.doValidation(document, doc), file);
      for (const e of doc.expressions.slice(0, 3)) {
        const offset = e.start + 2 + Math.floor(rnd() * Math.max(1, e.end - e.start - 2));
        assert.doesNotThrow(() => service.doComplete(document, document.positionAt(offset), doc), `${file} completion at ${offset}`);
        assert.doesNotThrow(() => service.doHover(document, document.positionAt(offset), doc), `${file} hover at ${offset}`);
      }
      runs++;
    }
  }
  assert.ok(runs > 100, `only ${runs} mutated documents`);
});
