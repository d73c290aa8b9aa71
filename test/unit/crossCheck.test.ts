/**
 * The cross-check on strings: an in-memory APIOps workspace with an apim-flows.json, each failure
 * of DESIGN.md's table and the correct cases, the diagnostics' places, quick fixes and CodeLens.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/languageService/languageService';
import { stripSasRaw } from '../../server/src/languageService/services/flowQuickFixes';
import { parseTriggerUrl } from '../../server/src/languageService/auth/platforms/triggerUrl';

const T = 'd7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f';
const SYS_PRINCIPAL = '0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b';
const SYS_CLIENT = '9f8e7d6c-2222-4b4a-8c9d-8e7f6a5b4c3d';
const UAMI_CLIENT = '5e6f7a8b-3333-4c1d-9e2f-3a4b5c6d7e8f';
const UAMI_PRINCIPAL = '1c2d3e4f-4444-4a5b-8c6d-7e8f9a0b1c2d';
const PA = 'https://default0.00.environment.api.powerplatform.com/powerautomate/automations/direct/workflows';
const root = 'file:///repo';

function config(flows: Record<string, unknown>): string {
  return JSON.stringify({
    tenantId: T,
    identities: {
      'apim-system': { type: 'system', principalId: SYS_PRINCIPAL, clientId: SYS_CLIENT },
      uami: { type: 'user', clientId: UAMI_CLIENT, principalId: UAMI_PRINCIPAL },
    },
    flows,
  }, null, 2);
}

const files: Record<string, string> = {};

function setup(flows: Record<string, unknown>, extra: Record<string, string> = {}) {
  const all: Record<string, string> = { [`${root}/apim-flows.json`]: config(flows), ...extra };
  const service = getLanguageService({ readFile: u => all[u] ?? files[u] });
  const index = service.workspace;
  for (const [uri, text] of Object.entries(all)) index.update(uri, text);
  return { index, service };
}

function policy(inbound: string): string {
  return `<policies>\n\t<inbound>\n\t\t<base />\n${inbound}\n\t</inbound>\n\t<backend>\n\t\t<base />\n\t</backend>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n\t<on-error>\n\t\t<base />\n\t</on-error>\n</policies>`;
}

function check(flows: Record<string, unknown>, inbound: string, extra: Record<string, string> = {}, uri = `${root}/apis/a/policy.xml`) {
  const { service, index } = setup(flows, extra);
  const document = TextDocument.create(uri, 'apim-policy', 1, policy(inbound));
  const diags = service.doValidation(document);
  return { diags, document, service, index, flowDiags: diags.filter(d => String(d.code).startsWith('flow-') && d.severity! <= 2) };
}

const pa = (id: string, trigger: Record<string, unknown>) => ({ type: 'powerAutomate', url: `${PA}/${id}/triggers/manual/paths/invoke?api-version=1`, trigger });
const backend = (id: string) => `\t\t<set-backend-service base-url="${PA}/${id}/triggers/manual/paths/invoke?api-version=1" />`;
const mi = (resource: string, attrs = '') => `\t\t<authentication-managed-identity resource="${resource}"${attrs} />`;

test('correct Power Automate call: no error, no warning; the CodeLens says accepted', () => {
  const r = check({ f: pa('a1', { authentication: 'tenant' }) }, `${backend('a1')}\n${mi('https://service.flow.microsoft.com/')}`);
  assert.deepEqual(r.flowDiags, []);
  assert.ok(r.diags.every(d => d.severity! >= 3), JSON.stringify(r.diags));
  const lenses = r.service.getCodeLenses(r.document);
  assert.equal(lenses.length, 1);
  assert.match(lenses[0].command!.title, /^f \(Power Automate, tenant\): accepted$/);
});

test('"Invalid audience": resource without the trailing slash, on the resource attribute, with a fix', () => {
  const r = check({ f: pa('a1', { authentication: 'tenant' }) }, `${backend('a1')}\n${mi('https://service.flow.microsoft.com')}`);
  assert.deepEqual(r.flowDiags.map(d => d.code), ['flow-audience']);
  const d = r.flowDiags[0];
  assert.equal(d.severity, 1);
  assert.equal(r.document.getText(d.range), 'https://service.flow.microsoft.com');
  // the fix first, then who answers what: the Problems panel's cut-off keeps both
  assert.match(d.message, /^Add the trailing slash: https:\/\/service\.flow\.microsoft\.com\/ — f \(Power Automate\) answers 401(\/403)? MisMatchingOAuthClaims/);
  assert.doesNotMatch(d.message, /\(nothing\)/);
  assert.equal(d.relatedInformation?.[0].location.uri, `${root}/apim-flows.json`);
  const [fix] = r.service.doCodeActions(r.document, [d]);
  const edits = fix.edit!.changes![r.document.uri] as TextEdit[];
  assert.match(TextDocument.applyEdits(r.document, edits), /resource="https:\/\/service\.flow\.microsoft\.com\/"/);
  assert.match(r.service.getCodeLenses(r.document)[0].command!.title, /rejected: .*MisMatchingOAuthClaims/);
});

test('"Token obtained but rejected": a regional Logic Apps host as the Power Automate audience', () => {
  const r = check({ f: pa('a1', { authentication: 'tenant' }) }, `${backend('a1')}\n${mi('https://logic-apis-westeurope.logic.azure.com/')}`);
  assert.deepEqual(r.flowDiags.map(d => d.code), ['flow-audience']);
  assert.match(r.flowDiags[0].message, /logic-apis/);
});

test('"Flow never triggers": specific users lists the client ID; the fix adds the principal ID to apim-flows.json', () => {
  const r = check({ f: pa('a1', { authentication: 'specificUsers', allowedCallers: [SYS_CLIENT] }) }, `${backend('a1')}\n${mi('https://service.flow.microsoft.com/')}`);
  assert.deepEqual(r.flowDiags.map(d => d.code), ['flow-caller']);
  assert.match(r.flowDiags[0].message, /client ID/);
  assert.ok(r.flowDiags[0].message.startsWith(`Replace the client ID ${SYS_CLIENT} by the principal (object) ID ${SYS_PRINCIPAL} in the trigger's allowed users — f (Power Automate) answers`), r.flowDiags[0].message);
  const [fix] = r.service.doCodeActions(r.document, r.flowDiags);
  const configUri = `${root}/apim-flows.json`;
  const edits = fix.edit!.changes![configUri] as TextEdit[];
  const cfg = TextDocument.create(configUri, 'jsonc', 1, config({ f: pa('a1', { authentication: 'specificUsers', allowedCallers: [SYS_CLIENT] }) }));
  const after = JSON.parse(TextDocument.applyEdits(cfg, edits));
  assert.deepEqual(after.flows.f.trigger.allowedCallers, [SYS_CLIENT, SYS_PRINCIPAL]);
  // and with the principal ID the call is accepted
  const ok = check({ f: pa('a1', { authentication: 'specificUsers', allowedCallers: [SYS_PRINCIPAL] }) }, `${backend('a1')}\n${mi('https://service.flow.microsoft.com/')}`);
  assert.deepEqual(ok.flowDiags, []);
});

test('user-assigned identity: client-id picks it, its principal must be allowed', () => {
  const flows = { f: pa('a1', { authentication: 'specificUsers', allowedCallers: [SYS_PRINCIPAL] }) };
  const r = check(flows, `${backend('a1')}\n${mi('https://service.flow.microsoft.com/', ` client-id="${UAMI_CLIENT}"`)}`);
  assert.deepEqual(r.flowDiags.map(d => d.code), ['flow-caller']);
});

test('"401 Unauthorized": a Logic App policy with a v2 issuer, a resource that issues v1 tokens (definition file)', () => {
  const arm = JSON.stringify({
    resources: [{
      type: 'Microsoft.Logic/workflows', name: 'la',
      properties: { accessControl: { triggers: { openAuthenticationPolicies: { policies: { apim: { type: 'AAD', claims: [
        { name: 'iss', value: `https://login.microsoftonline.com/${T}/v2.0` },
        { name: 'aud', value: 'https://management.azure.com/' },
      ] } } } } } },
    }],
  });
  const url = 'https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-10-01';
  const r = check(
    { la: { type: 'logicAppConsumption', url, definition: 'flows/la.json' } },
    `\t\t<set-backend-service base-url="${url}" />\n${mi('https://management.azure.com/')}`,
    { [`${root}/flows/la.json`]: arm },
  );
  assert.ok(r.flowDiags.length > 0);
  assert.ok(r.flowDiags.every(d => d.severity === 1));
  assert.ok(r.flowDiags.some(d => /v2 issuer/.test(d.message)));
  // a policy with the v1 issuer accepts it
  const ok = check(
    { la: { type: 'logicAppConsumption', url, openAuthenticationPolicies: { policies: { p: { type: 'AAD', claims: [{ name: 'iss', value: `https://sts.windows.net/${T}/` }, { name: 'oid', value: SYS_PRINCIPAL }] } } } } },
    `\t\t<set-backend-service base-url="${url}" />\n${mi('https://management.azure.com/')}`,
  );
  assert.deepEqual(ok.flowDiags, []);
});

test('another tenant is a mismatch', () => {
  const r = check({ f: { ...pa('a1', { authentication: 'tenant' }), tenantId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' } }, `${backend('a1')}\n${mi('https://service.flow.microsoft.com/')}`);
  assert.deepEqual(r.flowDiags.map(d => d.code), ['flow-tenant']);
});

test('SAS signature left in the URL next to the token: on the URL, with a fix that keeps api-version', () => {
  const url = `${PA}/a1/triggers/manual/paths/invoke?api-version=1&amp;sp=%2Ftriggers%2Fmanual%2Frun&amp;sv=1.0&amp;sig=abc`;
  const r = check({ f: pa('a1', { authentication: 'tenant' }) }, `\t\t<set-backend-service base-url="${url}" />\n${mi('https://service.flow.microsoft.com/')}`);
  assert.deepEqual(r.flowDiags.map(d => d.code), ['flow-sas-and-bearer']);
  assert.equal(r.document.getText(r.flowDiags[0].range), url);
  assert.match(r.flowDiags[0].message, /DirectApiRequestHasMoreThanOneAuthorization/);
  const [fix] = r.service.doCodeActions(r.document, r.flowDiags);
  const after = TextDocument.applyEdits(r.document, fix.edit!.changes![r.document.uri] as TextEdit[]);
  assert.ok(after.includes(`base-url="${PA}/a1/triggers/manual/paths/invoke?api-version=1"`));
  assert.equal(stripSasRaw('https://x/y?sp=1&sv=2&sig=3'), 'https://x/y');
});

test('the SAS quick fix and the trigger URL reading agree on what a SAS parameter is (an encoded or capitalised name too)', () => {
  const url = 'https://x/y?api-version=1&amp;%73ig=3&amp;SV=2#f';
  assert.equal(stripSasRaw(url), 'https://x/y?api-version=1#f');
  assert.deepEqual(parseTriggerUrl(url.replace(/&amp;/g, '&'))?.sasParams, ['sv', 'sig']);
});

const dropAuthorization = '\t\t<set-header name="Authorization" exists-action="delete" />';

test('OAuth required but no token sent: on the backend URL', () => {
  const r = check({ f: pa('a1', { authentication: 'tenant' }) }, `${dropAuthorization}\n${backend('a1')}`);
  assert.deepEqual(r.flowDiags.map(d => d.code), ['flow-authorization-required']);
  assert.match(r.flowDiags[0].message, /DirectApiAuthorizationRequired/);
  assert.match(r.document.getText(r.flowDiags[0].range), /^https:\/\//);
  // "anyone" with a SAS URL needs no token
  const sas = check({ f: pa('a1', { authentication: 'anyone' }) }, `\t\t<set-backend-service base-url="${PA}/a1/triggers/manual/paths/invoke?api-version=1&amp;sig=x" />`);
  assert.deepEqual(sas.flowDiags, []);
});

test('no identity and the incoming Authorization header kept: the flow gets the client\'s token, a warning naming what it checks', () => {
  const r = check({ f: pa('a1', { authentication: 'specificUsers', allowedCallers: [SYS_PRINCIPAL] }) }, backend('a1'));
  assert.deepEqual(r.flowDiags.map(d => [d.code, d.severity]), [['flow-client-token', 2]]);
  const m = r.flowDiags[0].message;
  assert.match(m, /client's own token/);
  assert.match(m, /https:\/\/service\.flow\.microsoft\.com\//);
  assert.match(m, new RegExp(SYS_PRINCIPAL));
  assert.doesNotMatch(m, /no Authorization header/);
  // removed in a fragment the API includes: the call carries no token at all
  const frag = `${root}/policy%20fragments/drop-auth/policy.xml`;
  const viaFragment = check({ f: pa('a1', { authentication: 'tenant' }) }, `\t\t<include-fragment fragment-id="drop-auth" />\n${backend('a1')}`, {
    [frag]: `<fragment>\n${dropAuthorization}\n</fragment>`,
  });
  assert.deepEqual(viaFragment.flowDiags.map(d => d.code), ['flow-authorization-required']);
});

test('ignore-error="true" on the identity: a warning that the call may go out without a token', () => {
  const r = check({ f: pa('a1', { authentication: 'tenant' }) }, `${backend('a1')}\n${mi('https://service.flow.microsoft.com/', ' ignore-error="true"')}`);
  assert.deepEqual(r.flowDiags.map(d => [d.code, d.severity]), [['flow-ignore-error', 2]]);
  assert.equal(r.document.getText(r.flowDiags[0].range), 'true');
  const off = check({ f: pa('a1', { authentication: 'tenant' }) }, `${backend('a1')}\n${mi('https://service.flow.microsoft.com/', ' ignore-error="false"')}`);
  assert.deepEqual(off.flowDiags, []);
});

test('a named-value resource is resolved like a URL and checked against the flow', () => {
  const r = check({ f: pa('a1', { authentication: 'tenant' }) }, `${backend('a1')}\n${mi('{{flow-audience}}')}`, {
    [`${root}/named%20values/flow-audience/namedValueInformation.json`]: JSON.stringify({ properties: { displayName: 'flow-audience', value: 'https://service.flow.microsoft.com' } }),
  });
  assert.deepEqual(r.flowDiags.map(d => d.code), ['flow-audience']);
  assert.equal(r.document.getText(r.flowDiags[0].range), '{{flow-audience}}');
});

test('token put in a variable but never sent as the Authorization header', () => {
  const r = check({ f: pa('a1', { authentication: 'tenant' }) }, `${backend('a1')}\n${mi('https://service.flow.microsoft.com/', ' output-token-variable-name="tok"')}`);
  assert.deepEqual(r.flowDiags.map(d => d.code), ['flow-token-not-sent']);
  assert.equal(r.document.getText(r.flowDiags[0].range), 'tok');
  const sent = check({ f: pa('a1', { authentication: 'tenant' }) }, `${backend('a1')}\n${mi('https://service.flow.microsoft.com/', ' output-token-variable-name="tok"')}\n\t\t<set-header name="Authorization" exists-action="override"><value>@("Bearer " + (string)context.Variables["tok"])</value></set-header>`);
  assert.deepEqual(sent.flowDiags, []);
});

test('linked across levels: URL at API level, identity at operation level; backend-id and named values resolved', () => {
  const api = `${root}/apis/orders/policy.xml`;
  const extra = {
    [api]: policy(`\t\t<set-backend-service backend-id="flow" />`),
    [`${root}/backends/flow/backendInformation.json`]: JSON.stringify({ properties: { url: `{{flow-base}}/a1/triggers/manual/paths/invoke` } }),
    [`${root}/named%20values/flow-base/namedValueInformation.json`]: JSON.stringify({ properties: { displayName: 'flow-base', value: PA } }),
  };
  const r = check({ f: pa('a1', { authentication: 'tenant' }) }, mi('https://service.flow.microsoft.com'), extra, `${root}/apis/orders/operations/get/policy.xml`);
  assert.deepEqual(r.flowDiags.map(d => d.code), ['flow-audience']);
  // the API policy alone is not flagged for a missing token: its operation brings it
  const { service, index } = setup({ f: pa('a1', { authentication: 'tenant' }) }, extra);
  index.update(`${root}/apis/orders/operations/get/policy.xml`, policy(mi('https://service.flow.microsoft.com/')));
  const apiDoc = TextDocument.create(api, 'apim-policy', 1, extra[api]);
  assert.deepEqual(service.doValidation(apiDoc).filter(d => String(d.code).startsWith('flow-')), []);
});

test('linked by the flow\'s policies globs', () => {
  const r = check({ f: { type: 'powerAutomate', policies: ['apis/a/**'], trigger: { authentication: 'tenant' } } }, mi('https://service.flow.microsoft.com'));
  assert.deepEqual(r.flowDiags.map(d => d.code), ['flow-audience']);
});

test('not linked: no flow diagnostics, and the CodeLens says so', () => {
  const r = check({ f: pa('a1', { authentication: 'tenant' }) }, `\t\t<set-backend-service base-url="https://example.test/api" />\n${mi('https://x/')}`);
  assert.deepEqual(r.diags.filter(d => String(d.code).startsWith('flow-')), []);
  assert.match(r.service.getCodeLenses(r.document)[0].command!.title, /not linked/);
});

test('UNCONFIRMED facts are information, never errors or warnings', () => {
  const r = check({ f: pa('a1', { authentication: 'tenant' }) }, `${backend('a1')}\n${mi('https://service.flow.microsoft.com/')}`);
  const infos: Diagnostic[] = r.diags.filter(d => String(d.code).startsWith('flow-'));
  assert.ok(infos.length > 0 && infos.every(d => d.severity === 3), JSON.stringify(infos.map(d => [d.code, d.severity])));
  assert.ok(infos.some(d => /UNCONFIRMED/.test(d.message)));
});

test('an expression resource is not checked, and says so', () => {
  const r = check({ f: pa('a1', { authentication: 'tenant' }) }, `${backend('a1')}\n${mi('@(&quot;https://service.flow.microsoft.com/&quot;)')}`);
  assert.deepEqual(r.flowDiags, []);
  assert.ok(r.diags.some(d => d.code === 'flow-resource-dynamic' && d.severity === 3));
});

test('a *.policy.xml file is a policy of the index: listed by policies(), and its flow links reach the Flows view', () => {
  const uri = `${root}/custom/orders.policy.xml`;
  const { index, service } = setup({ f: pa('a1', { authentication: 'tenant' }) }, { [uri]: policy(`${backend('a1')}\n${mi('https://service.flow.microsoft.com/')}`) });
  assert.deepEqual(index.policies().map(p => p.uri), [uri]);
  const [flow] = service.listFlows();
  assert.deepEqual(flow.policies.map(p => [p.uri, p.verdict]), [[uri, 'accepted']]);
});

test('the Flows view names a policy by its API and operation display names, and says why a call is rejected', () => {
  const op = `${root}/apis/orders-v2/operations/get-order/policy.xml`;
  const api = `${root}/apis/invoices/policy.xml`;
  const { index, service } = setup({ f: pa('a1', { authentication: 'tenant' }) }, {
    [`${root}/apis/orders-v2/apiInformation.json`]: JSON.stringify({ properties: { displayName: 'Orders API', path: 'orders' } }),
    [`${root}/apis/orders-v2/operations/get-order/operationInformation.json`]: JSON.stringify({ properties: { displayName: 'Get order', method: 'GET' } }),
    [op]: policy(`${backend('a1')}\n${mi('https://service.flow.microsoft.com')}`),
    // no apiInformation.json: the folder name
    [api]: policy(`${backend('a1')}\n${mi('https://service.flow.microsoft.com/')}`),
  });
  const [flow] = service.listFlows();
  const byUri = new Map(flow.policies.map(p => [p.uri, p]));
  assert.equal(byUri.get(op)?.label, 'Orders API › Get order');
  assert.equal(byUri.get(op)?.verdict, 'rejected');
  assert.match(byUri.get(op)?.reason ?? '', /^Audience .*\(found https:\/\/service\.flow\.microsoft\.com\) → 401(\/403)? MisMatchingOAuthClaims$/);
  assert.equal(byUri.get(api)?.label, 'invoices');
  assert.equal(byUri.get(api)?.reason, undefined);
  // a display name removed with its file
  index.remove(`${root}/apis/orders-v2/apiInformation.json`);
  assert.equal(service.listFlows()[0].policies.find(p => p.uri === op)?.label, 'orders-v2 › Get order');
});
