import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { createCatalog } from '../../server/src/languageService/catalog';
import { validate } from '../util/service';

const root = path.resolve(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require(path.join(root, 'scripts/generate-catalog.js')) as { generate(root: string): string };

test('the generated catalog module is up to date with data/policies.json', () => {
  const onDisk = fs.readFileSync(path.join(root, 'server/src/languageService/catalog/policies.generated.ts'), 'utf8');
  assert.equal(onDisk, generator.generate(root), 'run `npm run catalog` to regenerate');
});

test('the catalog covers the policies and structure APIM has', () => {
  const c = createCatalog();
  for (const name of ['authentication-managed-identity', 'set-backend-service', 'send-request', 'choose', 'validate-jwt', 'include-fragment', 'forward-request', 'llm-token-limit']) {
    assert.ok(c.isPolicy(name), name);
  }
  for (const name of ['policies', 'inbound', 'backend', 'outbound', 'on-error', 'base', 'fragment']) {
    assert.equal(c.getElement(name)?.kind, 'structural', name);
  }
  assert.deepEqual(c.getElement('authentication-managed-identity')?.sections, ['inbound']);
  assert.deepEqual(c.getElement('forward-request')?.sections, ['backend']);
  assert.equal(c.getVariants('set-backend-service')[0]?.variant, 'dapr');
  assert.ok(c.data.setVariableTypes.includes('System.String'));
});

test('every policy of the reference index page (recorded in catalog/data/reference-index.json) is in the catalog', () => {
  const index = JSON.parse(fs.readFileSync(path.join(root, 'server/src/languageService/catalog/data/reference-index.json'), 'utf8')) as { source: string; read: string; policies: string[] };
  assert.match(index.source, /^https:\/\/learn\.microsoft\.com\//);
  assert.match(index.read, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(index.policies.length > 50, 'the index lists every policy');
  const c = createCatalog();
  assert.deepEqual(index.policies.filter(name => !c.isPolicy(name)), [], `policies of ${index.source} (read ${index.read}) the catalog lacks`);
});

test('the gateway table\'s Workspace column: policies the index marks Yes for workspaces', () => {
  const c = createCatalog();
  for (const name of ['check-header', 'ip-filter', 'validate-jwt', 'validate-azure-ad-token', 'authentication-basic', 'authentication-certificate', 'rate-limit-by-key', 'quota-by-key']) {
    assert.ok(c.getElement(name)?.gateways.includes('workspace'), name);
  }
  assert.ok(!c.getElement('authentication-managed-identity')?.gateways.includes('workspace'));
  assert.ok(c.getElement('quota-by-key')?.gateways.includes('v2'));
});

test('catalog refresh, round 2: content safety also checks completions in outbound; semantic cache lookup runs on self-hosted gateways', () => {
  const c = createCatalog();
  assert.deepEqual(c.getElement('llm-content-safety')?.sections, ['inbound', 'outbound']);
  const inOutbound = '<policies><inbound><base /></inbound><backend><base /></backend><outbound><base />'
    + '<llm-content-safety backend-id="content-safety"><categories output-type="EightSeverityLevels"><category name="Hate" threshold="4" /></categories></llm-content-safety>'
    + '</outbound><on-error><base /></on-error></policies>';
  assert.deepEqual(validate(inOutbound), []);
  assert.ok(c.getElement('llm-semantic-cache-lookup')?.gateways.includes('self-hosted'));
});
