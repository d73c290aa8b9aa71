/**
 * The CLI's per-rule severities (`--rule`, `--rules-config`, `.apim-policy.json`) and the
 * UNCONFIRMED notes of one call counted in its JSON output.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { runCli, makeTree } from '../util/cli';


const run = (args: string[]) => runCli(args);

const tree = (files: Record<string, string>) => makeTree(files, 'apim-cli-rules-');

interface Out { code: string; severity: string; message: string }
const json = (stdout: string) => JSON.parse(stdout) as Out[];

const broken = '<policies>\n  <inbound>\n    <base />\n    <set-headr name="a" />\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n</policies>';

test('check --rule: a severity per code; off drops it, and the exit code follows', () => {
  const dir = tree({ 'apis/a/policy.xml': broken });
  assert.equal(run(['check', dir]).code, 1);
  const warned = run(['check', dir, '--format', 'json', '--rule', 'unknown-element=warning']);
  assert.equal(warned.code, 0, warned.stderr);
  assert.deepEqual(json(warned.stdout).map(d => [d.code, d.severity]), [['unknown-element', 'warning']]);
  const off = run(['check', dir, '--format=json', '--rule=unknown-element=off']);
  assert.deepEqual(json(off.stdout), []);
  assert.equal(off.code, 0);
});

test('check: .apim-policy.json at the checked folder\'s root, --rule over it, --rules-config instead of it', () => {
  const dir = tree({ 'apis/a/policy.xml': broken, '.apim-policy.json': '// the team\'s choices\n{ "rules": { "unknown-element": "hint", } }' });
  const fromFile = run(['check', dir, '--format', 'json']);
  assert.equal(fromFile.code, 0, fromFile.stderr);
  assert.deepEqual(json(fromFile.stdout).map(d => d.severity), ['hint']);
  const overridden = run(['check', dir, '--format', 'json', '--rule', 'unknown-element=error']);
  assert.equal(overridden.code, 1);
  assert.deepEqual(json(overridden.stdout).map(d => d.severity), ['error']);
  const other = path.join(tree({ 'rules.json': '{"rules": {"unknown-element": "off"}}' }), 'rules.json');
  assert.deepEqual(json(run(['check', dir, '--format', 'json', '--rules-config', other]).stdout), []);
});

test('check: unknown codes are a warning on standard error, not a failure', () => {
  const dir = tree({ 'apis/a/policy.xml': broken, '.apim-policy.json': '{"rules": {"unknown-elemnt": "off"}}' });
  const r = run(['check', dir, '--format', 'json', '--rule', 'flow-app-onyl=off']);
  assert.equal(r.code, 1, 'the error is still reported: the misspelt code changed nothing');
  assert.match(r.stderr, /^apim-policy: warning: .*\.apim-policy\.json: 'unknown-elemnt' is not a rule code/m);
  assert.match(r.stderr, /^apim-policy: warning: --rule flow-app-onyl: not a rule code/m);
});

test('check: a rule config that cannot be meant is a one-line error, exit 2', () => {
  const cases: Array<[string, RegExp]> = [
    ['{"rules": {"unknown-element": "loud"}}', /: "rules": 'unknown-element': "loud" is not one of error, warning, information, hint, off\.$/],
    ['{"rules": ', /: not valid JSON \(ValueExpected on line 1\)\.$/],
    ['["unknown-element"]', /: must be a JSON object/],
    ['{"rule": {}}', /: unknown key 'rule' \(only "rules" is read\)\.$/],
  ];
  for (const [text, message] of cases) {
    const dir = tree({ 'apis/a/policy.xml': broken, '.apim-policy.json': text });
    const r = run(['check', dir]);
    assert.equal(r.code, 2, text);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr.trim(), message);
  }
  assert.equal(run(['check', '.', '--rule', 'unknown-element']).code, 2);
  assert.match(run(['check', '.', '--rule', 'unknown-element=loud']).stderr, /'loud' is not one of error, warning, information, hint, off/);
  const missing = run(['check', '.', '--rules-config', '/nonexistent/rules.json']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^apim-policy: --rules-config \/nonexistent\/rules\.json: file not found\n$/);
});

test('check: a correct managed-identity call with two UNCONFIRMED points prints one note', () => {
  const T = 'd7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f';
  const principal = '0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b';
  const url = 'https://default0.00.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/a1/triggers/manual/paths/invoke?api-version=1';
  const dir = tree({
    'apim-flows.json': JSON.stringify({
      tenantId: T,
      identities: { 'apim-system': { type: 'system', principalId: principal, clientId: '9f8e7d6c-2222-4b4a-8c9d-8e7f6a5b4c3d' } },
      flows: { intake: { type: 'powerAutomate', url, trigger: { authentication: 'specificUsers', allowedCallers: [principal, 'ops@contoso.com'] } } },
    }),
    'apis/a/policy.xml': broken.replace('<set-headr name="a" />', `<set-backend-service base-url="${url}" />\n    <authentication-managed-identity resource="https://service.flow.microsoft.com/" />`),
  });
  const r = run(['check', dir, '--format', 'json']);
  assert.equal(r.code, 0, r.stdout);
  const out = json(r.stdout);
  assert.deepEqual(out.map(d => [d.code, d.severity]), [['flow-unconfirmed', 'information']]);
  assert.match(out[0].message, /^Test this call once: 2 points about intake \(Power Automate\) are UNCONFIRMED/);
  assert.deepEqual(json(run(['check', dir, '--format', 'json', '--rule', 'flow-unconfirmed=off']).stdout), []);
});
