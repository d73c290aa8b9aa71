/**
 * The server's warm-up (warmUp.ts): its built-in policies are valid (so it runs the code real
 * policies run), it checks every slice, and it waits while the host is busy.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { getLanguageService, loadCSharpParser, type LanguageService } from '../../server/src/languageService/languageService';
import { parsePolicy } from '../../server/src/languageService/parser/policyParser';
import { warmUp, warmUpPolicy } from '../../server/src/warmUp';

test('the warm-up policies are valid, with expressions in both formats', async () => {
  const service = getLanguageService({ csharp: await loadCSharpParser() });
  for (const [first, groups] of [[0, 2], [37, 3]]) {
    const text = warmUpPolicy(first, groups);
    const diagnostics = service.doValidation(TextDocument.create('file:///ws/apis/warm/policy.xml', 'apim-policy', 1, text));
    assert.deepEqual(diagnostics.filter(d => d.severity !== DiagnosticSeverity.Information).map(d => `${d.code}: ${d.message}`), []);
    const expressions = parsePolicy(text).expressions.map(e => text.substring(e.start, e.end));
    assert.ok(expressions.length >= 10 * groups);
    assert.equal(new Set(expressions).size, expressions.length, 'every expression differs');
    assert.ok(expressions.some(e => e.includes('&quot;')) && expressions.some(e => e.includes('"')));
  }
});

test('the warm-up checks every slice, and waits while the host is busy', async () => {
  const service = getLanguageService({ csharp: await loadCSharpParser() });
  const validated: string[] = [];
  const counting: LanguageService = { ...service, doValidation: (document, doc, settings) => { validated.push(document.uri); return service.doValidation(document, doc, settings); } };
  let asked = 0;
  let busyUntil = 3;
  const spent = await warmUp(counting, { slices: 4, groups: 1, busy: () => ++asked <= busyUntil });
  assert.equal(validated.length, 4);
  assert.equal(new Set(validated).size, 4);
  assert.ok(asked >= 4 + busyUntil, 'asked before each slice, and again while busy');
  assert.ok(spent > 0);
  // a warm-up whose service fails stops quietly
  busyUntil = 0;
  const failing: LanguageService = { ...service, doValidation: () => { throw new Error('boom'); } };
  assert.equal(typeof await warmUp(failing, { slices: 3, groups: 1 }), 'number');
});
