import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { runCli, makeTree } from '../util/cli';

const examples = path.resolve(__dirname, '../../../examples');

const run = (args: string[], cwd?: string) => runCli(args, { cwd });

const tree = (files: Record<string, string>) => makeTree(files, 'apim-eff-');

const level = (inbound: string) => `<policies>\n\t<inbound>\n\t\t<base />\n\t\t${inbound}\n\t</inbound>\n\t<backend>\n\t\t<base />\n\t</backend>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n\t<on-error>\n\t\t<base />\n\t</on-error>\n</policies>\n`;

function apiopsTree() {
  return tree({
    'policy.xml': '<policies>\n\t<inbound>\n\t\t<set-variable name="level" value="global" />\n\t</inbound>\n\t<backend>\n\t\t<forward-request />\n\t</backend>\n\t<outbound />\n\t<on-error />\n</policies>\n',
    'products/gold/policy.xml': level('<set-variable name="level" value="gold" />'),
    'products/gold/apis/orders/productApiInformation.json': '{}',
    'products/bronze/policy.xml': level('<set-variable name="level" value="bronze" />'),
    'products/bronze/apis/orders/productApiInformation.json': '{}',
    'apis/orders/policy.xml': level('<set-variable name="level" value="api" />'),
    'apis/orders/operations/create/policy.xml': level('<set-variable name="level" value="operation" />'),
    'apis/orders/operations/list/operationInformation.json': '{}',
  });
}

test('effective: json lists the statements in execution order with name, section, scope, file, range', () => {
  const dir = apiopsTree();
  const r = run(['effective', path.join(dir, 'apis/orders/operations/create/policy.xml'), '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.products, ['bronze', 'gold']);
  assert.equal(out.product, 'bronze');
  const inbound = out.elements.filter((e: { section: string }) => e.section === 'inbound');
  assert.deepEqual(inbound.map((e: { scope: string }) => e.scope), ['global', 'product', 'api', 'operation']);
  assert.deepEqual(Object.keys(inbound[0]).sort(), ['file', 'name', 'range', 'scope', 'section']);
  assert.equal(inbound[1].file, path.join(dir, 'products/bronze/policy.xml'));
  assert.deepEqual(inbound[3].range, { start: { line: 3, character: 2 }, end: { line: 3, character: 49 } });
  assert.deepEqual(out.elements.filter((e: { section: string }) => e.section === 'backend').map((e: { name: string }) => e.name), ['forward-request']);
});

test('effective: xml by default, --product picks the product, a folder stands for its policy.xml', () => {
  const dir = apiopsTree();
  const r = run(['effective', path.join(dir, 'apis/orders/operations/create'), '--product', 'gold']);
  assert.equal(r.code, 0, r.stderr);
  const order = ['value="global"', 'value="gold"', 'value="api"', 'value="operation"'].map(v => r.stdout.indexOf(v));
  assert.ok(order.every((v, i) => v > 0 && (i === 0 || v > order[i - 1])), r.stdout);
  assert.doesNotMatch(r.stdout, /bronze" \/>/);
  assert.match(r.stdout, /<!-- from: product \(products\/gold\/policy\.xml\) -->/);
  // an operation without a policy file runs its parents' policies
  const list = run(['effective', path.join(dir, 'apis/orders/operations/list'), '--format', 'json']);
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stderr, /has no policy\.xml/);
  assert.deepEqual(JSON.parse(list.stdout).elements.filter((e: { section: string }) => e.section === 'inbound').map((e: { scope: string }) => e.scope), ['global', 'product', 'api']);
});

test('effective: a product the API is not in, a fragment and a bad format are clear errors (exit 2)', () => {
  const dir = apiopsTree();
  const op = path.join(dir, 'apis/orders/operations/create/policy.xml');
  const wrong = run(['effective', op, '--product', 'silver']);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /no product 'silver' \(its products: bronze, gold\)/);
  fs.mkdirSync(path.join(dir, 'policy fragments/f'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'policy fragments/f/policy.xml'), '<fragment />');
  const fragment = run(['effective', path.join(dir, 'policy fragments/f/policy.xml')]);
  assert.equal(fragment.code, 2);
  assert.match(fragment.stderr, /it runs where it is included/);
  assert.equal(run(['effective', op, '--format', 'sarif']).code, 2);
  assert.equal(run(['effective']).code, 2);
  assert.equal(run(['effective', path.join(dir, 'nope')]).code, 2);
});

test('effective: the examples operation runs global, then API, then operation (with its fragment)', () => {
  const r = run(['effective', path.join(examples, 'apis/orders/operations/create-order'), '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const inbound = JSON.parse(r.stdout).elements.filter((e: { section: string }) => e.section === 'inbound');
  assert.deepEqual(inbound.map((e: { scope: string; name: string }) => `${e.scope}:${e.name}`), [
    'global:set-header', 'api:set-header', 'api:set-backend-service', 'api:authentication-managed-identity', 'operation:choose', 'operation:set-header', 'operation:set-header',
  ]);
  assert.equal(inbound[5].fragment, 'remove-caller-auth');
});

test('effective: a symlinked policy that leads out of the tree is refused', () => {
  const dir = apiopsTree();
  const outside = tree({ 'secret.xml': level('<set-variable name="x" value="outside" />') });
  const op = path.join(dir, 'apis/orders/operations/linked');
  fs.mkdirSync(op, { recursive: true });
  fs.symlinkSync(path.join(outside, 'secret.xml'), path.join(op, 'policy.xml'));
  const r = run(['effective', op]);
  assert.equal(r.code, 2);
  assert.doesNotMatch(r.stdout, /outside/);
  assert.match(r.stderr, /policy\.xml: /);
});
