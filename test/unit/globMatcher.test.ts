/**
 * The `policies` globs of apim-flows.json: the semantics the regular expression they used to be
 * compiled to had, without its backtracking.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { compileGlob } from '../../server/src/languageService/workspace/globMatcher';
import { createWorkspaceIndex } from '../../server/src/languageService/workspace/workspaceIndex';
import { analyzePolicyFlows } from '../../server/src/languageService/workspace/flowLinks';
import { parsePolicy } from '../../server/src/languageService/parser/policyParser';
import { getLanguageService } from '../../server/src/languageService/languageService';

test('glob semantics: **, *, ? over /-separated paths', () => {
  const table: Array<[string, string, boolean]> = [
    ['apis/orders/**/policy.xml', 'apis/orders/policy.xml', true],
    ['apis/orders/**/policy.xml', 'apis/orders/operations/get/policy.xml', true],
    ['apis/orders/**/policy.xml', 'apis/ordersx/policy.xml', false],
    ['apis/orders/**/policy.xml', 'apis/orders/policy.xml.bak', false],
    ['apis/*/policy.xml', 'apis/orders/policy.xml', true],
    ['apis/*/policy.xml', 'apis/orders/operations/policy.xml', false],
    ['apis/*/policy.xml', 'apis//policy.xml', true],
    ['apis/**', 'apis/orders/operations/get/policy.xml', true],
    ['apis**', 'apis/x', true],
    ['**', '', true],
    ['*', 'a/b', false],
    ['**/policy.xml', 'policy.xml', true],
    ['**/policy.xml', 'a/b/policy.xml', true],
    ['**/policy.xml', '/policy.xml', true],
    ['**/policy.xml', 'apolicy.xml', false],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a/**/b', 'a/xb', false],
    ['a?c', 'abc', true],
    ['a?c', 'a/c', false],
    ['a?c', 'ac', false],
    ['***/x', 'a/b/x', true],
    ['***/x', 'x', false],
    ['a.b', 'a.b', true],
    ['a.b', 'axb', false],
    ['(a)+[b]$^{c}|d\\', '(a)+[b]$^{c}|d\\', true],
    ['', '', true],
    ['', 'a', false],
    ['apis/orders', 'apis/orders/policy.xml', false],
  ];
  for (const [glob, path, expected] of table) assert.equal(compileGlob(glob)(path), expected, `${glob} on ${JSON.stringify(path)}`);
});

/** The translation the globs used to get: the reference for their meaning, fine on small inputs. */
function referenceRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

test('glob semantics: the same answers as the regular expressions they replace, on every small glob and path', () => {
  // deterministic pseudo-random cases over the characters that matter
  let seed = 12345;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 16) % n;
  };
  const pick = (alphabet: string, max: number) => Array.from({ length: next(max + 1) }, () => alphabet[next(alphabet.length)]).join('');
  for (let i = 0; i < 20_000; i++) {
    const glob = pick('ab/*?', 7);
    const path = pick('ab/', 8);
    assert.equal(compileGlob(glob)(path), referenceRegExp(glob).test(path), `${glob} on ${JSON.stringify(path)}`);
  }
});

test('a glob built to backtrack answers at once: **a**a…**b against 40 a\'s', () => {
  const glob = '**a'.repeat(10) + '**b';
  const started = Date.now();
  const matches = compileGlob(glob);
  assert.equal(matches('a'.repeat(40)), false);
  assert.equal(matches('a'.repeat(40) + 'b'), true);
  assert.equal(matches('a/'.repeat(2000) + 'b'), true);
  assert.equal(compileGlob('*a'.repeat(30) + '*b')('a'.repeat(5000)), false);
  assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
});

test('a policy linked by such a glob is analysed without hanging', () => {
  const root = 'file:///repo';
  const index = createWorkspaceIndex();
  const flows = { f: { type: 'powerAutomate', policies: ['**a'.repeat(10) + '**b', 'apis/**/policy.xml'], trigger: { authentication: 'tenant' } } };
  index.update(`${root}/apim-flows.json`, JSON.stringify({ flows }));
  const uri = `${root}/${'a'.repeat(40)}.policy.xml`;
  const text = '<policies><inbound><base /><authentication-managed-identity resource="https://service.flow.microsoft.com/" /></inbound></policies>';
  index.update(uri, text);
  const catalog = getLanguageService().catalog;
  const started = Date.now();
  const unlinked = analyzePolicyFlows(uri, parsePolicy(text), index, { catalog });
  assert.equal(unlinked.uses[0].link, undefined);
  const linkedUri = `${root}/apis/a/policy.xml`;
  index.update(linkedUri, text);
  const linked = analyzePolicyFlows(linkedUri, parsePolicy(text), index, { catalog });
  assert.equal(linked.uses[0].link?.by, 'glob');
  assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
});
