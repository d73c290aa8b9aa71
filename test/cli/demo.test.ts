/**
 * `npm run demo` is the first thing a new user runs: its findings must read one block each, the
 * fix first, and a long UNCONFIRMED note said once however many flows it applies to.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as path from 'path';

const demo = path.resolve(__dirname, '../../../scripts/demo.js');

test('demo: one block a finding, the fix first, each UNCONFIRMED note once', () => {
  const r = spawnSync(process.execPath, [demo], { encoding: 'utf8', cwd: path.dirname(path.dirname(demo)) });
  assert.equal(r.status, 0, r.stderr);
  const check = r.stdout.substring(0, r.stdout.indexOf('\n=== ', 5));
  const blocks = check.split('\n\n').filter(b => /^examples\//.test(b));
  assert.ok(blocks.length >= 10, `${blocks.length} blocks`);
  for (const b of blocks) {
    const [head, first] = b.split('\n');
    assert.match(head, /^examples\/.+?:\d+:\d+ {2}(error|warning|information) [a-z-]+$/, b);
    assert.match(first, /^ {2}→ \S/, b);
  }
  const slash = blocks.find(b => b.startsWith('examples/apis/reports/policy.xml:') && b.split('\n')[0].endsWith(' flow-audience'));
  assert.match(slash ?? '', /\n {2}→ Add the trailing slash: https:\/\/service\.flow\.microsoft\.com\/ — monthly-report/);
  const note = 'Microsoft allows service principal object IDs';
  assert.equal(check.split(note).length - 1, 1, 'the app-only note is printed once');
  assert.ok(blocks.filter(b => / flow-app-only$/m.test(b.split('\n')[0])).length > 1, 'the note applies to several flows');
});
