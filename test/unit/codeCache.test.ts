import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const loader = path.resolve(__dirname, '../../server/src/node/codeCache.js');

/** A folder with a bundle (requiring a sibling module) and a runner that loads it and prints what happened. */
function bundleDir(bundle: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-code-cache-'));
  fs.writeFileSync(path.join(dir, 'sibling.js'), 'exports.base = 40;\n');
  fs.writeFileSync(path.join(dir, 'bundle.js'), bundle);
  fs.writeFileSync(path.join(dir, 'run.js'), `const { loadBundle } = require(${JSON.stringify(loader)});
const r = loadBundle(require('path').join(__dirname, 'bundle.js'));
let stack = '';
try { r.exports.fail(); } catch (e) { stack = e.stack; }
console.log(JSON.stringify({ cache: r.cache, value: r.exports.value, file: r.exports.file, dir: r.exports.dir, self: r.exports.self, stack }));
`);
  return dir;
}

function run(dir: string, env: NodeJS.ProcessEnv = {}): { cache: string; value: number; file: string; dir: string; self: boolean; stack: string } {
  const r = spawnSync(process.execPath, [path.join(dir, 'run.js')], { encoding: 'utf8', env: { ...process.env, APIM_POLICY_CODE_CACHE: '', ...env } });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

const BUNDLE = `#!/usr/bin/env node
const sibling = require('./sibling.js');
exports.value = sibling.base + 2;
exports.file = __filename;
exports.dir = __dirname;
exports.self = module.exports === exports && this === exports;
exports.fail = function () {
  throw new Error('line 8');
};
`;

test('code cache: written at the first start, used at the next; the bundle runs as CommonJS (require, __filename, module, #! line)', () => {
  const dir = bundleDir(BUNDLE);
  const first = run(dir);
  assert.equal(first.cache, 'written');
  assert.equal(first.value, 42);
  assert.equal(first.file, path.join(dir, 'bundle.js'));
  assert.equal(first.dir, dir);
  assert.equal(first.self, true);
  // a stack trace points at the bundle's own lines and columns, not the wrapper's
  assert.match(first.stack, new RegExp(`bundle\\.js:8:9`));
  const cacheFile = path.join(dir, 'bundle.js.v8cache');
  assert.ok(fs.statSync(cacheFile).size > 100);
  assert.deepEqual(fs.readdirSync(dir).filter(f => f.endsWith('.tmp')), [], 'no temporary file left');
  const second = run(dir);
  assert.equal(second.cache, 'used');
  assert.equal(second.value, 42);
  assert.match(second.stack, /bundle\.js:8:9/);
});

test('code cache: a rebuilt bundle of the same length, a damaged cache, a cache for another Node: none is used, each is replaced', () => {
  const dir = bundleDir(BUNDLE);
  run(dir);
  const cacheFile = path.join(dir, 'bundle.js.v8cache');
  // the same length (which is all V8 itself compares of the source): the key (size and mtime) tells them apart
  const rebuilt = BUNDLE.replace('base + 2', 'base + 3');
  assert.equal(rebuilt.length, BUNDLE.length);
  fs.writeFileSync(path.join(dir, 'bundle.js'), rebuilt);
  const later = new Date(Date.now() + 5000);
  fs.utimesSync(path.join(dir, 'bundle.js'), later, later);
  const afterRebuild = run(dir);
  assert.equal(afterRebuild.cache, 'written');
  assert.equal(afterRebuild.value, 43, 'the new code ran, not the cached one');
  assert.equal(run(dir).cache, 'used');

  // the right key, damaged data: V8 refuses it, the bundle runs from its source
  const data = fs.readFileSync(cacheFile);
  const keyEnd = data.indexOf(10) + 1;
  fs.writeFileSync(cacheFile, Buffer.concat([data.subarray(0, keyEnd), Buffer.alloc(data.length - keyEnd, 0x5a)]));
  const damaged = run(dir);
  assert.equal(damaged.cache, 'written');
  assert.equal(damaged.value, 43);
  assert.equal(run(dir).cache, 'used');

  // another Node's cache (its version in the key): not read at all
  const key = fs.readFileSync(cacheFile).subarray(0, keyEnd).toString('latin1');
  fs.writeFileSync(cacheFile, Buffer.concat([Buffer.from(key.replace(process.version, 'v0.0.1'), 'latin1'), fs.readFileSync(cacheFile).subarray(keyEnd)]));
  assert.equal(run(dir).cache, 'written');
  assert.equal(run(dir).cache, 'used');

  // not ours at all: a file without a first line
  fs.writeFileSync(cacheFile, Buffer.alloc(4096, 0x41));
  assert.equal(run(dir).cache, 'written');
});

test('code cache: off by APIM_POLICY_CODE_CACHE=off; a folder it cannot write to only means no cache', () => {
  const dir = bundleDir(BUNDLE);
  const off = run(dir, { APIM_POLICY_CODE_CACHE: 'off' });
  assert.equal(off.cache, 'off');
  assert.equal(off.value, 42);
  assert.equal(fs.existsSync(path.join(dir, 'bundle.js.v8cache')), false);
  // the cache's name taken by a folder (file permissions do not hold for root, who runs CI)
  fs.mkdirSync(path.join(dir, 'bundle.js.v8cache'));
  fs.writeFileSync(path.join(dir, 'bundle.js.v8cache', 'x'), '');
  const blocked = run(dir);
  assert.equal(blocked.cache, 'unwritable');
  assert.equal(blocked.value, 42);
  assert.deepEqual(fs.readdirSync(dir).filter(f => f.endsWith('.tmp')), [], 'the temporary file is removed');
});
