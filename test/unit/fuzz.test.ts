/**
 * Mutations of real policies through the whole service: nothing throws, every call finishes in
 * bounded time. Deterministic (seeded) so a failure can be replayed.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { doc, service } from '../util/service';

const corpus = path.resolve(__dirname, '../../../../shared/corpus/policies');

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

const TOKENS = ['<', '>', '/>', '</', '"', "'", '@(', '@{', ')', '}', '{{', '}}', '&quot;', '&', '<![CDATA[', ']]>', '<!--', '-->', '\0', '\r\n', '\uFEFF', '<?xml ?>', '<!DOCTYPE x [', '<base />', '<inbound>', '</policies>'];

function mutate(text: string, rnd: () => number): string {
  let t = text;
  const n = 1 + Math.floor(rnd() * 8);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(rnd() * (t.length + 1));
    const kind = rnd();
    if (kind < 0.4) t = t.substring(0, at) + TOKENS[Math.floor(rnd() * TOKENS.length)] + t.substring(at);
    else if (kind < 0.7) t = t.substring(0, at) + t.substring(Math.min(t.length, at + 1 + Math.floor(rnd() * 40)));
    else if (kind < 0.85) t = t.substring(0, at);
    else { const b = Math.floor(rnd() * t.length); t = t.substring(0, at) + t.substring(b, b + 200) + t.substring(at); }
  }
  return t;
}

function sources(): string[] {
  if (!fs.existsSync(corpus)) return ['<policies><inbound><base /><set-variable name="a" value="@(context.Request.Headers.GetValueOrDefault(&quot;x&quot;,&quot;&quot;))" /></inbound></policies>'];
  const out: string[] = [];
  for (const d of fs.readdirSync(corpus)) {
    const dir = path.join(corpus, d);
    for (const f of fs.readdirSync(dir).slice(0, 12)) out.push(fs.readFileSync(path.join(dir, f), 'utf8'));
  }
  return out;
}

test('fuzz: mutated corpus files never throw and finish in bounded time', () => {
  const rnd = seeded(20261126);
  const texts = sources();
  let slowest = 0;
  for (let round = 0; round < 1500; round++) {
    const text = mutate(texts[round % texts.length], rnd);
    const d = doc(text, round % 3 === 0 ? 'file:///ws/policy%20fragments/f/policy.xml' : 'file:///ws/apis/a/policy.xml');
    const t0 = performance.now();
    const parsed = service.parse(d);
    service.doValidation(d, parsed);
    const at = d.positionAt(Math.floor(rnd() * (text.length + 1)));
    service.doComplete(d, at, parsed);
    service.doHover(d, at, parsed);
    service.findDocumentSymbols(d, parsed);
    service.getFoldingRanges(d, parsed);
    service.format(d, undefined, { tabSize: 2, insertSpaces: round % 2 === 0 }, parsed);
    service.doCodeActions(d, service.doValidation(d, parsed), parsed);
    slowest = Math.max(slowest, performance.now() - t0);
  }
  // generous: a bound against hangs, not a benchmark
  assert.ok(slowest < 2000, `slowest round took ${slowest.toFixed(0)} ms`);
});
