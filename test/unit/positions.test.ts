/** The lazy line index gives the positions TextDocument gives, in any order of asking. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLineIndex } from '../../server/src/languageService/utils/positions';

test('createLineIndex agrees with TextDocument.positionAt on \\n, \\r\\n and \\r texts, asked out of order', () => {
  const pieces = ['a', 'bc', '\n', '\r\n', '\r', '\n\n', '\r\r\n', ' '];
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let round = 0; round < 200; round++) {
    let text = '';
    for (let i = random(30); i > 0; i--) text += pieces[random(pieces.length)];
    const document = TextDocument.create('file:///t.xml', 'xml', 1, text);
    const index = createLineIndex(text);
    const offsets = Array.from({ length: 20 }, () => random(text.length + 3) - 1);
    for (const offset of offsets) {
      assert.deepEqual(index.positionAt(offset), document.positionAt(offset), `offset ${offset} of ${JSON.stringify(text)}`);
    }
  }
});
