/**
 * apim-flows.json and the JSON files it names are committed by others: a file nested too deep is
 * a syntax problem in that file, names are names (`__proto__`, `toString`), and a duplicate key is
 * a warning rather than a silent overwrite.
 */
import { test } from 'node:test';
import { parseTree as jsoncParseTree } from 'jsonc-parser';
import * as assert from 'node:assert/strict';
import { ownEntry, parseFlowsConfig } from '../../server/src/languageService/auth/flowConfig';
import { predictToken } from '../../server/src/languageService/auth/predict';
import { MAX_JSON_DEPTH, parseJsonTree } from '../../server/src/languageService/utils/json';
import { createWorkspaceIndex } from '../../server/src/languageService/workspace/workspaceIndex';
import { flowConfigDiagnostics } from '../../server/src/languageService/services/flowConfigDiagnostics';
import { APP, SYS_CLIENT, SYS_OID, T } from '../util/ids';

const CONFIG_URI = 'file:///ws/apim-flows.json';
const PA_URL = 'https://e.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/a/triggers/manual/paths/invoke?api-version=1';

function parse(text: string, files: Record<string, string> = {}) {
  return parseFlowsConfig(CONFIG_URI, text, uri => files[uri], (base, relative) => new URL(relative, base).href);
}

test('JSON nested 8,000 deep: one syntax error at the bracket past the limit, no throw', () => {
  const text = '['.repeat(8000) + ']'.repeat(8000);
  const r = parseJsonTree(text);
  assert.equal(r.root, undefined);
  assert.deepEqual(r.errors.map(e => [e.offset, e.length]), [[MAX_JSON_DEPTH, 1]]);
  assert.match(r.errors[0].message, /nested deeper than 256 levels/);
});

test('JSON depth: brackets in strings and comments do not count; the limit itself is fine', () => {
  const atLimit = '{"a":'.repeat(MAX_JSON_DEPTH - 1) + '[1]' + '}'.repeat(MAX_JSON_DEPTH - 1);
  assert.deepEqual(parseJsonTree(atLimit).errors, []);
  assert.ok(parseJsonTree(atLimit).root);
  const noise = `{ "s": "${'['.repeat(5000)}", /* ${'{'.repeat(5000)} */ "t": 1 }`;
  assert.deepEqual(parseJsonTree(noise).errors, []);
  // the parser skips closers of the other kind without ending a container: they must not count down
  const mismatched = '{"a":[}}},'.repeat(4000);
  assert.throws(() => jsoncParseTree(mismatched), RangeError, 'the parser alone overflows on this');
  const r = parseJsonTree(mismatched);
  assert.equal(r.root, undefined);
  assert.match(r.errors[0].message, /nested deeper/);
});

test('a config nested 8,000 deep is a flows-json-syntax error in that file, not a crash', () => {
  const text = '{"flows":' + '['.repeat(8000) + ']'.repeat(8000) + '}';
  const { config, problems } = parse(text);
  assert.deepEqual(problems.map(p => [p.code, p.severity, p.start]), [['flows-json-syntax', 'error', 9 + MAX_JSON_DEPTH - 1]]);
  assert.deepEqual(Object.keys(config.flows), []);
});

test('a definition file nested too deep is a def-json-syntax error in the definition', () => {
  const def = 'file:///ws/flows/f.json';
  const { problems } = parse(`{ "flows": { "f": { "type": "powerAutomate", "url": "${PA_URL}", "definition": "flows/f.json" } } }`, { [def]: '['.repeat(8000) });
  const p = problems.find(x => x.code === 'def-json-syntax');
  assert.ok(p, JSON.stringify(problems));
  assert.equal(p.uri, def);
  assert.equal(p.start, MAX_JSON_DEPTH);
});

test('the index: a deep config, named value and backend do not stop the others', () => {
  const index = createWorkspaceIndex();
  const deep = '{"properties":' + '['.repeat(8000) + ']'.repeat(8000) + '}';
  index.update('file:///ws/bad/apim-flows.json', deep);
  index.update('file:///ws/named values/deep/namedValueInformation.json', deep);
  index.update('file:///ws/backends/deep/backendInformation.json', deep);
  index.update('file:///ws/named values/ok/namedValueInformation.json', '{ "properties": { "displayName": "ok", "value": "v" } }');
  index.update('file:///ws/apim-flows.json', `{ "tenantId": "x", "flows": {} }`);
  assert.equal(index.findNamedValue('file:///ws/apis/a/policy.xml', 'ok')?.value, 'v');
  assert.equal(index.findNamedValue('file:///ws/apis/a/policy.xml', 'deep')?.value, undefined);
  assert.equal(index.findBackend('file:///ws/apis/a/policy.xml', 'deep')?.url, undefined);
  const byUri = flowConfigDiagnostics(index, 'test');
  assert.deepEqual(byUri.get('file:///ws/bad/apim-flows.json')?.map(d => d.code), ['flows-json-syntax']);
  assert.deepEqual(byUri.get('file:///ws/apim-flows.json')?.map(d => d.code), ['flows-invalid-guid']);
});

test('flows, identities and resources named __proto__ or constructor are kept like any other', () => {
  const text = JSON.stringify({
    tenantId: T,
    identities: { ['__proto__']: { type: 'system', principalId: SYS_OID, clientId: SYS_CLIENT } },
    resources: { constructor: { tokenVersion: 2, clientId: APP } },
    flows: {
      ['__proto__']: { type: 'powerAutomate', url: PA_URL, trigger: { authentication: 'tenant' } },
      constructor: { type: 'powerAutomate', url: PA_URL, trigger: { authentication: 'anyone' } },
    },
  });
  assert.match(text, /"flows":\{"__proto__":/);
  const { config, problems } = parse(text);
  assert.deepEqual(problems.filter(p => p.severity !== 'information'), []);
  assert.deepEqual(Object.keys(config.flows), ['__proto__', 'constructor']);
  assert.equal(ownEntry(config.flows, '__proto__')?.trigger.powerAutomate?.mode, 'tenant');
  assert.equal(ownEntry(config.flows, 'constructor')?.trigger.powerAutomate?.mode, 'anyone');
  assert.equal(ownEntry(config.identities, '__proto__')?.principalId, SYS_OID);
  assert.equal(ownEntry(config.resources, 'constructor')?.tokenVersion, 2);
  // the identity named __proto__ is the system-assigned one the prediction uses
  assert.equal(predictToken('https://service.flow.microsoft.com/', undefined, config).claims.payload.oid, SYS_OID);
  // the resource named constructor gives a v2 token with the app's client ID as audience
  assert.equal(predictToken('constructor', undefined, config).claims.payload.aud, APP);
});

test('names of Object.prototype are not flows, identities or resources', () => {
  const { config } = parse(JSON.stringify({ tenantId: T, flows: { f: { type: 'powerAutomate', url: PA_URL, trigger: { authentication: 'tenant' } } } }));
  for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf']) {
    assert.equal(ownEntry(config.flows, name), undefined, name);
    assert.equal(ownEntry(config.identities, name), undefined, name);
    assert.equal(ownEntry(config.resources, name), undefined, name);
  }
  // a resource string that is a member name of a plain object predicts the default (v1) token
  const p = predictToken('constructor', undefined, config);
  assert.equal(p.claims.payload.aud, 'constructor');
  assert.equal(p.claims.payload.ver, '1.0');
});

test('duplicate keys: a warning on the later key, which wins', () => {
  const text = `{
  "tenantId": "${T}",
  "identities": { "a": { "type": "system", "principalId": "${SYS_OID}" }, "a": { "type": "user", "clientId": "${SYS_CLIENT}" } },
  "resources": { "api://r": { "tokenVersion": 1 }, "api://r": { "tokenVersion": 2, "clientId": "${APP}" } },
  "flows": {
    "f": { "type": "logicAppStandard" },
    "f": { "type": "powerAutomate", "url": "${PA_URL}", "trigger": { "authentication": "tenant" }, "trigger": { "authentication": "anyone" } }
  }
}`;
  const { config, problems } = parse(text);
  const dups = problems.filter(p => p.code === 'flows-duplicate-key');
  assert.deepEqual(dups.map(p => [p.severity, text.substring(p.start, p.end)]), [
    ['warning', '"a"'], ['warning', '"api://r"'], ['warning', '"f"'], ['warning', '"trigger"'],
  ]);
  // each warning is on the second occurrence
  assert.equal(dups[0].start, text.lastIndexOf('"a"'));
  assert.equal(dups[3].start, text.lastIndexOf('"trigger"'));
  assert.match(dups[0].message, /^Duplicate key "a": the later one wins/);
  assert.equal(config.identities.a.type, 'user');
  assert.equal(config.resources['api://r'].tokenVersion, 2);
  assert.equal(config.flows.f.type, 'powerAutomate');
  assert.equal(config.flows.f.trigger.powerAutomate?.mode, 'anyone');
  // the ignored earlier flow brings no problems of its own (it would need easyAuth)
  assert.deepEqual(problems.filter(p => p.code !== 'flows-duplicate-key' && p.severity !== 'information'), []);
});
