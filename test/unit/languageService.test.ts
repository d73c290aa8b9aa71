/**
 * The facade owns the workspace: one parse cache shared with the index, the flow analysis of a
 * policy run once per change however many features ask, the flows list without verdicts, and the
 * token pipeline.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/languageService/languageService';

const root = 'file:///repo';
const PA = 'https://default0.00.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/a1/triggers/manual/paths/invoke?api-version=1';
const policyUri = `${root}/apis/a/policy.xml`;
const policyText = `<policies><inbound><base /><set-backend-service base-url="${PA}" /><authentication-managed-identity resource="https://service.flow.microsoft.com/" /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>`;

function workspace() {
  const runs: string[] = [];
  const service = getLanguageService({ onFlowAnalysis: uri => runs.push(uri) });
  service.workspace.update(`${root}/apim-flows.json`, JSON.stringify({
    tenantId: 'd7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f',
    flows: { orders: { type: 'powerAutomate', url: PA, trigger: { authentication: 'tenant' } } },
  }));
  service.workspace.update(policyUri, policyText);
  return { service, runs };
}

test('the flow analysis of a policy runs once per change, for diagnostics, CodeLens and the Flows view together', () => {
  const { service, runs } = workspace();
  const document = TextDocument.create(policyUri, 'apim-policy', 1, policyText);
  const doc = service.parsed(document);
  assert.deepEqual(service.doValidation(document, doc).filter(d => d.severity! <= 2).map(d => d.code), []);
  assert.match(String(service.getCodeLenses(document, doc)[0].command?.title), /orders .*accepted/);
  const [flow] = service.listFlows();
  assert.equal(flow.policies[0]?.verdict, 'accepted');
  service.getCodeLenses(document, doc);
  assert.deepEqual(runs, [policyUri]);

  // any change of the index may change the verdict: the next ask analyses again, once
  service.workspace.update(`${root}/named%20values/x/namedValueInformation.json`, '{ "properties": { "displayName": "x", "value": "1" } }');
  service.doValidation(document, doc);
  service.getCodeLenses(document, doc);
  assert.deepEqual(runs, [policyUri, policyUri]);

  // an edit of the document itself: a new tree, a new analysis
  const edited = TextDocument.create(policyUri, 'apim-policy', 2, policyText.replace('<base />', '<base /> '));
  service.workspace.update(policyUri, edited.getText());
  service.getCodeLenses(edited, service.parsed(edited));
  service.listFlows();
  assert.deepEqual(runs, [policyUri, policyUri, policyUri]);
});

test('an open document and the index share one parse of the same text; closing drops it', () => {
  const { service } = workspace();
  const document = TextDocument.create(policyUri, 'apim-policy', 1, policyText);
  const doc = service.parsed(document);
  assert.equal(service.workspace.parsedPolicy(policyUri), doc);
  assert.equal(service.parsed(document), doc);
  service.closeDocument(policyUri);
  assert.notEqual(service.parsed(document), doc);
});

test('listFlows({ verdicts: false }) names the flows without analysing any policy', () => {
  const { service, runs } = workspace();
  const flows = service.listFlows({ verdicts: false });
  assert.deepEqual(flows.map(f => [f.name, f.description, f.policies.length]), [['orders', 'Power Automate, tenant', 0]]);
  assert.deepEqual(runs, []);
});

function unsignedToken(payload: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT', kid: 'k' })}.${part(payload)}.${Buffer.from('sig').toString('base64url')}`;
}

test('inspectToken: decode, keys, inspect against a flow of the workspace; problems say which input', async () => {
  const { service } = workspace();
  const now = new Date('2026-01-01T00:00:00Z');
  const seconds = Math.floor(now.getTime() / 1000);
  const token = unsignedToken({ aud: 'https://service.flow.microsoft.com/', iss: 'https://sts.windows.net/d7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f/', tid: 'd7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f', iat: seconds - 60, nbf: seconds - 60, exp: seconds + 3600, ver: '1.0' });
  const r = await service.inspectToken(token, { flow: 'orders', now });
  assert.ok(r.ok);
  assert.equal(r.result.flow, 'orders');
  assert.ok(r.result.checks.some(c => c.id === 'signature' && c.status === 'skip'));
  const fetched: string[] = [];
  await service.inspectToken(token, { now, fetchKeys: async url => { fetched.push(url); return { keys: [] }; } });
  assert.equal(fetched.length, 1, 'keys are fetched through the host only');
  assert.deepEqual(await service.inspectToken(token, { flow: 'nope' }), { ok: false, problem: 'flow', flow: 'nope', flows: ['orders'] });
  assert.equal((await service.inspectToken('abc')).ok, false);
  const badKeys = await service.inspectToken(token, { jwksText: '{' });
  assert.equal(!badKeys.ok && badKeys.problem, 'jwks');
});
