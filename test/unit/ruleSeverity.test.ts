/**
 * Per-rule severities (`apimPolicy.rules`, the CLI's `--rule` and `.apim-policy.json`) as the
 * service applies them, and the UNCONFIRMED notes of one call grouped into one diagnostic.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService, readRuleSeverities, type RuleSeverities } from '../../server/src/languageService/languageService';

const T = 'd7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f';
const SYS_PRINCIPAL = '0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b';
const SYS_CLIENT = '9f8e7d6c-2222-4b4a-8c9d-8e7f6a5b4c3d';
const URL = 'https://default0.00.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/a1/triggers/manual/paths/invoke?api-version=1';
const root = 'file:///repo';

function config(allowedCallers: string[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    tenantId: T,
    identities: { 'apim-system': { type: 'system', principalId: SYS_PRINCIPAL, clientId: SYS_CLIENT } },
    flows: { 'order-intake': { type: 'powerAutomate', url: URL, trigger: { authentication: 'specificUsers', allowedCallers } } },
    ...extra,
  }, null, 2);
}

const policy = (inbound: string) =>
  `<policies>\n\t<inbound>\n\t\t<base />\n${inbound}\n\t</inbound>\n\t<backend>\n\t\t<base />\n\t</backend>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n\t<on-error>\n\t\t<base />\n\t</on-error>\n</policies>`;

const correctCall = `\t\t<set-backend-service base-url="${URL}" />\n\t\t<authentication-managed-identity resource="https://service.flow.microsoft.com/" />`;

function validate(configText: string, inbound: string, rules?: RuleSeverities): Diagnostic[] {
  const service = getLanguageService();
  service.workspace.update(`${root}/apim-flows.json`, configText);
  const document = TextDocument.create(`${root}/apis/a/policy.xml`, 'apim-policy', 1, policy(inbound));
  return service.doValidation(document, undefined, rules ? { rules } : {});
}

const flowDiags = (ds: Diagnostic[]) => ds.filter(d => String(d.code).startsWith('flow-'));

test('a correct call with several UNCONFIRMED points carries one note that lists them all', () => {
  // the principal is allowed (the call is correct); an e-mail entry beside it and the app-only token are both unconfirmed
  const ds = flowDiags(validate(config([SYS_PRINCIPAL, 'ops@contoso.com']), correctCall));
  assert.equal(ds.length, 1, JSON.stringify(ds.map(d => [d.code, d.message])));
  const [note] = ds;
  assert.equal(note.code, 'flow-unconfirmed');
  assert.equal(note.severity, DiagnosticSeverity.Information);
  assert.match(note.message, /^Test this call once: 2 points about order-intake \(Power Automate\) are UNCONFIRMED/);
  assert.match(note.message, /\(1\) E-mail entries in the allowed list \(found ops@contoso\.com\): How Power Automate matches/);
  assert.match(note.message, /; \(2\) App-only token to Power Automate .*environment\.api\.powerplatform\.com URLs\.$/);
  assert.deepEqual((note.data as { unconfirmed: string[] }).unconfirmed, ['flow-caller-emails', 'flow-app-only']);
  assert.equal(note.message.split(/test (this|the) call once/i).length, 3, 'the advice is said once');
});

test('a single UNCONFIRMED note keeps its own code', () => {
  const ds = flowDiags(validate(config([SYS_PRINCIPAL]), correctCall));
  assert.deepEqual(ds.map(d => d.code), ['flow-app-only']);
  assert.equal(ds[0].severity, DiagnosticSeverity.Information);
});

test('per-rule severity: a point turned off leaves the group; flow-unconfirmed silences them all', () => {
  const text = config([SYS_PRINCIPAL, 'ops@contoso.com']);
  assert.deepEqual(flowDiags(validate(text, correctCall, { 'flow-app-only': 'off' })).map(d => d.code), ['flow-caller-emails']);
  assert.deepEqual(flowDiags(validate(text, correctCall, { 'flow-unconfirmed': 'off' })), []);
  assert.deepEqual(flowDiags(validate(config([SYS_PRINCIPAL]), correctCall, { 'flow-unconfirmed': 'off' })), [], 'a single note is an UNCONFIRMED note too');
  // a point given its own severity is reported on its own, with that severity
  const raised = flowDiags(validate(text, correctCall, { 'flow-app-only': 'warning' }));
  assert.deepEqual(raised.map(d => [d.code, d.severity]).sort(), [['flow-app-only', DiagnosticSeverity.Warning], ['flow-caller-emails', DiagnosticSeverity.Information]]);
});

test('per-rule severity: error, warning, information, hint and off, over the rule\'s own and over missingBase', () => {
  const inbound = '\t\t<set-headr name="x" />';
  const codeOf = (ds: Diagnostic[], code: string) => ds.filter(d => d.code === code).map(d => d.severity);
  const plain = validate(config([SYS_PRINCIPAL]), inbound);
  assert.deepEqual(codeOf(plain, 'unknown-element'), [DiagnosticSeverity.Error]);
  for (const [name, severity] of [['warning', 2], ['information', 3], ['hint', 4]] as const) {
    assert.deepEqual(codeOf(validate(config([SYS_PRINCIPAL]), inbound, { 'unknown-element': name }), 'unknown-element'), [severity]);
  }
  assert.deepEqual(codeOf(validate(config([SYS_PRINCIPAL]), inbound, { 'unknown-element': 'off' }), 'unknown-element'), []);
  // a section without <base /> at API scope is a warning by default; the rule's severity wins over missingBase
  const noBase = policy('').replace('\t\t<base />\n', '');
  const service = getLanguageService();
  const doc = TextDocument.create(`${root}/apis/a/policy.xml`, 'apim-policy', 1, noBase);
  assert.deepEqual(service.doValidation(doc, undefined, { rules: { 'missing-base': 'error' } }).filter(d => d.code === 'missing-base').map(d => d.severity), [DiagnosticSeverity.Error]);
});

test('per-rule severity applies to the problems of apim-flows.json', () => {
  const service = getLanguageService();
  service.workspace.update(`${root}/apim-flows.json`, config(['not-a-guid-nor-mail']));
  const codes = (rules?: RuleSeverities) => [...service.flowConfigDiagnostics(rules).values()].flat().map(d => `${d.code}:${d.severity}`);
  const before = codes();
  assert.ok(before.includes('pa-invalid-caller:2'), before.join());
  assert.ok(!codes({ 'pa-invalid-caller': 'off' }).some(c => c.startsWith('pa-invalid-caller')));
  assert.ok(codes({ 'pa-invalid-caller': 'error' }).includes('pa-invalid-caller:1'));
});

test('reading rule severities: unknown codes are kept and named, bad values dropped and named, nothing throws', () => {
  const r = readRuleSeverities({ 'flow-app-only': 'off', 'no-such-rule': 'warning', 'unknown-element': 'loud', 'missing-base': 3 });
  assert.deepEqual(r.rules, { 'flow-app-only': 'off', 'no-such-rule': 'warning' });
  assert.deepEqual(r.unknownCodes, ['no-such-rule']);
  assert.equal(r.invalid.length, 2);
  assert.match(r.invalid[0], /'unknown-element': "loud" is not one of error, warning, information, hint, off/);
  assert.deepEqual(readRuleSeverities(undefined), { rules: {}, unknownCodes: [], invalid: [] });
  assert.equal(readRuleSeverities(['x']).invalid.length, 1);
  assert.equal(readRuleSeverities('off').invalid.length, 1);
});
