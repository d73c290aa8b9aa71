import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { createCatalog } from '../../server/src/languageService/catalog';

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
