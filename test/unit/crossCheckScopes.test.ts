/**
 * The cross-check along the effective chain (issue 13 item 3): an identity at any level meets the
 * URL at any level, only where <base /> really runs it; products judged each; one finding per
 * identity and flow, naming the requests it is about.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/languageService/languageService';

const T = 'd7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f';
const SYS_PRINCIPAL = '0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b';
const SYS_CLIENT = '9f8e7d6c-2222-4b4a-8c9d-8e7f6a5b4c3d';
const OTHER = '7b7b7b7b-5555-4a5b-8c6d-7e8f9a0b1c2d';
const PA = 'https://default0.00.environment.api.powerplatform.com/powerautomate/automations/direct/workflows';
const root = 'file:///repo';
const url = (id: string) => `${PA}/${id}/triggers/manual/paths/invoke?api-version=1`;

function config(flows: Record<string, unknown>): string {
  return JSON.stringify({ tenantId: T, identities: { 'apim-system': { type: 'system', principalId: SYS_PRINCIPAL, clientId: SYS_CLIENT } }, flows }, null, 2);
}

const tenantFlow = (id: string) => ({ type: 'powerAutomate', url: url(id), trigger: { authentication: 'tenant' } });
const othersOnly = (id: string) => ({ type: 'powerAutomate', url: url(id), trigger: { authentication: 'specificUsers', allowedCallers: [OTHER] } });

function policy(inbound: string, base = true): string {
  return `<policies>\n\t<inbound>\n${base ? '\t\t<base />\n' : ''}${inbound}\n\t</inbound>\n\t<backend>\n\t\t<base />\n\t</backend>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n\t<on-error>\n\t\t<base />\n\t</on-error>\n</policies>`;
}

const GLOBAL = '<policies>\n\t<inbound />\n\t<backend>\n\t\t<forward-request />\n\t</backend>\n\t<outbound />\n\t<on-error />\n</policies>';
const mi = (resource: string) => `\t\t<authentication-managed-identity resource="${resource}" />`;
const backend = (id: string) => `\t\t<set-backend-service base-url="${url(id)}" />`;

function workspace(flows: Record<string, unknown>, files: Record<string, string>) {
  const service = getLanguageService();
  service.workspace.update(`${root}/apim-flows.json`, config(flows));
  for (const [path, text] of Object.entries(files)) service.workspace.update(`${root}/${path}`, text);
  const diagnose = (path: string) => {
    const uri = `${root}/${path}`;
    const document = TextDocument.create(uri, 'apim-policy', 1, service.workspace.policyText(uri)!);
    const diags = service.doValidation(document);
    return { document, diags, flow: diags.filter(d => String(d.code).startsWith('flow-')), lenses: service.getCodeLenses(document) };
  };
  return { service, diagnose };
}

const related = (d: Diagnostic) => (d.relatedInformation ?? []).map(r => r.message);

test('an identity in the global policy meets the URL an operation sets: reported once, on the global resource, naming the operation', () => {
  const { diagnose } = workspace({ f: tenantFlow('f1') }, {
    'policy.xml': GLOBAL.replace('<inbound />', `<inbound>\n${mi('https://service.flow.microsoft.com')}\n\t</inbound>`),
    'apis/orders/policy.xml': policy(''),
    'apis/orders/operations/create/policy.xml': policy(backend('f1')),
    'apis/orders/operations/list/policy.xml': policy(backend('f1')),
    'apis/billing/policy.xml': policy(''),
  });
  const g = diagnose('policy.xml');
  const audience = g.flow.filter(d => d.code === 'flow-audience');
  assert.equal(audience.length, 1, JSON.stringify(g.flow.map(d => d.code)));
  assert.equal(g.document.getText(audience[0].range), 'https://service.flow.microsoft.com');
  assert.match(audience[0].message, /Add the trailing slash/);
  const names = related(audience[0]).filter(m => m.startsWith('runs for'));
  assert.deepEqual(names.sort(), [
    "runs for operation 'create' of API 'orders', whose request goes to f",
    "runs for operation 'list' of API 'orders', whose request goes to f",
  ]);
  // the operations themselves report nothing about a token they do not send
  assert.deepEqual(diagnose('apis/orders/operations/create/policy.xml').flow.map(d => d.code), []);
});

test('a section without <base /> cuts the chain: the global identity does not run there, and the operation is told it sends no token', () => {
  const { diagnose } = workspace({ f: tenantFlow('f1') }, {
    'policy.xml': GLOBAL.replace('<inbound />', `<inbound>\n${mi('https://service.flow.microsoft.com')}\n\t</inbound>`),
    'apis/orders/policy.xml': policy('', false),
    'apis/orders/operations/create/policy.xml': policy(backend('f1')),
  });
  assert.deepEqual(diagnose('policy.xml').flow.filter(d => d.severity === 1).map(d => d.code), []);
  const op = diagnose('apis/orders/operations/create/policy.xml');
  assert.ok(op.flow.some(d => d.code === 'flow-client-token' || d.code === 'flow-oauth-required' || d.severity === 1), JSON.stringify(op.flow.map(d => d.code)));
});

test('an identity in the API policy with the URL set in each operation: one finding per flow, each naming its operations', () => {
  const { diagnose } = workspace({ good: tenantFlow('g1'), strict: othersOnly('s1') }, {
    'policy.xml': GLOBAL,
    'apis/orders/policy.xml': policy(mi('https://service.flow.microsoft.com/')),
    'apis/orders/operations/a/policy.xml': policy(backend('g1')),
    'apis/orders/operations/b/policy.xml': policy(backend('s1')),
    'apis/orders/operations/c/policy.xml': policy(backend('s1')),
  });
  const api = diagnose('apis/orders/policy.xml');
  const errors = api.flow.filter(d => d.severity === 1);
  assert.equal(errors.length, 1, JSON.stringify(errors.map(d => [d.code, d.message])));
  assert.match(errors[0].message, /strict/);
  assert.deepEqual(related(errors[0]).filter(m => m.startsWith('runs for')).sort(), [
    "runs for operation 'b' of API 'orders', whose request goes to strict",
    "runs for operation 'c' of API 'orders', whose request goes to strict",
  ]);
  const titles = api.lenses.map(l => l.command?.title ?? '');
  assert.ok(titles.some(t => /^good \(Power Automate, tenant\): accepted$/.test(t)), titles.join(' | '));
  assert.ok(titles.some(t => /^strict .*rejected/.test(t)), titles.join(' | '));
});

test('products from the APIOps product folders: the API in two products that send it to different flows is judged for each', () => {
  const product = (id: string) => policy(backend(id));
  const { diagnose } = workspace({ good: tenantFlow('g1'), strict: othersOnly('s1') }, {
    'policy.xml': GLOBAL,
    'products/gold/policy.xml': product('g1'),
    'products/gold/apis/orders/productApiInformation.json': '{}',
    'products/bronze/policy.xml': product('s1'),
    'products/bronze/apis/orders/productApiInformation.json': '{}',
    'apis/orders/policy.xml': policy(mi('https://service.flow.microsoft.com/')),
  });
  const api = diagnose('apis/orders/policy.xml');
  const errors = api.flow.filter(d => d.severity === 1);
  assert.equal(errors.length, 1, JSON.stringify(errors.map(d => d.message)));
  assert.match(errors[0].message, /strict/);
  assert.ok(related(errors[0]).some(m => /through product 'bronze'/.test(m)), related(errors[0]).join(' | '));
  assert.ok(!related(errors[0]).some(m => /gold/.test(m)));
});

test('the identity in an operation and the URL in the API still meet (the common layout), with no related requests', () => {
  const { diagnose } = workspace({ f: tenantFlow('f1') }, {
    'policy.xml': GLOBAL,
    'apis/orders/policy.xml': policy(backend('f1')),
    'apis/orders/operations/create/policy.xml': policy(mi('https://service.flow.microsoft.com')),
  });
  const op = diagnose('apis/orders/operations/create/policy.xml');
  const audience = op.flow.filter(d => d.code === 'flow-audience');
  assert.equal(audience.length, 1);
  assert.deepEqual(related(audience[0]).filter(m => m.startsWith('runs for')), []);
});

test('a token from an identity in an included fragment counts as sent', () => {
  const { diagnose } = workspace({ f: tenantFlow('f1') }, {
    'policy.xml': GLOBAL,
    'policy%20fragments/auth/policy.xml': `<fragment>\n${mi('https://service.flow.microsoft.com/')}\n</fragment>`,
    'apis/orders/policy.xml': policy('\t\t<include-fragment fragment-id="auth" />'),
    'apis/orders/operations/create/policy.xml': policy(backend('f1')),
  });
  assert.deepEqual(diagnose('apis/orders/operations/create/policy.xml').flow.filter(d => d.severity! <= 2).map(d => d.code), []);
});

test('an identity in a fragment is judged for the requests of the policies that include it', () => {
  const { diagnose } = workspace({ f: tenantFlow('f1') }, {
    'policy.xml': GLOBAL,
    'policy%20fragments/auth/policy.xml': `<fragment>\n${mi('https://service.flow.microsoft.com')}\n</fragment>`,
    'apis/orders/policy.xml': policy('\t\t<include-fragment fragment-id="auth" />'),
    'apis/orders/operations/create/policy.xml': policy(backend('f1')),
    'apis/billing/policy.xml': policy(backend('f1')),
  });
  const fragment = diagnose('policy%20fragments/auth/policy.xml');
  const audience = fragment.flow.filter(d => d.code === 'flow-audience');
  assert.equal(audience.length, 1, JSON.stringify(fragment.flow.map(d => d.code)));
  assert.equal(fragment.document.getText(audience[0].range), 'https://service.flow.microsoft.com');
  // billing does not include the fragment: only the orders operation is named
  assert.deepEqual(related(audience[0]).filter(m => m.startsWith('runs for')), ["runs for operation 'create' of API 'orders', whose request goes to f"]);
});
