import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readAhead, READ_AHEAD_FILES, READ_AHEAD_MAX_BYTES, type ReadAheadFile } from '../../server/src/node/readAhead';
import { readConfined, SPARE_BYTES } from '../../server/src/node/confinedFiles';
import { MAX_CHECKED_TEXT } from '../../server/src/languageService/parser/policyParser';

function folder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'apim-read-ahead-'));
}

const LARGE = '<policies><inbound>' + '<set-header name="x" exists-action="override"><value>v</value></set-header>'.repeat(2000) + '</inbound></policies>';

test('read ahead: the large regular files named, whole; not options, small files, folders, links, missing files, nor more than a few', async () => {
  const dir = folder();
  const large = path.join(dir, 'large.xml');
  fs.writeFileSync(large, LARGE);
  fs.writeFileSync(path.join(dir, 'small.xml'), '<policies />');
  fs.symlinkSync(large, path.join(dir, 'link.xml'));
  const reads = readAhead(['--format', 'json', large, path.join(dir, 'small.xml'), dir, path.join(dir, 'link.xml'), path.join(dir, 'missing.xml'), large], READ_AHEAD_MAX_BYTES);
  assert.deepEqual([...reads.keys()], [large]);
  const got = await reads.get(large);
  assert.ok(got);
  const st = fs.statSync(large);
  assert.equal(got.bytes.toString('utf8'), LARGE);
  assert.deepEqual([got.dev, got.ino, got.size, got.mtimeMs], [st.dev, st.ino, st.size, st.mtimeMs]);
  // over the ceiling: left to the command, which reports it
  assert.equal(readAhead([large], LARGE.length - 1).size, 0);
  const many = Array.from({ length: READ_AHEAD_FILES + 2 }, (_, i) => {
    const f = path.join(dir, `p${i}.xml`);
    fs.writeFileSync(f, LARGE);
    return f;
  });
  const some = readAhead(many, READ_AHEAD_MAX_BYTES);
  assert.equal(some.size, READ_AHEAD_FILES);
  await Promise.all(some.values());
  assert.equal(READ_AHEAD_MAX_BYTES, MAX_CHECKED_TEXT, 'the entry reads ahead what the parser would check');
  assert.ok(LARGE.length >= SPARE_BYTES);
});

test('a read ahead is used only for the file it read, unchanged and whole; else the file is read again', () => {
  const dir = folder();
  const file = path.join(dir, 'policy.xml');
  fs.writeFileSync(file, LARGE);
  const st = fs.statSync(file);
  // the same file as fstat sees it, with bytes that are not its content: used (the proof it is read from here)
  const other = Buffer.from(LARGE.replace('name="x"', 'name="y"'));
  const same: ReadAheadFile = { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, bytes: other };
  const used = readConfined(file, { maxBytes: MAX_CHECKED_TEXT, ahead: same });
  assert.ok(used.ok);
  assert.match(used.text, /name="y"/);
  for (const [why, ahead] of [
    ['another modification time', { ...same, mtimeMs: st.mtimeMs - 1000 }],
    ['another inode', { ...same, ino: st.ino + 1 }],
    ['another size', { ...same, size: st.size + 1 }],
    ['a short read', { ...same, bytes: other.subarray(0, 100) }],
  ] as const) {
    const read = readConfined(file, { maxBytes: MAX_CHECKED_TEXT, ahead });
    assert.ok(read.ok, why);
    assert.equal(read.text, LARGE, why);
  }
  // the confined reader's own checks come first: a read ahead does not let a file past its roots
  const outside = readConfined(file, { roots: [path.join(dir, 'elsewhere')], maxBytes: MAX_CHECKED_TEXT, ahead: same });
  assert.deepEqual(outside, { ok: false, error: 'outside the workspace folder' });
});
