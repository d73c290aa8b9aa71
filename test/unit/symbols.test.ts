import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { doc, service } from '../util/service';

function names(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap(s => [`${'  '.repeat(depth)}${s.name}`, ...names(s.children ?? [], depth + 1)]);
}

test('outline: sections and policies named by what identifies them', () => {
  const text = `<policies>
  <inbound>
    <base />
    <set-header name="x-foo" exists-action="override"><value>1</value></set-header>
    <set-variable name="orderId" value="@(1)" />
    <choose>
      <when condition="@(true)"><include-fragment fragment-id="auth" /></when>
      <otherwise><return-response><set-status code="401" reason="No" /></return-response></otherwise>
    </choose>
  </inbound>
  <backend><forward-request /></backend>
</policies>`;
  assert.deepEqual(names(service.findDocumentSymbols(doc(text))), [
    'policies',
    '  inbound',
    '    base',
    '    set-header x-foo',
    '    set-variable orderId',
    '    choose',
    '      when @(true)',
    '        include-fragment auth',
    '      otherwise',
    '        return-response',
    '  backend',
    '    forward-request',
  ]);
});

test('folding ranges for multi-line elements and comments', () => {
  const text = '<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <!--\n  note\n  -->\n</policies>';
  const ranges = service.getFoldingRanges(doc(text));
  assert.deepEqual(ranges.map(r => [r.startLine, r.endLine]), [[0, 6], [1, 2], [4, 6]]);
});

test('the outline of a very deep document stops at 64 levels (its LSP reply stays encodable)', () => {
  const text = '<policies><inbound>' + '<choose><when condition="true">'.repeat(20_000) + '</when></choose>'.repeat(20_000) + '</inbound></policies>';
  let depth = 0;
  let level: DocumentSymbol[] = service.findDocumentSymbols(doc(text));
  while (level.length) {
    depth++;
    level = level[0].children ?? [];
  }
  assert.equal(depth, 64);
  assert.doesNotThrow(() => JSON.stringify(service.findDocumentSymbols(doc(text))));
});
