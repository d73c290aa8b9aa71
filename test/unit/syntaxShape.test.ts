/**
 * The shape of an expression body (syntaxShape.ts): what it keeps, what it takes out, what it
 * leaves unshaped; and that a body and its shape are read alike by the C# grammar, with string
 * contents of every kind the shape takes out.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { syntaxShape } from '../../server/src/languageService/expressions/syntaxShape';
import { loadCSharpParser } from '../../server/src/languageService/languageService';

test('plain strings lose their content; the rest is kept', () => {
  assert.equal(syntaxShape('context.Request.Headers.GetValueOrDefault("x-id", "")'), 'context.Request.Headers.GetValueOrDefault("", "")');
  assert.equal(syntaxShape('a + b * 2'), 'a + b * 2');
  assert.equal(syntaxShape('"a{b}<c>\'d\'\\r"u8'.replace('\\r', '\r')), '""u8');
  // a quote in a character literal does not start a string
  assert.equal(syntaxShape(`s.Split('"')[0] + "x"`), `s.Split('"')[0] + ""`);
  assert.equal(syntaxShape(`s.Trim('\\'') + "x" + '\\u0041'`), `s.Trim('\\'') + "" + '\\u0041'`);
  // numbers and names stay: they make other shapes
  assert.notEqual(syntaxShape('f("a", 1)'), syntaxShape('f("a", 2)'));
});

test('what the scan does not model has no shape', () => {
  for (const body of [
    '@"verbatim"', '$"hole {x}"', '$@"a"', '@$"a"', '"""raw"""', '"escape \\t"', '"line\nbreak"', '"unclosed',
    'a // comment "x"', 'a /* "x" */', '#if DEBUG\n"a"\n#endif', "'ab", "'\\", '"nul \0"', '"post="""', '"a""b"', '"a" + "b"""',
  ]) {
    assert.equal(syntaxShape(body), undefined, body);
  }
});

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

test('a body and its shape are alike valid or not to the C# grammar', async () => {
  const csharp = await loadCSharpParser();
  const rnd = seeded(11);
  // contents a shape takes out: anything but a quote, a backslash or a line feed
  const pieces = ['a', ' ', '{', '}', '{{x}}', "'", '<', '>', '&', '@', '$', '//', '/*', '*/', '#', '(', ')', ';', '\r', '\t', '\v', '\f', 'é', '😀',
    '\u2028', '\u0085', '\ufeff', '\uffff', '\ud800', '\udc00', '\u0001', '\u007f'];
  const templates = [
    'context.Request.Headers.GetValueOrDefault(S, S)',
    'context.Variables.GetValueOrDefault<string>(S) == S ? S : S',
    'S + (string)context.Variables[S] + S',
    'new JObject(new JProperty(S, S)).ToString()',
    'f(S S)', '(S', 'S)', 'S.Length +', 'S + \'c\' + S',
  ];
  let compared = 0;
  for (const template of templates) {
    for (let round = 0; round < 60; round++) {
      const body = template.replace(/S/g, () => {
        let content = '';
        for (let k = Math.floor(rnd() * 6); k > 0; k--) content += pieces[Math.floor(rnd() * pieces.length)];
        return `"${content}"`;
      });
      const shape: string | undefined = syntaxShape(body);
      if (shape === undefined) assert.fail(`no shape for ${body}`);
      for (const kind of ['inline', 'block'] as const) {
        const code = kind === 'block' ? `return ${body};` : body;
        const codeShape: string = kind === 'block' ? `return ${shape};` : shape;
        assert.equal(csharp.check(kind, code).length > 0, csharp.check(kind, codeShape).length > 0, `${kind}: ${JSON.stringify(code)}`);
        compared++;
      }
    }
  }
  assert.equal(compared, templates.length * 120);
});
