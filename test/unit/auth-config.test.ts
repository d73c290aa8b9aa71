import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseFlowsConfig } from '../../server/src/languageService/auth/flowConfig';
import type { ConfigProblem } from '../../server/src/languageService/auth/types';
import { APP, SYS_CLIENT, SYS_OID, T, UAMI_CLIENT, UAMI_OID } from '../util/ids';

const CONFIG_URI = 'file:///ws/apim-flows.json';

const resolveUri = (base: string, relative: string) => new URL(relative, base).href;

function parse(text: string, files: Record<string, string> = {}) {
  return parseFlowsConfig(CONFIG_URI, text, uri => files[uri], resolveUri);
}

function codes(problems: ConfigProblem[]): string[] {
  return problems.map(p => p.code);
}

/** The problem with `code`, asserting it covers exactly `snippet` (its first occurrence after `after`). */
function problemOn(text: string, problems: ConfigProblem[], code: string, snippet: string, after = ''): ConfigProblem {
  const p = problems.find(x => x.code === code);
  assert.ok(p, `expected problem ${code}; got ${JSON.stringify(codes(problems))}`);
  const start = text.indexOf(snippet, after ? text.indexOf(after) : 0);
  assert.ok(start >= 0, `snippet ${snippet} not in text`);
  assert.deepEqual([p.start, p.end], [start, start + snippet.length], `${code} range`);
  return p;
}

/** The DESIGN.md example, with comments and a trailing comma. */
const DESIGN_EXAMPLE = `{
  "tenantId": "${T}",                 // default tenant of the flows
  "cloud": "public",
  "identities": {
    "apim-system": { "type": "system", "principalId": "${SYS_OID}", "clientId": "${SYS_CLIENT}" },
    "orders-uami": { "type": "user", "clientId": "${UAMI_CLIENT}", "principalId": "${UAMI_OID}" }
  },
  "resources": {
    "api://orders-flow": { "tokenVersion": 2, "clientId": "${APP}" }
  },
  "flows": {
    "order-intake": {
      "type": "powerAutomate",
      "url": "https://a6103daff924e0eea58d3bc2f25fbf.1d.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke?api-version=1",
      "trigger": { "authentication": "specificUsers", "allowedCallers": ["${SYS_OID}"] },
      "policies": ["apis/orders/**/policy.xml"]
    },
    "invoice": {
      "type": "logicAppConsumption",
      "url": "https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-10-01",
      "definition": "infra/invoice-logicapp.json"
    },
    "shipping": { "type": "logicAppStandard", "url": "https://shipping.azurewebsites.net/api/ship/triggers/manual/invoke?api-version=2022-05-01", "easyAuth": { "clientId": "${APP}",
      "openIdIssuer": "https://sts.windows.net/${T}/v2.0",
      "allowedAudiences": [], "allowedApplications": [], "allowedPrincipals": [], "allowedTenants": [] } },
  }
}`;

const INVOICE_TEMPLATE = JSON.stringify({
  resources: [{
    type: 'Microsoft.Logic/workflows',
    properties: {
      definition: { triggers: { manual: { type: 'Request', kind: 'Http', inputs: { schema: {} } } } },
      accessControl: {
        triggers: {
          openAuthenticationPolicies: { policies: { apim: { type: 'AAD', claims: [{ name: 'iss', value: `https://sts.windows.net/${T}/` }, { name: 'oid', value: SYS_OID }] } } },
          sasAuthenticationPolicy: { state: 'Disabled' },
        },
      },
    },
  }],
}, null, 2);

const FILES = { 'file:///ws/infra/invoice-logicapp.json': INVOICE_TEMPLATE };

test('the DESIGN.md example (comments, trailing comma) reads without problems', () => {
  const { config, problems } = parse(DESIGN_EXAMPLE, FILES);
  assert.deepEqual(problems.filter(p => p.severity !== 'information'), []);
  assert.equal(config.tenantId, T);
  assert.equal(config.cloud, 'public');
  assert.deepEqual(Object.keys(config.identities), ['apim-system', 'orders-uami']);
  assert.equal(config.identities['orders-uami'].type, 'user');
  assert.equal(config.identities['apim-system'].principalId, SYS_OID);
  assert.deepEqual(config.resources['api://orders-flow'], { resource: 'api://orders-flow', tokenVersion: 2, clientId: APP, range: config.resources['api://orders-flow'].range });

  const pa = config.flows['order-intake'];
  assert.equal(pa.type, 'powerAutomate');
  assert.equal(pa.tenantId, T, 'flow tenant defaults to the config tenant');
  assert.equal(pa.cloud, 'public');
  assert.deepEqual(pa.trigger.powerAutomate?.mode, 'specificUsers');
  assert.deepEqual(pa.trigger.powerAutomate?.allowedCallers, [SYS_OID]);
  assert.deepEqual(pa.policies, ['apis/orders/**/policy.xml']);
  assert.equal(DESIGN_EXAMPLE.slice(pa.range!.start, pa.range!.end).trim().startsWith('{'), true);

  const inv = config.flows.invoice;
  assert.equal(inv.definitionUri, 'file:///ws/infra/invoice-logicapp.json');
  assert.equal(inv.trigger.logicAppConsumption?.sasDisabled, true);
  assert.deepEqual(inv.trigger.logicAppConsumption?.policies.map(p => p.name), ['apim']);
  assert.equal(inv.trigger.logicAppConsumption?.policies[0].claims[1].range?.uri, 'file:///ws/infra/invoice-logicapp.json');

  const ship = config.flows.shipping;
  assert.equal(ship.trigger.logicAppStandard?.easyAuth?.clientId, APP);
  assert.equal(ship.trigger.logicAppStandard?.sasDisabled, false);
});

test('a JSON syntax error gets a problem at its offset and the rest is still read', () => {
  const text = `{
  "tenantId": "${T}"
  "cloud": "gcc",
  "flows": { "f": { "type": "powerAutomate", "policies": ["a"], "trigger": { "authentication": "tenant" } } }
}`;
  const { config, problems } = parse(text);
  const syntax = problems.find(p => p.code === 'flows-json-syntax');
  assert.ok(syntax);
  assert.equal(syntax.severity, 'error');
  assert.equal(syntax.start, text.indexOf('"cloud"'));
  assert.match(syntax.message, /','/);
  assert.equal(config.tenantId, T);
  assert.equal(config.cloud, 'gcc');
  assert.equal(config.flows.f.trigger.powerAutomate?.mode, 'tenant');
});

test('an empty file, a non-object root and a BOM are handled', () => {
  assert.equal(parse('').problems.length > 0, true);
  assert.deepEqual(codes(parse('[]').problems), ['flows-not-object']);
  const bom = parse(`\uFEFF{ "tenantId": "${T}" }`);
  assert.deepEqual(bom.problems, []);
  assert.equal(bom.config.tenantId, T);
});

test('invalid GUIDs: tenantId, principalId, clientId', () => {
  const text = `{ "tenantId": "not-a-guid", "identities": { "a": { "type": "user", "principalId": "12345", "clientId": "${UAMI_CLIENT}x" } } }`;
  const { config, problems } = parse(text);
  problemOn(text, problems, 'flows-invalid-guid', '"not-a-guid"');
  assert.deepEqual(problems.filter(p => p.code === 'flows-invalid-guid').map(p => text.slice(p.start, p.end)), ['"not-a-guid"', '"12345"', `"${UAMI_CLIENT}x"`]);
  assert.ok(problems.every(p => p.severity === 'error' && p.uri === CONFIG_URI));
  assert.equal(config.tenantId, undefined);
  assert.equal(config.identities.a.principalId, undefined);
});

test('an identity without a valid type', () => {
  const text = '{ "identities": { "a": { "type": "managed" } } }';
  problemOn(text, parse(text).problems, 'flows-invalid-identity-type', '"managed"');
});

test('allowedCallers entries that are neither GUIDs nor e-mail addresses', () => {
  const text = `{ "flows": { "f": { "type": "powerAutomate", "url": "https://x.environment.api.powerplatform.com/p", "trigger": { "authentication": "specificUsers", "allowedCallers": ["${SYS_OID}", "ops@contoso.com", "apim-identity"] } } } }`;
  const { problems, config } = parse(text);
  const p = problemOn(text, problems, 'pa-invalid-caller', '"apim-identity"');
  assert.equal(p.severity, 'warning');
  assert.equal(problems.filter(x => x.code === 'pa-invalid-caller').length, 1);
  assert.deepEqual(config.flows.f.trigger.powerAutomate?.allowedCallers, [SYS_OID, 'ops@contoso.com', 'apim-identity']);
});

test('unknown flow type, cloud and trigger authentication', () => {
  const text = '{ "cloud": "azure", "flows": { "a": { "type": "logicApp", "url": "https://x" }, "b": { "type": "powerAutomate", "url": "https://x.environment.api.powerplatform.com/p", "cloud": "mars", "trigger": { "authentication": "everyone" } } } }';
  const { problems, config } = parse(text);
  problemOn(text, problems, 'flows-unknown-flow-type', '"logicApp"');
  assert.deepEqual(problems.filter(p => p.code === 'flows-unknown-cloud').map(p => text.slice(p.start, p.end)), ['"azure"', '"mars"']);
  problemOn(text, problems, 'flows-unknown-authentication', '"everyone"');
  assert.equal(config.flows.a, undefined, 'a flow of unknown type is left out');
  assert.equal(config.flows.b.trigger.powerAutomate?.mode, undefined);
  assert.equal(config.cloud, 'public');
});

test('a missing flow type is taken from the definition file, else reported', () => {
  const files = { 'file:///ws/flows/export.json': JSON.stringify({ properties: { definition: { triggers: { manual: { type: 'Request', kind: 'Http', inputs: { triggerAuthenticationType: 'Tenant' } } } } } }) };
  const ok = parse('{ "flows": { "f": { "definition": "flows/export.json", "policies": ["x"] } } }', files);
  assert.equal(ok.config.flows.f.type, 'powerAutomate');
  assert.equal(ok.config.flows.f.trigger.powerAutomate?.mode, 'tenant');
  const text = '{ "flows": { "f": { "policies": ["x"] } } }';
  problemOn(text, parse(text).problems, 'flows-missing-flow-type', '"f"');
});

test('a definition that does not exist', () => {
  const text = '{ "flows": { "f": { "type": "logicAppConsumption", "url": "https://prod-1.westeurope.logic.azure.com/workflows/x", "definition": "infra/missing.json" } } }';
  const p = problemOn(text, parse(text).problems, 'flows-definition-not-found', '"infra/missing.json"');
  assert.equal(p.severity, 'error');
});

test('readFile or resolveUri throwing is a missing file, not a crash', () => {
  const text = '{ "flows": { "f": { "type": "logicAppConsumption", "policies": ["x"], "definition": "a.json" } } }';
  const r = parseFlowsConfig(CONFIG_URI, text, () => { throw new Error('EACCES'); }, resolveUri);
  assert.deepEqual(codes(r.problems), ['flows-definition-not-found']);
  const r2 = parseFlowsConfig(CONFIG_URI, text, () => '{}', () => { throw new Error('bad uri'); });
  assert.deepEqual(codes(r2.problems), ['flows-definition-not-found']);
});

test('problems found in a definition file carry that file\'s URI and offsets', () => {
  const def = '{ "properties": { "definition": { "triggers": { "manual": { "type": "Request", "kind": "Http", "inputs": { "triggerAuthenticationType": "Users" } } } } } }';
  const text = '{ "flows": { "f": { "type": "powerAutomate", "policies": ["x"], "definition": "flows/f.json" } } }';
  const { problems } = parse(text, { 'file:///ws/flows/f.json': def });
  const p = problems.find(x => x.code === 'pa-unknown-authentication');
  assert.ok(p);
  assert.equal(p.uri, 'file:///ws/flows/f.json');
  assert.equal(def.slice(p.start, p.end), '"Users"');
});

test('a definition of another kind than the flow type is a warning', () => {
  const text = '{ "flows": { "f": { "type": "powerAutomate", "policies": ["x"], "definition": "infra/invoice-logicapp.json" } } }';
  const { problems } = parse(text, FILES);
  problemOn(text, problems, 'flows-definition-type-mismatch', '"infra/invoice-logicapp.json"');
});

test('tokenVersion must be 1 or 2; a v2 resource without clientId is noted', () => {
  const text = '{ "resources": { "api://a": { "tokenVersion": 3 }, "api://b": { "tokenVersion": 2 } } }';
  const { problems, config } = parse(text);
  problemOn(text, problems, 'flows-invalid-token-version', '3');
  assert.equal(config.resources['api://a'].tokenVersion, 1);
  const info = problemOn(text, problems, 'flows-resource-no-client-id', '"api://b"');
  assert.equal(info.severity, 'information');
});

function laConfig(policies: string): string {
  return `{ "flows": { "la": { "type": "logicAppConsumption", "url": "https://prod-1.westeurope.logic.azure.com/workflows/x", "openAuthenticationPolicies": { "policies": ${policies} } } } }`;
}
const ISS = `{ "name": "iss", "value": "https://sts.windows.net/${T}/" }`;

test('Logic Apps limit: at most 5 policies', () => {
  const six = `{ ${[1, 2, 3, 4, 5, 6].map(i => `"p${i}": { "type": "AAD", "claims": [${ISS}] }`).join(', ')} }`;
  const text = laConfig(six);
  const { problems, config } = parse(text);
  problemOn(text, problems, 'la-too-many-policies', six);
  assert.equal(config.flows.la.trigger.logicAppConsumption?.policies.length, 6);
});

test('Logic Apps limit: at most 10 claims a policy', () => {
  const claims = `[${ISS}, ${Array.from({ length: 10 }, (_, i) => `{ "name": "c${i}", "value": "v" }`).join(', ')}]`;
  const text = laConfig(`{ "p": { "type": "AAD", "claims": ${claims} } }`);
  problemOn(text, parse(text).problems, 'la-too-many-claims', claims);
});

test('Logic Apps: iss is required and must be an Entra issuer', () => {
  const noIss = laConfig('{ "p": { "type": "AAD", "claims": [{ "name": "aud", "value": "https://management.azure.com/" }] } }');
  problemOn(noIss, parse(noIss).problems, 'la-missing-iss', '"p"');
  const badIss = laConfig('{ "p": { "type": "AAD", "claims": [{ "name": "iss", "value": "https://evil.example/" }] } }');
  problemOn(badIss, parse(badIss).problems, 'la-invalid-iss', '"https://evil.example/"');
  const v2 = laConfig(`{ "p": { "type": "AAD", "claims": [{ "name": "iss", "value": "https://login.microsoftonline.com/${T}/v2.0" }] } }`);
  assert.deepEqual(parse(v2).problems, []);
});

test('Logic Apps: claim values are at most 150 characters', () => {
  const long = 'x'.repeat(151);
  const text = laConfig(`{ "p": { "type": "AAD", "claims": [${ISS}, { "name": "xms_mirid", "value": "${long}" }] } }`);
  const p = problemOn(text, parse(text).problems, 'la-claim-value-too-long', `"${long}"`);
  assert.match(p.message, /InvalidOAuthClaimValue/);
  const ok = laConfig(`{ "p": { "type": "AAD", "claims": [${ISS}, { "name": "xms_mirid", "value": "${'x'.repeat(150)}" }] } }`);
  assert.deepEqual(parse(ok).problems, []);
});

test('Logic Apps: "values" instead of "value"', () => {
  const text = laConfig(`{ "p": { "type": "AAD", "claims": [${ISS}, { "name": "aud", "values": ["a"] }] } }`);
  problemOn(text, parse(text).problems, 'la-claim-values', '"values"');
});

test('a flow with neither url nor policies cannot be linked', () => {
  const text = '{ "flows": { "lonely": { "type": "powerAutomate", "trigger": { "authentication": "tenant" } } } }';
  const p = problemOn(text, parse(text).problems, 'flows-no-link', '"lonely"');
  assert.equal(p.severity, 'warning');
});

test('specific users with an empty list falls back to the tenant (information)', () => {
  const text = '{ "flows": { "f": { "type": "powerAutomate", "policies": ["x"], "trigger": { "authentication": "specificUsers", "allowedCallers": [] } } } }';
  const p = problemOn(text, parse(text).problems, 'pa-empty-allowed-callers', '[]');
  assert.equal(p.severity, 'information');
});

test('a flow whose trigger cannot be determined is noted', () => {
  const text = '{ "flows": { "f": { "type": "logicAppStandard", "policies": ["x"] } } }';
  const p = problemOn(text, parse(text).problems, 'flows-trigger-unknown', '"f"');
  assert.equal(p.severity, 'information');
});

test('settings for another flow type are flagged; a setting of the right type must be an object', () => {
  const text = '{ "flows": { "f": { "type": "powerAutomate", "policies": ["x"], "trigger": { "authentication": "tenant" }, "easyAuth": {} } } }';
  problemOn(text, parse(text).problems, 'flows-not-applicable', '"easyAuth"');
  const la = '{ "flows": { "c": { "type": "logicAppConsumption", "policies": ["x"], "trigger": {}, "openAuthenticationPolicies": [] } } }';
  const problems = parse(la).problems;
  problemOn(la, problems.filter(p => p.code === 'flows-not-applicable'), 'flows-not-applicable', '"trigger"');
  const invalid = problemOn(la, problems.filter(p => p.code === 'flows-invalid-value'), 'flows-invalid-value', '[]');
  assert.match(invalid.message, /"openAuthenticationPolicies" must be an object/);
});

test('inline settings win over the definition file, and say so', () => {
  const text = `{ "flows": { "f": { "type": "logicAppConsumption", "policies": ["x"], "definition": "infra/invoice-logicapp.json",
    "openAuthenticationPolicies": { "policies": { "inline": { "type": "AAD", "claims": [${ISS}] } } } } } }`;
  const { problems, config } = parse(text, FILES);
  problemOn(text, problems, 'flows-inline-overrides-definition', '"openAuthenticationPolicies"');
  assert.deepEqual(config.flows.f.trigger.logicAppConsumption?.policies.map(p => p.name), ['inline']);
  assert.equal(config.flows.f.trigger.logicAppConsumption?.sasDisabled, true, 'SAS state from the definition is kept');
});

test('inline sasAuthenticationPolicy and Easy Auth lists', () => {
  const text = `{ "flows": { "s": { "type": "logicAppStandard", "url": "https://s.azurewebsites.net/api/x", "sasAuthenticationPolicy": { "state": "Disabled" },
    "easyAuth": { "clientId": "${APP}", "openIdIssuer": "https://sts.windows.net/${T}/v2.0", "allowedAudiences": ["api://ship"], "allowedApplications": ["${SYS_CLIENT}"],
      "allowedPrincipals": { "identities": ["${SYS_OID}"] }, "allowedTenants": ["not-a-tenant"], "requireClientServicePrincipal": true } } } }`;
  const { problems, config } = parse(text);
  problemOn(text, problems, 'flows-invalid-guid', '"not-a-tenant"');
  const ls = config.flows.s.trigger.logicAppStandard!;
  assert.equal(ls.sasDisabled, true);
  assert.deepEqual(ls.easyAuth?.allowedPrincipals, [SYS_OID]);
  assert.deepEqual(ls.easyAuth?.allowedApplications, [SYS_CLIENT]);
  assert.equal(ls.easyAuth?.requireClientServicePrincipal, true);
});

test('Easy Auth without a tenant-specific issuer is noted', () => {
  const text = `{ "flows": { "s": { "type": "logicAppStandard", "policies": ["x"], "easyAuth": { "clientId": "${APP}", "openIdIssuer": "https://login.microsoftonline.com/common/v2.0" } } } }`;
  problemOn(text, parse(text).problems, 'la-easy-auth-multitenant', '"https://login.microsoftonline.com/common/v2.0"');
});

test('trigger URLs: host of another platform, retired Power Automate host, not a URL', () => {
  const text = `{ "flows": {
    "a": { "type": "powerAutomate", "url": "https://ship.azurewebsites.net/api/x", "trigger": { "authentication": "tenant" } },
    "b": { "type": "powerAutomate", "url": "https://prod-27.westeurope.logic.azure.com:443/workflows/x/triggers/manual/paths/invoke?api-version=2016-06-01", "trigger": { "authentication": "tenant" } },
    "c": { "type": "logicAppConsumption", "url": "{{orders-url}}", "openAuthenticationPolicies": { "policies": {} } } } }`;
  const { problems } = parse(text);
  problemOn(text, problems, 'flows-url-host-mismatch', '"https://ship.azurewebsites.net/api/x"');
  problemOn(text, problems, 'pa-url-retired', '"https://prod-27.westeurope.logic.azure.com:443/workflows/x/triggers/manual/paths/invoke?api-version=2016-06-01"');
  problemOn(text, problems, 'flows-invalid-url', '"{{orders-url}}"');
});

test('values of the wrong JSON type are reported, not thrown', () => {
  const text = '{ "tenantId": 5, "identities": [], "flows": { "f": "x", "g": { "type": 1 } } }';
  const { problems } = parse(text);
  assert.ok(problems.filter(p => p.code === 'flows-invalid-value').length >= 3);
});

test('never throws: every prefix of the example, and garbage', () => {
  for (let i = 0; i <= DESIGN_EXAMPLE.length; i += 7) {
    const r = parse(DESIGN_EXAMPLE.slice(0, i), FILES);
    assert.ok(Array.isArray(r.problems));
    for (const p of r.problems) assert.ok(p.start >= 0 && p.end >= p.start);
  }
  for (const junk of ['{', '}', '{"flows":{"a":{"type":"powerAutomate","trigger":', 'null', '"x"', '{"flows":{"a":{"type":"logicAppConsumption","openAuthenticationPolicies":{"policies":{"p":{"claims":[1,null,{"name":5}]}}}}}}']) {
    assert.doesNotThrow(() => parse(junk));
  }
});

test('resources[…].optionalClaims is read; anything but an array is an error', () => {
  const read = (optionalClaims: unknown) => parseFlowsConfig('file:///ws/apim-flows.json', JSON.stringify({ resources: { 'api://x': { optionalClaims } }, flows: {} }), () => undefined, () => ({ error: 'none' }));
  assert.deepEqual(read(['idtyp']).config.resources['api://x'].optionalClaims, ['idtyp']);
  assert.deepEqual(read('idtyp').problems.map(p => p.code), ['flows-invalid-value']);
});
