/**
 * `apim-policy check` on Bicep, ARM and Terraform: the planted mistakes of examples/iac reported at
 * their line and column in the host file, loaded files checked with the loading resource's scope.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { runCli } from '../util/cli';

const project = path.resolve(__dirname, '../../..');

const run = (args: string[]) => runCli(args, { cwd: project });

test('check examples/iac: each planted mistake at its host line:column, nothing else above information', () => {
  const r = run(['check', 'examples/iac']);
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trim().split('\n').filter(l => !l.includes(': information ['));
  const at = (f: string) => path.join('examples', 'iac', ...f.split('/'));
  assert.deepEqual(lines, [
    `${at('arm/azuredeploy.json')}:40:210: error [unknown-element] Unknown policy <set-varible>. Did you mean <set-variable>?`,
    // the Logic App and its backend in the same file: the refunds API asks for the wrong audience
    `${at('bicep/logic-app.bicep')}:95:48: error [flow-audience] ${'Request the token for the audience a policy names (aud=https://management.azure.com/), or put aud=https://service.flow.microsoft.com/ in the policy — invoice-intake (Logic Apps Consumption) answers 403 MisMatchingOAuthClaims (status or text UNCONFIRMED). Audience matches a policy (expected aud=https://management.azure.com/, found aud=https://service.flow.microsoft.com/). The token\'s aud is the resource string APIM asks for (v1) or the app\'s client ID (v2).'}`,
    `${at('bicep/logic-app.bicep')}:95:48: error [flow-policies] Token satisfies an OAuth policy — invoice-intake (Logic Apps Consumption) answers 403 MisMatchingOAuthClaims (status or text UNCONFIRMED) (expected all claims of at least one policy). No policy matches (exact, case-sensitive comparison): 'apim': aud expected https://management.azure.com/, got https://service.flow.microsoft.com/.`,
    `${at('bicep/main.bicep')}:46:6: error [unknown-element] Unknown policy <set-headr>. Did you mean <set-header>?`,
    `${at('bicep/main.bicep')}:70:111: error [iac-xml-format-not-strict] With format 'xml' the policy must be well-formed XML, and this expression holds a raw '"': the deployment fails. Use format 'rawxml', or escape it (&quot;).`,
    `${at('terraform/main.tf')}:24:10: error [unknown-element] Unknown policy <cache-lokup>. Did you mean <cache-lookup>?`,
    `${at('terraform/main.tf')}:44:35: error [base-in-fragment] <base /> is not allowed in a fragment: the fragment is inserted as is where it is included.`,
    `${at('bicep/policies/get-order.xml')}:4:6: error [policy-not-allowed-in-scope] <quota> is not allowed at operation scope (APIM: "Policy is not allowed in the specified scope"); allowed: product.`,
    '6 files checked: 8 errors, 0 warnings, 2 information.',
  ]);
});

test('check main.bicep alone: its inline policies and the file it loads, with the operation scope', () => {
  const r = run(['check', 'examples/iac/bicep/main.bicep', '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as Array<{ file: string; code: string; severity: string; range: { start: { line: number; character: number } } }>;
  const errors = out.filter(d => d.severity === 'error').map(d => `${d.file}:${d.range.start.line}:${d.range.start.character} ${d.code}`);
  assert.deepEqual(errors, [
    `${path.join('examples', 'iac', 'bicep', 'main.bicep')}:45:5 unknown-element`,
    `${path.join('examples', 'iac', 'bicep', 'main.bicep')}:69:110 iac-xml-format-not-strict`,
    `${path.join('examples', 'iac', 'bicep', 'policies', 'get-order.xml')}:3:5 policy-not-allowed-in-scope`,
  ]);
});
