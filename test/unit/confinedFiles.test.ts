import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parseFlowsConfig } from '../../server/src/languageService/auth/flowConfig';
import { createWorkspaceIndex, resolveRelativeUri } from '../../server/src/languageService/workspace/workspaceIndex';
import { MAX_FILE_BYTES, readConfined } from '../../server/src/node/confinedFiles';
import { createUriReader, MAX_INDEXED_FILES, readIndexedFiles } from '../../server/src/node/policyFiles';

/** A temp folder with `ws/` (the workspace) and `outside/secret.json` beside it. */
function workspace(): { root: string; ws: string; secret: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-confined-'));
  const ws = path.join(root, 'ws');
  fs.mkdirSync(ws);
  fs.mkdirSync(path.join(root, 'outside'));
  const secret = path.join(root, 'outside', 'secret.json');
  fs.writeFileSync(secret, '{ "properties": { "definition": { "triggers": { "t": { "inputs": { "triggerAuthenticationType": "TOPSECRET" } } } } } }');
  return { root, ws, secret };
}

const refusal = (r: ReturnType<typeof readConfined>) => (r.ok ? 'read' : r.error);

test('the confined reader: inside is read; outside, a symlink out, a FIFO, a device, a file: URI of elsewhere are refused', () => {
  const { ws, secret } = workspace();
  fs.writeFileSync(path.join(ws, 'def.json'), '{}');
  fs.symlinkSync(secret, path.join(ws, 'link.json'));
  execFileSync('mkfifo', [path.join(ws, 'pipe.json')]);
  const opts = { roots: [ws] };
  assert.equal(refusal(readConfined(path.join(ws, 'def.json'), opts)), 'read');
  assert.equal(refusal(readConfined(pathToFileURL(path.join(ws, 'def.json')).href, opts)), 'read');
  assert.equal(refusal(readConfined(secret, opts)), 'outside the workspace folder');
  assert.equal(refusal(readConfined(pathToFileURL(secret).href, opts)), 'outside the workspace folder');
  assert.equal(refusal(readConfined(path.join(ws, '..', 'outside', 'secret.json'), opts)), 'outside the workspace folder');
  assert.equal(refusal(readConfined(path.join(ws, 'link.json'), opts)), 'outside the workspace folder');
  assert.equal(refusal(readConfined(path.join(ws, 'pipe.json'), opts)), 'not a regular file');
  assert.equal(refusal(readConfined(path.join(ws, 'missing.json'), opts)), 'not found');
  assert.equal(refusal(readConfined('https://example.com/x.json', opts)), 'not a local file');
  // with no roots (a file the user named) only the kind and the size are checked
  assert.equal(refusal(readConfined(secret)), 'read');
  assert.equal(refusal(readConfined(path.join(ws, 'pipe.json'))), 'not a regular file');
  assert.equal(refusal(readConfined('/dev/zero')), 'not a regular file');
});

test('the confined reader checks the size before reading', () => {
  const { ws } = workspace();
  const big = path.join(ws, 'big.json');
  fs.writeFileSync(big, Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
  assert.equal(refusal(readConfined(big, { roots: [ws] })), 'larger than 4 MB');
  fs.writeFileSync(big, Buffer.alloc(2048, 0x20));
  assert.equal(refusal(readConfined(big, { maxBytes: 1024 })), 'larger than 1 KB');
  assert.equal(refusal(readConfined(big, { maxBytes: 2048 })), 'read');
});

test('resolveRelativeUri refuses URIs, absolute paths and climbs above the root', () => {
  const base = 'file:///ws/cfg/apim-flows.json';
  assert.equal(resolveRelativeUri(base, 'flows/a.json'), 'file:///ws/cfg/flows/a.json');
  assert.equal(resolveRelativeUri(base, '../infra/a.json'), 'file:///ws/infra/a.json');
  for (const bad of ['file:///etc/passwd', '/etc/passwd', '\\\\server\\share\\a.json', 'C:\\secret.json', 'https://example.com/a.json']) {
    assert.deepEqual(resolveRelativeUri(base, bad), { error: 'an absolute path or URI; give a path relative to this file' }, bad);
  }
  assert.deepEqual(resolveRelativeUri(base, '../../../dev/zero'), { error: 'above the root of the file system' });
});

test('a refused definition is an error on the "definition" value saying why, without the file\'s content', () => {
  const text = '{ "flows": { "f": { "type": "powerAutomate", "policies": ["x"], "definition": "../outside/secret.json" } } }';
  const r = parseFlowsConfig('file:///ws/apim-flows.json', text, () => ({ error: 'outside the workspace folder' }), resolveRelativeUri);
  assert.equal(r.problems.length, 1);
  const p = r.problems[0];
  assert.equal(p.code, 'flows-definition-refused');
  assert.equal(p.severity, 'error');
  assert.equal(p.uri, 'file:///ws/apim-flows.json');
  assert.equal(text.substring(p.start, p.end), '"../outside/secret.json"');
  assert.equal(p.message, 'Definition file not read: ../outside/secret.json is outside the workspace folder.');
});

test('definitions out of the workspace, by any route, are refused by the index with the real reader; nothing is read from them', () => {
  const { ws, secret } = workspace();
  fs.symlinkSync(secret, path.join(ws, 'link.json'));
  execFileSync('mkfifo', [path.join(ws, 'pipe.json')]);
  const defs = ['../outside/secret.json', secret, pathToFileURL(secret).href, 'link.json', 'pipe.json', '../'.repeat(30) + 'dev/zero', path.relative(ws, '/dev/zero')];
  const flows = defs.map((d, i) => `"f${i}": { "type": "powerAutomate", "policies": ["x"], "definition": ${JSON.stringify(d)} }`).join(',');
  const configUri = pathToFileURL(path.join(ws, 'apim-flows.json')).href;
  const index = createWorkspaceIndex({ readFile: createUriReader([ws]) });
  const started = Date.now();
  index.update(configUri, `{ "flows": { ${flows} } }`);
  assert.ok(Date.now() - started < 10_000, 'not hanging on a FIFO or /dev/zero');
  const [entry] = index.flowConfigs();
  assert.deepEqual(entry.problems.map(p => p.code), defs.map(() => 'flows-definition-refused'));
  assert.deepEqual(entry.problems.map(p => p.uri), defs.map(() => configUri), 'no problem on a file outside');
  assert.equal(entry.dependencies.size, 0);
  assert.ok(!entry.problems.some(p => p.message.includes('TOPSECRET')));
  const reasons = entry.problems.map(p => p.message.replace(/^.* is /, ''));
  assert.deepEqual(reasons, [
    'outside the workspace folder.', 'an absolute path or URI; give a path relative to this file.', 'an absolute path or URI; give a path relative to this file.',
    'outside the workspace folder.', 'not a regular file.', 'above the root of the file system.', 'outside the workspace folder.',
  ]);
});

function policies(count: number, perFolder: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-cap-'));
  for (let i = 0; i < count; i++) {
    if (perFolder) {
      const d = path.join(dir, 'apis', `a${i}`);
      fs.mkdirSync(d, { recursive: true });
      fs.writeFileSync(path.join(d, 'policy.xml'), '<policies />');
    } else {
      fs.writeFileSync(path.join(dir, `p${i}.policy.xml`), '<policies />');
    }
  }
  return dir;
}

test('the index cap counts files, not folders, and says how many it left out', () => {
  const dir = policies(15, true);
  const r = readIndexedFiles(dir, 10);
  assert.equal(r.files.length, 10);
  assert.deepEqual(r.capped, { maxFiles: 10, leftOut: 5, exact: true });
  const all = readIndexedFiles(dir, 15);
  assert.equal(all.files.length, 15);
  assert.equal(all.capped, undefined);
});

test('the default cap: 20,000 policies in 20,000 folders are all indexed, and one more is reported', t => {
  const dir = policies(MAX_INDEXED_FILES, true);
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const r = readIndexedFiles(dir);
  assert.equal(r.files.length, MAX_INDEXED_FILES);
  assert.equal(r.capped, undefined);
  fs.mkdirSync(path.join(dir, 'apis', 'extra'));
  fs.writeFileSync(path.join(dir, 'apis', 'extra', 'policy.xml'), '<policies />');
  const over = readIndexedFiles(dir);
  assert.equal(over.files.length, MAX_INDEXED_FILES);
  assert.deepEqual(over.capped, { maxFiles: MAX_INDEXED_FILES, leftOut: 1, exact: true });
});

test('index reads are confined too: a FIFO, a link out or an oversized file named like an indexed file is skipped with a reason', () => {
  const { ws, secret } = workspace();
  fs.mkdirSync(path.join(ws, 'apis', 'a'), { recursive: true });
  execFileSync('mkfifo', [path.join(ws, 'apis', 'a', 'policy.xml')]);
  fs.writeFileSync(path.join(ws, 'big.policy.xml'), Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
  fs.symlinkSync(secret, path.join(ws, 'apim-flows.json'));
  fs.writeFileSync(path.join(ws, 'ok.policy.xml'), '<policies />');
  const r = readIndexedFiles(ws);
  assert.deepEqual(r.files.map(f => path.basename(f.path)), ['ok.policy.xml']);
  assert.deepEqual(r.skipped.map(s => [path.relative(ws, s.path), s.reason]).sort(), [
    ['apim-flows.json', 'outside the workspace folder'],
    [path.join('apis', 'a', 'policy.xml'), 'not a regular file'],
    ['big.policy.xml', 'larger than 4 MB'],
  ]);
  assert.ok(!JSON.stringify(r).includes('TOPSECRET'));
});

test('a cache between walks: an unchanged file is not read again, a changed one is (same size too), a removed one is dropped', () => {
  const dir = policies(3, true);
  const cache = new Map<string, { stamp: string; text: string }>();
  const first = readIndexedFiles(dir, undefined, { cache });
  assert.equal(first.files.length, 3);
  assert.equal(cache.size, 3);
  const a0 = path.join(dir, 'apis', 'a0', 'policy.xml');
  const a1 = path.join(dir, 'apis', 'a1', 'policy.xml');
  // a cached text is recognisable: plant one that differs from the file, the stat unchanged
  cache.set(a0, { stamp: cache.get(a0)!.stamp, text: '<policies><!-- from the cache --></policies>' });
  // same size, another text, a later modification time
  fs.writeFileSync(a1, '<policiez />');
  fs.utimesSync(a1, new Date(), new Date(Date.now() + 5000));
  fs.rmSync(path.join(dir, 'apis', 'a2'), { recursive: true });
  const second = readIndexedFiles(dir, undefined, { cache });
  const text = (p: string) => second.files.find(f => f.path === p)?.text;
  assert.equal(text(a0), '<policies><!-- from the cache --></policies>', 'an unchanged file comes from the cache');
  assert.equal(text(a1), '<policiez />', 'a changed file is read again');
  assert.equal(second.files.length, 2);
  assert.deepEqual([...cache.keys()].sort(), [a0, a1].sort(), 'the removed file left the cache');
});

test('a large file is read into a buffer of its own, offered as spare memory; a small one is not', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-spare-'));
  const large = path.join(dir, 'large.xml');
  const text = '<policies>' + '<base />'.repeat(40_000) + '</policies>';
  fs.writeFileSync(large, text);
  const read = readConfined(large, { maxBytes: MAX_FILE_BYTES });
  assert.ok(read.ok);
  assert.equal(read.text, text);
  assert.ok(read.spare instanceof ArrayBuffer && read.spare.byteLength >= text.length, 'the read buffer, whole');
  // the text is a copy: whoever takes the spare memory may overwrite it
  new Uint8Array(read.spare).fill(0);
  assert.equal(read.text, text);
  const small = path.join(dir, 'small.xml');
  fs.writeFileSync(small, '<policies />');
  const smallRead = readConfined(small);
  assert.ok(smallRead.ok);
  assert.equal(smallRead.spare, undefined, 'a small file may be a slice of the shared pool: never lent');
});
