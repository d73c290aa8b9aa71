/**
 * What a workspace pass leaves for the garbage collector. Each file's tree, lists and cache keys
 * must die young: what survives a young-generation collection is copied (and the main thread
 * waits, and so does an answer to the editor that comes meanwhile). Two shapes kept them: the
 * parsed document as an object literal with getters (V8 kept each one's young tree through the
 * young collections until the next full one), and the expression cache putting each hit back
 * under the key just cut from the document.
 *
 * Measured in a child process with V8's own account of each young collection (`--trace-gc-nvp`):
 * bytes promoted to the old generation, the median over the collections of a loop that keeps one
 * result at a time. A count of bytes, not a time: steady on a loaded machine.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CORPUS } from '../util/corpus';
import { createExpressionChecker } from '../../server/src/languageService/expressions/expressionChecks';

const out = path.resolve(__dirname, '../..');

/**
 * Runs `body` `warmUp` times, then `measured` times, in a young generation of a fixed 1 MB (so
 * that there are collections to count), and returns the median bytes promoted per young collection of the
 * measured part.
 */
function promotedPerScavenge(setup: string, body: string, warmUp: number, measured: number): { scavenges: number; promoted: number } {
  const script = `${setup}
for (let i = 0; i < ${warmUp}; i++) { ${body} }
console.log('MEASURE');
for (let i = 0; i < ${measured}; i++) { ${body} }`;
  const r = spawnSync(process.execPath, ['--trace-gc', '--trace-gc-nvp', '--min-semi-space-size=1', '--max-semi-space-size=1', '-e', script], { encoding: 'utf8', cwd: out, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  const from = lines.indexOf('MEASURE');
  const promoted = lines.slice(from + 1).filter(l => / gc=s /.test(l)).map(l => Number(/ promoted=(\d+)/.exec(l)?.[1] ?? NaN));
  assert.ok(promoted.length >= 3, `too few young collections to judge (${promoted.length})`);
  // the median: the first collections after the warm-up may still promote what it kept
  const sorted = [...promoted].sort((a, b) => a - b);
  return { scavenges: promoted.length, promoted: sorted[sorted.length >> 1] };
}

/** A real policy of a few KB (the first such in the corpus, by path). */
function corpusPolicyPath(): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.xml')) files.push(p);
    }
  };
  walk(path.join(CORPUS, 'policies'));
  const found = files.sort().find(f => fs.statSync(f).size > 3000 && fs.readFileSync(f, 'utf8').includes('@('));
  assert.ok(found, 'no corpus policy of a few KB with expressions');
  return found;
}

const corpusPolicy = `require('fs').readFileSync(${JSON.stringify(corpusPolicyPath())}, 'utf8')`;

test('parsing policies one after another leaves no old-generation garbage', () => {
  const { scavenges, promoted } = promotedPerScavenge(
    `const { createPolicyParser } = require('./server/src/languageService/parser/policyParser.js');
const parse = createPolicyParser();
const text = ${corpusPolicy};
let kept;`,
    'kept = parse(text); kept.roots;',
    2000, 20000,
  );
  // an accessor literal promoted 0.6-2.3 MB per collection here; a class, under 10 KB
  assert.ok(promoted < 100_000, `${Math.round(promoted)} bytes promoted per young collection (${scavenges} collections)`);
});

test('a hit in the expression cache keeps no key cut from the document', () => {
  const { scavenges, promoted } = promotedPerScavenge(
    `const { createExpressionChecker } = require('./server/src/languageService/expressions/expressionChecks.js');
const checker = createExpressionChecker(undefined);
const bodies = [];
for (let k = 0; k < 10000; k++) bodies.push('@(context.Request.Headers.GetValueOrDefault("x-' + k + '", "none"))');
const text = bodies.join(' ');
let at = 0;`,
    // a fresh slice of a document each time, as a pass reads them
    `const end = text.indexOf(' ', at); const raw = text.substring(at, end < 0 ? text.length : end); at = end < 0 ? 0 : end + 1;
checker.check(raw, true);`,
    30000, 60000,
  );
  // moving each hit under its new key promoted 0.3-0.6 MB per collection here
  assert.ok(promoted < 100_000, `${Math.round(promoted)} bytes promoted per young collection (${scavenges} collections)`);
});

test('the expression cache drops the least recently used checks first', () => {
  const checker = createExpressionChecker(undefined, 4);
  const raw = (k: number) => `@(context.Variables["v${k}"])`;
  for (let k = 0; k < 4; k++) checker.check(raw(k), true);
  // 0 is used again while it is among the older half: it moves to the end
  checker.check(raw(0), true);
  checker.check(raw(4), true);
  assert.ok(checker.cached(raw(0), true), 'a check used again is kept');
  assert.equal(checker.cached(raw(1), true), undefined, 'the least recently used check goes first');
  assert.ok(checker.cached(raw(4), true));
  // what a hit returns is the check made the first time
  assert.equal(checker.check(raw(4), true), checker.cached(raw(4), true));
  // the cache never holds more than its size
  for (let k = 5; k < 40; k++) checker.check(raw(k), true);
  assert.equal([...Array(40).keys()].filter(k => checker.cached(raw(k), true)).length, 4);
});
