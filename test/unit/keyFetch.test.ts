/**
 * The key fetch against a local server on 127.0.0.1 (its origin is the allowlist here): the body
 * is read only up to the size limit, and key sets are cached per URL for their lifetime.
 */
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { cacheLifetimeMs, createKeyFetcher } from '../../server/src/node/keyFetch';

const JWKS = { keys: [{ kty: 'RSA', kid: 'k1', n: 'AQAB', e: 'AQAB' }] };
const MB = 1024 * 1024;

interface Served {
  path: string;
  /** Bytes the server managed to write before the client went away. */
  written: number;
}

let server: http.Server;
let origin: string;
let served: Served[] = [];
/** What each path answers; set per test. */
const routes = new Map<string, (res: http.ServerResponse, record: Served) => void>();

before(async () => {
  server = http.createServer((req, res) => {
    const record: Served = { path: req.url ?? '', written: 0 };
    served.push(record);
    const route = routes.get(record.path);
    if (!route) {
      res.statusCode = 404;
      res.end();
      return;
    }
    route(res, record);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>(r => {
  server.closeAllConnections();
  server.close(() => r());
}));

/** Writes 64 KB chunks, honouring back-pressure, until `total` bytes or the client leaves. */
function stream(res: http.ServerResponse, record: Served, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const pump = () => {
    while (record.written < total && !res.destroyed) {
      record.written += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  res.on('close', () => undefined);
  pump();
}

test('a declared 400 MB body is refused before it is read', async () => {
  served = [];
  routes.set('/declared', (res, record) => {
    res.setHeader('content-length', String(400 * MB));
    res.setHeader('content-type', 'application/json');
    stream(res, record, 400 * MB);
  });
  const fetchKeys = createKeyFetcher({ origins: [origin] });
  const started = Date.now();
  await assert.rejects(fetchKeys(`${origin}/declared`), /too large \(419430400 bytes/);
  assert.ok(Date.now() - started < 10_000);
  assert.ok(served[0].written < 64 * MB, `the server wrote ${served[0].written} bytes`);
});

test('an undeclared (chunked) 400 MB body stops being read at the size limit', async () => {
  served = [];
  routes.set('/chunked', (res, record) => {
    res.setHeader('content-type', 'application/json');
    stream(res, record, 400 * MB);
  });
  const fetchKeys = createKeyFetcher({ origins: [origin], timeoutMs: 30_000 });
  const before = process.memoryUsage().rss;
  await assert.rejects(fetchKeys(`${origin}/chunked`), /too large \(over 1000000 bytes\)/);
  // the server is cut off long before 400 MB (socket buffers hold a few MB at most)
  await new Promise(r => setTimeout(r, 50));
  assert.ok(served[0].written < 64 * MB, `the server wrote ${served[0].written} bytes`);
  assert.ok(process.memoryUsage().rss - before < 200 * MB, 'the body was buffered');
});

test('keys are cached per URL for the max-age the endpoint gives, else a day; entries are bounded', async () => {
  served = [];
  let clock = 0;
  routes.set('/short', res => {
    res.setHeader('cache-control', 'public, max-age=60');
    res.end(JSON.stringify(JWKS));
  });
  routes.set('/plain', res => res.end(JSON.stringify(JWKS)));
  routes.set('/other', res => res.end(JSON.stringify(JWKS)));
  const fetchKeys = createKeyFetcher({ origins: [origin], now: () => clock, maxEntries: 2 });
  const count = (path: string) => served.filter(s => s.path === path).length;

  // two decodes at once share one request
  const [a, b] = await Promise.all([fetchKeys(`${origin}/short`), fetchKeys(`${origin}/short`)]);
  assert.deepEqual(a, JWKS);
  assert.deepEqual(b, JWKS);
  assert.equal(count('/short'), 1);
  clock = 59_000;
  await fetchKeys(`${origin}/short`);
  assert.equal(count('/short'), 1, 'fetched again within max-age');
  clock = 61_000;
  await fetchKeys(`${origin}/short`);
  assert.equal(count('/short'), 2, 'not fetched again after max-age');

  await fetchKeys(`${origin}/plain`);
  clock += 23 * 3_600_000;
  await fetchKeys(`${origin}/plain`);
  assert.equal(count('/plain'), 1, 'no max-age: kept for a day');
  clock += 2 * 3_600_000;
  await fetchKeys(`${origin}/plain`);
  assert.equal(count('/plain'), 2);

  // a third URL pushes the oldest entry (/short) out
  await fetchKeys(`${origin}/other`);
  await fetchKeys(`${origin}/short`);
  assert.equal(count('/short'), 3);
});

test('a failed fetch is remembered only briefly, then tried again', async () => {
  served = [];
  let clock = 0;
  let healthy = false;
  routes.set('/flaky', res => {
    res.statusCode = healthy ? 200 : 503;
    res.end(healthy ? JSON.stringify(JWKS) : 'down');
  });
  const fetchKeys = createKeyFetcher({ origins: [origin], now: () => clock, failureTtlMs: 30_000 });
  await assert.rejects(fetchKeys(`${origin}/flaky`), /HTTP 503/);
  healthy = true;
  clock = 10_000;
  await assert.rejects(fetchKeys(`${origin}/flaky`), /HTTP 503/);
  assert.equal(served.length, 1, 'a burst after a failure does not hammer the endpoint');
  clock = 31_000;
  assert.deepEqual(await fetchKeys(`${origin}/flaky`), JWKS);
  assert.equal(served.length, 2);
});

test('Cache-Control: max-age, no-store and no-cache', () => {
  assert.equal(cacheLifetimeMs('public, max-age=86400'), 86_400_000);
  assert.equal(cacheLifetimeMs('max-age="120"'), 120_000);
  assert.equal(cacheLifetimeMs('no-store'), 0);
  assert.equal(cacheLifetimeMs('private, no-cache'), 0);
  assert.equal(cacheLifetimeMs('public'), undefined);
  assert.equal(cacheLifetimeMs(null), undefined);
});
