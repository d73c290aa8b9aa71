/**
 * Workspace diagnostics: the server publishes the problems of files no one opened, keeps them
 * current when files change on disk (didChangeWatchedFiles), keeps them when an opened file
 * closes, and checks open files only with `apimPolicy.diagnostics.scope: openFiles`.
 */
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from '../util/lspClient';

const CLEAN = '<policies>\n\t<inbound>\n\t\t<base />\n\t</inbound>\n\t<backend>\n\t\t<base />\n\t</backend>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n\t<on-error>\n\t\t<base />\n\t</on-error>\n</policies>\n';
const TYPO = CLEAN.replace('<base />\n\t</inbound>', '<base />\n\t\t<set-headr name="x" />\n\t</inbound>');
const USES_NAMED_VALUE = CLEAN.replace('<base />\n\t</inbound>', '<base />\n\t\t<set-header name="x" exists-action="override">\n\t\t\t<value>{{orders-key}}</value>\n\t\t</set-header>\n\t</inbound>');

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

const uriOf = (dir: string, rel: string) => URI.file(path.join(dir, rel)).toString();

/** The next publication for `uri` that satisfies `ok` (publications for it that do not are skipped). */
async function until(client: TestClient, uri: string, ok: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 15_000): Promise<PublishDiagnosticsParams> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const p = await client.diagnostics(uri, undefined, Math.max(1, end - Date.now()));
    if (ok(p)) return p;
  }
}

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map(d => d.code);

let dir: string;
let client: TestClient;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-wsdiag-'));
  writeTree(dir, {
    'policy.xml': CLEAN,
    'apis/orders/policy.xml': TYPO,
    'apis/orders/operations/get/policy.xml': USES_NAMED_VALUE,
    'named values/other/namedValueInformation.json': JSON.stringify({ properties: { displayName: 'other', value: 'x' } }),
    'policy fragments/trace/policy.xml': '<fragment>\n\t<trace source="x">\n\t\t<mesage>hi</mesage>\n\t</trace>\n</fragment>\n',
    'custom/loose.xml': '<policies>\n\t<inbound>\n\t\t<nope />\n\t</inbound>\n</policies>\n',
    'custom/pom.xml': '<project><nope /></project>\n',
    'apis/clean/policy.xml': CLEAN,
  });
  client = await startClient(URI.file(dir).toString());
});

after(async () => {
  await client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('problems of files never opened are published at start', async () => {
  const api = await client.diagnostics(uriOf(dir, 'apis/orders/policy.xml'));
  assert.deepEqual(codes(api), ['unknown-element']);
  assert.equal(api.diagnostics[0].range.start.line, 3);
  const operation = await client.diagnostics(uriOf(dir, 'apis/orders/operations/get/policy.xml'));
  assert.deepEqual(codes(operation), ['unknown-named-value']);
  const fragment = await client.diagnostics(uriOf(dir, 'policy fragments/trace/policy.xml'));
  assert.ok(codes(fragment).length > 0, 'the fragment has a mistake');
  // another XML file is a policy by its root element, as `apim-policy check` finds it
  const loose = await client.diagnostics(uriOf(dir, 'custom/loose.xml'));
  assert.deepEqual(codes(loose), ['unknown-element']);
  await client.waitForLog(/^Checked \d+ workspace files in \d+ ms\.$/);
  // a clean file, and an XML file that is no policy, get nothing
  assert.ok(!client.published().includes(uriOf(dir, 'apis/clean/policy.xml')));
  assert.ok(!client.published().includes(uriOf(dir, 'custom/pom.xml')));
});

test('a file changed on disk is checked again', async () => {
  const uri = uriOf(dir, 'apis/orders/policy.xml');
  fs.writeFileSync(path.join(dir, 'apis/orders/policy.xml'), CLEAN);
  client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
  const fixed = await until(client, uri, () => true);
  assert.deepEqual(fixed.diagnostics, []);
  fs.writeFileSync(path.join(dir, 'apis/orders/policy.xml'), TYPO.replace('set-headr', 'set-hedaer'));
  client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
  const broken = await until(client, uri, () => true);
  assert.deepEqual(codes(broken), ['unknown-element']);
  assert.match(broken.diagnostics[0].message, /set-hedaer/);
});

test('a named value created on disk clears the warning of the policy that uses it', async () => {
  const policy = uriOf(dir, 'apis/orders/operations/get/policy.xml');
  const rel = 'named values/orders-key/namedValueInformation.json';
  writeTree(dir, { [rel]: JSON.stringify({ properties: { displayName: 'orders-key', value: 'k' } }) });
  client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, rel), type: 1 }] });
  const after = await until(client, policy, () => true);
  assert.deepEqual(after.diagnostics, []);
});

test('a deleted file loses its problems', async () => {
  const uri = uriOf(dir, 'custom/loose.xml');
  fs.rmSync(path.join(dir, 'custom/loose.xml'));
  client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
  const gone = await until(client, uri, () => true);
  assert.deepEqual(gone.diagnostics, []);
});

test('closing a file does not erase its problems: they are the file\'s on disk again', async () => {
  const uri = uriOf(dir, 'apis/orders/policy.xml');
  const onDisk = fs.readFileSync(path.join(dir, 'apis/orders/policy.xml'), 'utf8');
  // the editor holds a fixed, unsaved text
  client.open(uri, CLEAN, 7);
  const open = await client.diagnostics(uri, 7);
  assert.deepEqual(open.diagnostics, []);
  client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const closed = await until(client, uri, () => true);
  assert.deepEqual(codes(closed), ['unknown-element']);
  assert.ok(onDisk.includes('set-hedaer'));
});

test('with diagnostics.scope openFiles, files never opened get nothing', async () => {
  const other = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-wsdiag-open-'));
  writeTree(other, { 'apis/orders/policy.xml': TYPO, 'apis/orders/operations/get/policy.xml': TYPO });
  const c = await startClient(URI.file(other).toString(), undefined, { diagnostics: { scope: 'openFiles' } });
  try {
    await c.waitForLog(/^Checked \d+ workspace files in \d+ ms\.$/);
    assert.deepEqual(c.published(), []);
    // an open file is checked as ever
    const uri = uriOf(other, 'apis/orders/policy.xml');
    c.open(uri, TYPO, 1);
    const d = await c.diagnostics(uri, 1);
    assert.deepEqual(codes(d), ['unknown-element']);
    assert.deepEqual(c.published(), [uri]);
    // and closing it clears its problems
    c.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const cleared = await c.diagnostics(uri);
    assert.deepEqual(cleared.diagnostics, []);
  } finally {
    await c.close();
    fs.rmSync(other, { recursive: true, force: true });
  }
});
