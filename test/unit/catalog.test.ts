import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { createCatalog } from '../../server/src/languageService/catalog';
import { codes, validate } from '../util/service';

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

/** A policy in a section of a plain operation policy, everything else a bare `<base />`. */
function inSection(section: 'inbound' | 'backend' | 'outbound' | 'on-error', xml: string): string {
  const s = (name: string) => `<${name}><base />${name === section ? xml : ''}</${name}>`;
  return `<policies>${s('inbound')}${s('backend')}${s('outbound')}${s('on-error')}</policies>`;
}

test('catalog refresh, round 3: attributes the current pages add are accepted, and typed', () => {
  // cache-remove-value (page of 06/02/2026): fail-on-cache-removal-error
  assert.deepEqual(validate(inSection('inbound', '<cache-remove-value key="k" fail-on-cache-removal-error="true" />')), []);
  assert.deepEqual(codes(validate(inSection('inbound', '<cache-remove-value key="k" fail-on-cache-removal-error="maybe" />'))), ['invalid-value']);
  // llm-semantic-cache-store (06/02/2026): cache-response
  assert.deepEqual(validate(inSection('outbound', '<llm-semantic-cache-store duration="60" cache-response="true" />')), []);
  // set-body: parse-date, on the policy and where set-body is a child (return-response, send-request)
  assert.deepEqual(validate(inSection('outbound', '<set-body parse-date="false">{}</set-body>')), []);
  assert.deepEqual(validate(inSection('inbound', '<return-response><set-body parse-date="false">{}</set-body></return-response>')), []);
  assert.deepEqual(validate(inSection('inbound', '<send-request response-variable-name="r"><set-url>https://example.com</set-url><set-method>POST</set-method><set-body parse-date="false">{}</set-body></send-request>')), []);
  // the page says no expressions in parse-date
  assert.deepEqual(codes(validate(inSection('outbound', '<set-body parse-date="@(true)">{}</set-body>'))), ['expression-not-allowed']);
});

test('catalog refresh, round 3: mock-response takes no policy expressions in its attributes', () => {
  assert.deepEqual(validate(inSection('inbound', '<mock-response status-code="404" content-type="application/json" />')), []);
  assert.deepEqual(codes(validate(inSection('inbound', '<mock-response status-code="@(404)" />'))), ['expression-not-allowed']);
  assert.deepEqual(codes(validate(inSection('inbound', '<mock-response content-type="@("application/json")" />'))), ['expression-not-allowed']);
});

test('catalog refresh, round 3: workspace scope and gateway where the pages now list them', () => {
  const c = createCatalog();
  for (const name of ['rewrite-uri', 'xsl-transform', 'set-method', 'return-response', 'mock-response', 'trace']) {
    assert.ok(c.getElement(name)?.scopes.includes('workspace'), `${name} scope`);
  }
  for (const name of ['rewrite-uri', 'json-to-xml', 'find-and-replace', 'xsl-transform', 'set-method', 'return-response', 'mock-response', 'trace', 'send-request']) {
    assert.ok(c.getElement(name)?.gateways.includes('workspace'), `${name} gateway`);
  }
  // the semantic-cache pages list no workspace scope or gateway
  assert.ok(!c.getElement('azure-openai-semantic-cache-lookup')?.scopes.includes('workspace'));
  assert.ok(!c.getElement('llm-semantic-cache-store')?.gateways.includes('workspace'));
  assert.ok(c.getElement('llm-semantic-cache-store')?.gateways.includes('self-hosted'));
});

test('catalog refresh, round 3: where a deployed policy contradicts the page, the policy wins', () => {
  // trace: the page says source takes no expressions and lists no on-error; real policies do both
  assert.deepEqual(validate(inSection('on-error', '<trace source="@(context.Api.Name)" severity="error"><message>x</message></trace>')), []);
  // set-status: the page marks reason required; real policies omit it
  assert.deepEqual(validate(inSection('inbound', '<return-response><set-status code="404" /></return-response>')), []);
});

test('every entry checked against a page records the page, the day it was read, and a page date no later than that day', () => {
  const c = createCatalog();
  const checked = c.data.elements.filter(e => e.checked);
  assert.ok(checked.length >= 28, `${checked.length} entries checked`);
  for (const e of checked) {
    assert.match(e.checked!.source, /^https:\/\/(github\.com\/MicrosoftDocs\/azure-docs\/|learn\.microsoft\.com\/)/, e.name);
    assert.match(e.checked!.read, /^\d{4}-\d{2}-\d{2}$/, e.name);
    if (e.docDate) assert.ok(e.docDate <= e.checked!.read, `${e.name}: page dated ${e.docDate}, read ${e.checked!.read}`);
  }
  // the groups this refresh covered
  for (const name of ['cache-lookup', 'cache-store', 'cache-remove-value', 'llm-semantic-cache-lookup', 'set-body', 'rewrite-uri', 'mock-response', 'send-request', 'trace', 'wait', 'include-fragment']) {
    assert.ok(c.getElement(name)?.checked, name);
  }
});

test('catalog refresh, round 4: the retired set-graphql-resolver validates in the shape its last page documents', () => {
  const resolver = '<set-graphql-resolver parent-type="Query" field="users"><http-data-source>'
    + '<http-request><set-method>GET</set-method><set-url>https://data.contoso.com/users</set-url></http-request>'
    + '<http-response><set-body template="liquid">[{% JSONArrayFor e in body %}{"name": "{{e.username}}"}{% endJSONArrayFor %}]</set-body></http-response>'
    + '</http-data-source></set-graphql-resolver>';
  assert.deepEqual(validate(inSection('backend', resolver)), []);
  // the page (12/02/2022) lists the backend section only, and the request's method and URL as required
  assert.deepEqual(codes(validate(inSection('inbound', resolver))), ['policy-not-allowed-in-section']);
  assert.deepEqual(codes(validate(inSection('backend', '<set-graphql-resolver parent-type="Query" field="users" />'))), ['missing-required-child']);
  assert.deepEqual(codes(validate(inSection('backend', '<set-graphql-resolver parent-type="Q" field="f"><http-data-source><http-request><set-method>GET</set-method></http-request></http-data-source></set-graphql-resolver>'))), ['missing-required-child']);
  assert.ok(createCatalog().getElement('set-graphql-resolver')?.deprecated, 'still retired: completion does not offer it');
});

test('catalog refresh, round 4: azure-openai-emit-token-metric value is a number, as on emit-metric', () => {
  const metric = (value: string) => inSection('inbound', `<azure-openai-emit-token-metric namespace="openai" value="${value}"><dimension name="API ID" /></azure-openai-emit-token-metric>`);
  assert.deepEqual(validate(metric('2.5')), []);
  assert.deepEqual(validate(metric('@((double)context.Variables.GetValueOrDefault<int>("n"))')), []);
  assert.deepEqual(codes(validate(metric('lots'))), ['invalid-value']);
});

test('catalog refresh, round 4: validate-graphql-request states expressions for its three attributes', () => {
  const info = createCatalog().getElement('validate-graphql-request')!;
  for (const name of ['error-variable-name', 'max-size', 'max-depth']) {
    const a = info.attributes.find(x => x.name === name)!;
    assert.equal(a.expressions, true, name);
    assert.notEqual(a.expressionsStated, false, name);
  }
  assert.deepEqual(validate(inSection('inbound', '<validate-graphql-request error-variable-name="errs" max-size="@(102400)" max-depth="@(4)" />')), []);
});

test('catalog refresh, round 4: the sixteen entries the earlier rounds could not reach record their page', () => {
  const c = createCatalog();
  const names = ['set-query-parameter', 'set-backend-service', 'send-one-way-request', 'forward-request', 'publish-to-dapr', 'invoke-dapr-binding',
    'azure-openai-semantic-cache-store', 'azure-openai-emit-token-metric', 'llm-emit-token-metric', 'validate-graphql-request', 'set-graphql-resolver',
    'http-data-source', 'cosmosdb-data-source', 'sql-data-source', 'choose'];
  for (const name of names) {
    const e = c.getElement(name)!;
    assert.ok(e.checked, name);
    assert.match(e.docDate ?? '', /^\d{4}-\d{2}-\d{2}$/, `${name} records its page date`);
  }
  assert.ok(c.getVariants('set-backend-service').find(v => v.variant === 'dapr')?.checked, 'set-backend-service (Dapr)');
});
