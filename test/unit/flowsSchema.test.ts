/**
 * apim-flows.json is checked twice in the editor: by the extension's server and by VS Code's JSON
 * support with schemas/apim-flows.schema.json. Where the server reports a problem with a message of
 * its own (a GUID, a flow type, a cloud, an identity type, an authentication), the schema must stay
 * quiet, or the Problems panel lists the same mistake twice.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseFlowsConfig } from '../../server/src/languageService/auth/flowConfig';

type Schema = { [key: string]: unknown };

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../schemas/apim-flows.schema.json'), 'utf8')) as Schema;

function resolve(node: Schema): Schema {
  let n = node;
  while (typeof n.$ref === 'string') n = (schema.definitions as Record<string, Schema>)[n.$ref.replace('#/definitions/', '')];
  return n;
}

function typeOf(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : Number.isInteger(v) ? 'integer' : typeof v;
}

/**
 * The schema errors of `value`: the draft-07 keywords the flows schema uses (type, enum, const,
 * pattern, required, properties, additionalProperties, items, anyOf, min/max lengths and counts),
 * as JSON paths, the way a JSON language service reports them.
 */
function schemaErrors(node: Schema, value: unknown, at = '$'): string[] {
  const s = resolve(node);
  const out: string[] = [];
  const t = typeOf(value);
  if (typeof s.type === 'string' && s.type !== t && !(s.type === 'number' && t === 'integer')) return [`${at}: type`];
  if (Array.isArray(s.enum) && !s.enum.includes(value)) out.push(`${at}: enum`);
  if ('const' in s && s.const !== value) out.push(`${at}: const`);
  if (typeof s.pattern === 'string' && typeof value === 'string' && !new RegExp(s.pattern).test(value)) out.push(`${at}: pattern`);
  if (Array.isArray(s.anyOf) && !s.anyOf.some(b => schemaErrors(b as Schema, value, at).length === 0)) out.push(`${at}: anyOf`);
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    for (const r of (s.required as string[] | undefined) ?? []) if (!(r in obj)) out.push(`${at}: required ${r}`);
    const props = (s.properties as Record<string, Schema> | undefined) ?? {};
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) out.push(...schemaErrors(props[k], v, `${at}.${k}`));
      else if (s.additionalProperties === false) out.push(`${at}.${k}: not allowed`);
      else if (typeof s.additionalProperties === 'object') out.push(...schemaErrors(s.additionalProperties as Schema, v, `${at}.${k}`));
    }
  }
  if (t === 'array' && s.items) (value as unknown[]).forEach((v, i) => out.push(...schemaErrors(s.items as Schema, v, `${at}[${i}]`)));
  return out;
}

test('the schema accepts a correct config and still checks what the server does not', () => {
  const text = JSON.stringify({
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    cloud: 'public',
    identities: { 'apim-system': { type: 'system', principalId: '11111111-1111-1111-1111-111111111111', clientId: '22222222-2222-2222-2222-222222222222' } },
    flows: { 'order-intake': { type: 'powerAutomate', url: 'https://prod-00.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke', trigger: { authentication: 'specificUsers', allowedCallers: ['11111111-1111-1111-1111-111111111111'] } } },
  });
  assert.deepEqual(schemaErrors(schema, JSON.parse(text)), []);
  // the checker itself finds what the schema still checks
  assert.deepEqual(schemaErrors(schema, { flows: { a: { type: 'powerAutomate', colour: 'red' } } }), ['$.flows.a.colour: not allowed']);
});

test('a mistake the server reports is not reported by the schema as well', () => {
  const config = {
    tenantId: 'not-a-guid',
    cloud: 'mars',
    identities: { 'apim-system': { type: 'sytem', principalId: '1234' }, typeless: { clientId: '22222222-2222-2222-2222-222222222222' } },
    resources: { 'api://x': { tokenVersion: 3, clientId: 'abc' } },
    flows: {
      typo: { type: 'powerAutomat', url: 'https://prod-00.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke' },
      missing: { url: 'https://prod-00.westeurope.logic.azure.com/workflows/def/triggers/manual/paths/invoke' },
      pa: { type: 'powerAutomate', url: 'https://prod-00.westeurope.logic.azure.com/workflows/ghi/triggers/manual/paths/invoke', trigger: { authentication: 'users' } },
      std: { type: 'logicAppStandard', url: 'https://x.azurewebsites.net/api/w/triggers/manual/invoke', easyAuth: { clientId: 'nope', allowedPrincipals: ['x'] } },
    },
  };
  const text = JSON.stringify(config, null, 2);
  const server = parseFlowsConfig('file:///ws/apim-flows.json', text, () => undefined as never, (b, r) => new URL(r, b).href).problems.map(p => p.code);
  for (const code of ['flows-invalid-guid', 'flows-unknown-cloud', 'flows-invalid-identity-type', 'flows-invalid-token-version', 'flows-unknown-flow-type', 'flows-missing-flow-type', 'flows-unknown-authentication']) {
    assert.ok(server.includes(code), `the server reports ${code}: ${server.join(', ')}`);
  }
  assert.deepEqual(schemaErrors(schema, config), []);
});
