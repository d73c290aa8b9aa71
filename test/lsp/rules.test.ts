/** `apimPolicy.rules` over LSP: a configuration change re-publishes with the chosen severities. */
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from '../util/lspClient';

let client: TestClient;

before(async () => { client = await startClient('file:///tmp/ws-rules'); });
after(async () => { await client.close(); });

const uri = 'file:///tmp/ws-rules/apis/orders/policy.xml';
const text = '<policies>\n  <inbound>\n    <base />\n    <set-headr name="x" />\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n</policies>';

const severities = (p: PublishDiagnosticsParams, code: string) => p.diagnostics.filter(d => d.code === code).map(d => d.severity);

test('didChangeConfiguration: the open policy is published again with the severity of apimPolicy.rules', async () => {
  client.open(uri, text, 1);
  assert.deepEqual(severities(await client.diagnostics(uri, 1), 'unknown-element'), [DiagnosticSeverity.Error]);
  client.configure({ rules: { 'unknown-element': 'warning' } });
  assert.deepEqual(severities(await client.diagnostics(uri, 1), 'unknown-element'), [DiagnosticSeverity.Warning]);
  client.configure({ rules: { 'unknown-element': 'off' } });
  assert.deepEqual((await client.diagnostics(uri, 1)).diagnostics, []);
  client.configure({});
  assert.deepEqual(severities(await client.diagnostics(uri, 1), 'unknown-element'), [DiagnosticSeverity.Error]);
});

test('the problems of apim-flows.json follow apimPolicy.rules too', async () => {
  const config = 'file:///tmp/ws-rules/apim-flows.json';
  const flows = JSON.stringify({
    flows: { f: { type: 'powerAutomate', url: 'https://default0.00.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/a1/triggers/manual/paths/invoke?api-version=1', trigger: { authentication: 'specificUsers', allowedCallers: ['not-an-id'] } } },
  });
  client.open(config, flows, 1, 'jsonc');
  let published = await client.diagnostics(config);
  while (!published.diagnostics.some(d => d.code === 'pa-invalid-caller')) published = await client.diagnostics(config);
  assert.deepEqual(severities(published, 'pa-invalid-caller'), [DiagnosticSeverity.Warning]);
  client.configure({ rules: { 'pa-invalid-caller': 'error' } });
  published = await client.diagnostics(config);
  while (severities(published, 'pa-invalid-caller')[0] !== DiagnosticSeverity.Error) published = await client.diagnostics(config);
  client.configure({ rules: { 'pa-invalid-caller': 'off' } });
  published = await client.diagnostics(config);
  while (severities(published, 'pa-invalid-caller').length > 0) published = await client.diagnostics(config);
});

test('an unknown code in apimPolicy.rules is a warning shown once; the rest of the setting applies', async () => {
  client.configure({ rules: { 'unknown-elemnt': 'off', 'unknown-element': 'hint' } });
  let published = await client.diagnostics(uri);
  while (severities(published, 'unknown-element')[0] !== DiagnosticSeverity.Hint) published = await client.diagnostics(uri);
  const warned = () => client.shown().filter(m => /apimPolicy\.rules: 'unknown-elemnt' is not a rule code/.test(m));
  assert.equal(warned().length, 1, client.shown().join('\n'));
  client.configure({ rules: { 'unknown-elemnt': 'off', 'unknown-element': 'hint' } });
  await client.diagnostics(uri);
  assert.equal(warned().length, 1, 'said once');
});
