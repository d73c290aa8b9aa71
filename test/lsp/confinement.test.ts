import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { startClient } from '../util/lspClient';

test('definitions outside the workspace are refused on the value; no diagnostics are published for a file outside', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-lsp-confined-'));
  const ws = path.join(root, 'ws');
  fs.mkdirSync(ws);
  fs.mkdirSync(path.join(root, 'outside'));
  const secret = path.join(root, 'outside', 'secret.json');
  // a broken definition: read, it would get diagnostics of its own, published for its URI
  fs.writeFileSync(secret, '{ "properties": TOPSECRET }');
  fs.symlinkSync(secret, path.join(ws, 'link.json'));
  const defs = ['../outside/secret.json', secret, pathToFileURL(secret).href, 'link.json'];
  const flows = defs.map((d, i) => `"f${i}": { "type": "logicAppConsumption", "policies": ["x"], "definition": ${JSON.stringify(d)} }`).join(',\n');
  fs.writeFileSync(path.join(ws, 'apim-flows.json'), `{ "flows": {\n${flows}\n} }`);
  const configUri = pathToFileURL(path.join(ws, 'apim-flows.json')).href;
  const client = await startClient(pathToFileURL(ws).href);
  try {
    const d = await client.diagnostics(configUri, undefined, 20_000);
    assert.deepEqual(d.diagnostics.map(x => x.code), defs.map(() => 'flows-definition-refused'));
    assert.deepEqual(d.diagnostics.map(x => x.range.start.line), defs.map((_, i) => i + 1));
    assert.ok(d.diagnostics.every(x => !x.message.includes('TOPSECRET')));
    await client.waitForLog(/indexed \d+ workspace files/);
    assert.deepEqual(client.published().filter(u => !u.startsWith(pathToFileURL(ws).href + '/')), [], 'nothing published outside the workspace');
  } finally {
    await client.close();
  }
});

test('a workspace over the index cap: a warning in the log and a notification naming the cap and what was left out', async t => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-lsp-cap-'));
  t.after(() => fs.rmSync(ws, { recursive: true, force: true }));
  for (let i = 0; i < 20_003; i++) fs.writeFileSync(path.join(ws, `p${i}.policy.xml`), '<policies />');
  const client = await startClient(pathToFileURL(ws).href);
  try {
    const line = await client.waitForLog(/index stops at/, 60_000);
    assert.match(line, /The workspace index stops at 20000 files: 3 more files under .* were left out/);
    await client.waitForLog(/indexed 20000 workspace files/, 60_000);
    assert.deepEqual(client.shown(), [line]);
  } finally {
    await client.close();
  }
});
