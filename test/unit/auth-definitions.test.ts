import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { readDefinition } from '../../server/src/languageService/auth/definitions';
import type { ConfigProblem } from '../../server/src/languageService/auth/types';
import { CORPUS, corpusSkip } from '../util/corpus';

const URI = 'file:///ws/flows/def.json';
const T = '11111111-1111-1111-1111-111111111111';
const OID = '22222222-2222-2222-2222-222222222222';

function codes(problems: ConfigProblem[]): string[] {
  return problems.map(p => p.code);
}

function paTrigger(inputs: Record<string, unknown>, name = 'manual', extra: Record<string, unknown> = {}) {
  return { [name]: { type: 'Request', kind: 'Http', inputs: { schema: {}, ...inputs } }, ...extra };
}

/** A solution export `Workflows/<name>-<guid>.json`. */
function solutionExport(inputs: Record<string, unknown>) {
  return JSON.stringify({
    properties: {
      connectionReferences: {},
      definition: { $schema: 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#', triggers: paTrigger(inputs), actions: {} },
    },
    schemaVersion: '1.0.0.0',
  }, null, 2);
}

test('Power Automate solution export: User mode with ;-separated allowed users', () => {
  const text = solutionExport({ triggerAuthenticationType: 'User', triggerAllowedUsers: `${OID}; ops@contoso.com ;` });
  const r = readDefinition(URI, text);
  assert.equal(r.type, 'powerAutomate');
  assert.equal(r.trigger.triggerName, 'manual');
  assert.deepEqual(r.trigger.powerAutomate?.mode, 'specificUsers');
  assert.deepEqual(r.trigger.powerAutomate?.allowedCallers, [OID, 'ops@contoso.com']);
  assert.equal(r.trigger.powerAutomate?.modeAssumed, undefined);
  assert.deepEqual(r.problems, []);
  assert.equal(r.trigger.powerAutomate?.range?.uri, URI);
});

test('Power Automate modes: All → anyone, Tenant → tenant', () => {
  assert.equal(readDefinition(URI, solutionExport({ triggerAuthenticationType: 'All' })).trigger.powerAutomate?.mode, 'anyone');
  assert.equal(readDefinition(URI, solutionExport({ triggerAuthenticationType: 'Tenant' })).trigger.powerAutomate?.mode, 'tenant');
});

test('Power Automate: a missing triggerAuthenticationType means "anyone", marked as assumed', () => {
  const text = solutionExport({});
  const r = readDefinition(URI, text);
  assert.equal(r.trigger.powerAutomate?.mode, 'anyone');
  assert.equal(r.trigger.powerAutomate?.modeAssumed, true);
  const p = r.problems.find(x => x.code === 'pa-mode-assumed');
  assert.ok(p);
  assert.equal(p.severity, 'information');
  assert.match(p.message, /UNCONFIRMED/);
});

test('Power Automate: an unknown triggerAuthenticationType leaves the mode unknown', () => {
  const text = solutionExport({ triggerAuthenticationType: 'Everyone' });
  const r = readDefinition(URI, text);
  assert.equal(r.trigger.powerAutomate?.mode, undefined);
  const p = r.problems.find(x => x.code === 'pa-unknown-authentication');
  assert.ok(p);
  assert.equal(text.slice(p.start, p.end), '"Everyone"');
});

test('Power Automate: User with no allowed users falls back to the tenant (information)', () => {
  const r = readDefinition(URI, solutionExport({ triggerAuthenticationType: 'User', triggerAllowedUsers: '' }));
  assert.deepEqual(codes(r.problems), ['pa-empty-allowed-callers']);
});

test('legacy package definition.json: same properties.definition path', () => {
  const text = JSON.stringify({ name: 'x', id: '/providers/Microsoft.Flow/flows/x', type: 'Microsoft.Flow/flows', properties: { definition: { triggers: paTrigger({ triggerAuthenticationType: 'Tenant' }) } } });
  const r = readDefinition('file:///ws/pkg/Microsoft.Flow/flows/x/definition.json', text, 'powerAutomate');
  assert.equal(r.type, 'powerAutomate');
  assert.equal(r.trigger.powerAutomate?.mode, 'tenant');
});

test('bare definitions: { definition: { triggers } } and { triggers }', () => {
  const a = readDefinition(URI, JSON.stringify({ definition: { triggers: paTrigger({ triggerAuthenticationType: 'User', triggerAllowedUsers: OID }) } }));
  assert.equal(a.type, 'powerAutomate');
  assert.deepEqual(a.trigger.powerAutomate?.allowedCallers, [OID]);
  const b = readDefinition(URI, JSON.stringify({ triggers: paTrigger({ triggerAuthenticationType: 'Tenant' }) }));
  assert.equal(b.trigger.powerAutomate?.mode, 'tenant');
  // A bare definition without PA inputs says nothing itself: the expected type decides.
  const c = readDefinition(URI, JSON.stringify({ triggers: paTrigger({}) }), 'powerAutomate');
  assert.equal(c.type, 'powerAutomate');
  assert.equal(c.trigger.powerAutomate?.modeAssumed, true);
  const d = readDefinition(URI, JSON.stringify({ triggers: paTrigger({}) }));
  assert.equal(d.type, undefined);
  assert.equal(d.trigger.powerAutomate, undefined);
});

test('several triggers: the first HTTP Request trigger is read and named', () => {
  const triggers = {
    Recurrence: { type: 'Recurrence', recurrence: { frequency: 'Day' } },
    button: { type: 'Request', kind: 'Button', inputs: {} },
    http_in: { type: 'Request', kind: 'Http', inputs: { triggerAuthenticationType: 'Tenant' } },
    http_two: { type: 'Request', kind: 'Http', inputs: { triggerAuthenticationType: 'All' } },
  };
  const text = JSON.stringify({ properties: { definition: { triggers } } });
  const r = readDefinition(URI, text);
  assert.equal(r.trigger.triggerName, 'http_in');
  assert.equal(r.trigger.powerAutomate?.mode, 'tenant');
  const p = r.problems.find(x => x.code === 'def-multiple-triggers');
  assert.ok(p);
  assert.match(p.message, /'http_in'/);
  assert.equal(text.slice(p.start, p.end), '"http_in"');
});

test('a Request trigger of another kind (Button) is not an HTTP trigger', () => {
  const r = readDefinition(URI, JSON.stringify({ triggers: { manual: { type: 'Request', kind: 'Button', inputs: {} } } }), 'powerAutomate');
  assert.equal(r.trigger.powerAutomate?.mode, undefined);
  assert.ok(codes(r.problems).includes('def-no-request-trigger'));
});

function armTemplate(accessControl: unknown, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    resources: [
      { type: 'Microsoft.Web/connections', name: 'c' },
      { type: 'Microsoft.Logic/workflows', apiVersion: '2019-05-01', name: 'la', properties: { state: 'Enabled', definition: { triggers: { manual: { type: 'Request', kind: 'Http', inputs: { schema: {} } } } }, accessControl, ...extra } },
    ],
  }, null, 2);
}

test('Logic Apps Consumption ARM template: policies and SAS disabled (camelCase)', () => {
  const text = armTemplate({
    triggers: {
      openAuthenticationPolicies: { policies: { apim: { type: 'AAD', claims: [{ name: 'iss', value: `https://sts.windows.net/${T}/` }, { name: 'oid', value: OID }] } } },
      sasAuthenticationPolicy: { state: 'Disabled' },
    },
  });
  const r = readDefinition(URI, text);
  assert.equal(r.type, 'logicAppConsumption');
  assert.deepEqual(r.problems, []);
  const la = r.trigger.logicAppConsumption!;
  assert.equal(la.sasDisabled, true);
  assert.equal(la.policies.length, 1);
  assert.equal(la.policies[0].type, 'AAD');
  assert.deepEqual(la.policies[0].claims.map(c => [c.name, c.value]), [['iss', `https://sts.windows.net/${T}/`], ['oid', OID]]);
  const r0 = la.policies[0].claims[1].range!;
  assert.equal(text.slice(r0.start, r0.end), `"${OID}"`);
});

test('Logic Apps Consumption: the PascalCase spelling (SasAuthenticationPolicy / State) of the quickstart templates', () => {
  const r = readDefinition(URI, armTemplate({ triggers: { SasAuthenticationPolicy: { State: 'Disabled' }, openAuthenticationPolicies: { policies: {} } } }));
  assert.equal(r.trigger.logicAppConsumption?.sasDisabled, true);
  assert.deepEqual(r.trigger.logicAppConsumption?.policies, []);
});

test('Logic Apps Consumption: ARM expressions as claim values are kept and marked not comparable', () => {
  const iss = "[concat('https://sts.windows.net/', subscription().tenantId, '/')]";
  const text = armTemplate({ triggers: { openAuthenticationPolicies: { policies: { p: { type: 'AAD', claims: [{ name: 'iss', value: iss }, { name: 'oid', value: "[parameters('apimPrincipalId')]" }, { name: 'x', value: '[[literal]' }] } } } } });
  const r = readDefinition(URI, text);
  const claims = r.trigger.logicAppConsumption!.policies[0].claims;
  assert.deepEqual(claims.map(c => [c.value, c.expression === true]), [[iss, true], ["[parameters('apimPrincipalId')]", true], ['[literal]', false]]);
  const infos = r.problems.filter(p => p.code === 'la-claim-expression');
  assert.equal(infos.length, 2);
  assert.ok(infos.every(p => p.severity === 'information'));
  assert.ok(!codes(r.problems).includes('la-invalid-iss'), 'an expression iss is not judged by its prefix');
});

test('Logic Apps Consumption: policy rules in a definition file', () => {
  const text = armTemplate({ triggers: { openAuthenticationPolicies: { policies: { p: { type: 'AAD', claims: [{ name: 'Issuer', value: 'x' }, { name: 'aud', values: ['a'] }, { name: 'roles', value: ['a', 'b'] }] } } } } });
  const r = readDefinition(URI, text);
  assert.deepEqual(codes(r.problems).sort(), ['la-claim-not-string', 'la-claim-values', 'la-missing-iss', 'la-sas-still-enabled']);
  assert.match(r.problems.find(p => p.code === 'la-missing-iss')!.message, /"iss", not "Issuer"/);
});

test('a bare workflow resource (as ARM GET returns it)', () => {
  const text = JSON.stringify({
    type: 'Microsoft.Logic/workflows', name: 'la',
    properties: { definition: { triggers: { manual: { type: 'Request', kind: 'Http' } } }, accessControl: { triggers: { openAuthenticationPolicies: { policies: { a: { type: 'AAD', claims: [{ name: 'iss', value: `https://login.microsoftonline.com/${T}/v2.0` }] } } } } } },
  });
  const r = readDefinition(URI, text);
  assert.equal(r.type, 'logicAppConsumption');
  assert.equal(r.trigger.logicAppConsumption?.policies[0].claims[0].value, `https://login.microsoftonline.com/${T}/v2.0`);
  assert.equal(r.trigger.logicAppConsumption?.sasDisabled, false);
});

test('a Consumption workflow without accessControl accepts SAS only (information)', () => {
  const r = readDefinition(URI, armTemplate(undefined));
  assert.equal(r.type, 'logicAppConsumption');
  assert.deepEqual(r.trigger.logicAppConsumption, { policies: [], sasDisabled: false });
  assert.deepEqual(codes(r.problems), ['la-no-access-control']);
});

test('an ARM template with several workflows reads the first', () => {
  const text = JSON.stringify({ resources: [
    { type: 'Microsoft.Logic/workflows', properties: { definition: { triggers: {} }, accessControl: { triggers: { sasAuthenticationPolicy: { state: 'Disabled' } } } } },
    { type: 'Microsoft.Logic/workflows', properties: { definition: { triggers: {} } } },
  ] });
  const r = readDefinition(URI, text);
  assert.equal(r.trigger.logicAppConsumption?.sasDisabled, true);
  assert.ok(codes(r.problems).includes('def-multiple-workflows'));
});

test('Logic Apps Standard: authsettingsV2 and site settings from an ARM template', () => {
  const text = JSON.stringify({ resources: [
    {
      type: 'Microsoft.Web/sites', kind: 'functionapp,workflowapp', name: 'ship',
      properties: {
        siteConfig: { appSettings: [{ name: 'WEBSITE_AUTH_AAD_ALLOWED_TENANTS', value: `${T}, 99999999-9999-9999-9999-999999999999` }, { name: 'WEBSITE_AUTH_AAD_REQUIRE_CLIENT_SERVICE_PRINCIPAL', value: 'true' }] },
        logicAppsAccessControlConfiguration: { triggers: { sasAuthenticationPolicy: { state: 'Disabled' } } },
      },
    },
    {
      type: 'Microsoft.Web/sites/config', name: "[concat(parameters('app'), '/authsettingsV2')]",
      properties: { identityProviders: { azureActiveDirectory: {
        registration: { clientId: 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa', openIdIssuer: `https://sts.windows.net/${T}/v2.0` },
        validation: { allowedAudiences: ['api://ship'], defaultAuthorizationPolicy: { allowedApplications: ['bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb'], allowedPrincipals: { identities: [OID] } } },
      } } },
    },
  ] });
  const r = readDefinition(URI, text, 'logicAppStandard');
  assert.equal(r.type, 'logicAppStandard');
  const ls = r.trigger.logicAppStandard!;
  assert.equal(ls.sasDisabled, true);
  assert.equal(ls.easyAuth?.clientId, 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa');
  assert.deepEqual(ls.easyAuth?.allowedAudiences, ['api://ship']);
  assert.deepEqual(ls.easyAuth?.allowedApplications, ['bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb']);
  assert.deepEqual(ls.easyAuth?.allowedPrincipals, [OID]);
  assert.deepEqual(ls.easyAuth?.allowedTenants, [T, '99999999-9999-9999-9999-999999999999']);
  assert.equal(ls.easyAuth?.requireClientServicePrincipal, true);
});

test('broken or odd files: problems with this file\'s URI, never a throw', () => {
  const broken = readDefinition(URI, '{ "properties": { "definition": { "triggers": { "manual": { "type": "Request", } } }');
  assert.ok(broken.problems.some(p => p.code === 'def-json-syntax' && p.uri === URI));
  assert.deepEqual(codes(readDefinition(URI, '[1,2]').problems), ['def-not-object']);
  assert.deepEqual(codes(readDefinition(URI, '').problems), ['def-json-syntax']);
  assert.deepEqual(codes(readDefinition(URI, '{ "hello": 1 }').problems), ['def-unrecognized']);
  const text = solutionExport({ triggerAuthenticationType: 'User', triggerAllowedUsers: OID });
  for (let i = 0; i < text.length; i += 5) assert.doesNotThrow(() => readDefinition(URI, text.slice(0, i), 'powerAutomate'));
});

// Real files written by others (see /work/shared/corpus/SOURCES.md).
const FLOWS = path.join(CORPUS, 'flows');
const corpusMissing = corpusSkip('flows');

function corpusFiles(): string[] {
  const out: string[] = [];
  for (const dir of fs.readdirSync(FLOWS)) {
    for (const f of fs.readdirSync(path.join(FLOWS, dir))) if (f.endsWith('.json')) out.push(path.join(FLOWS, dir, f));
  }
  return out.sort();
}

test('corpus: every flow file reads without errors or throws', { skip: corpusMissing }, () => {
  const files = corpusFiles();
  assert.ok(files.length >= 5);
  for (const f of files) {
    const r = readDefinition(`file://${f}`, fs.readFileSync(f, 'utf8'));
    assert.deepEqual(r.problems.filter(p => p.severity === 'error'), [], f);
  }
});

test('corpus: entitlement-management ARM templates (AADPOP policy, PascalCase SAS policy, ARM expressions)', { skip: corpusMissing }, () => {
  const files = corpusFiles().filter(f => f.endsWith('azuredeploy.json'));
  assert.equal(files.length, 2);
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const r = readDefinition(`file://${f}`, text);
    assert.equal(r.type, 'logicAppConsumption', f);
    assert.equal(r.trigger.triggerName, 'manual');
    const la = r.trigger.logicAppConsumption!;
    assert.equal(la.sasDisabled, true, 'SasAuthenticationPolicy.State = Disabled');
    assert.equal(la.policies.length, 1);
    const policy = la.policies[0];
    assert.equal(policy.name, 'AzureADEntitlementManagementPOPAuthPolicy');
    assert.equal(policy.type, 'AADPOP');
    assert.deepEqual(policy.claims.map(c => c.name), ['iss', 'appid', 'm', 'u', 'p']);
    const iss = policy.claims[0];
    assert.equal(iss.expression, true);
    assert.equal(iss.value, "[concat('https://sts.windows.net/', subscription().tenantId, '/')]");
    assert.equal(text.slice(iss.range!.start, iss.range!.end), JSON.stringify(iss.value));
    assert.equal(policy.claims[1].value, '810dcf14-1858-4bf2-8134-4c369fa3235b');
    assert.equal(policy.claims[1].expression, undefined);
    assert.deepEqual(r.problems.filter(p => p.code === 'la-claim-expression').length, 2);
  }
});

test('corpus: Logic Apps Standard workflow.json files have no HTTP trigger', { skip: corpusMissing }, () => {
  const files = corpusFiles().filter(f => f.endsWith('workflow.json'));
  assert.equal(files.length, 3);
  for (const f of files) {
    const r = readDefinition(`file://${f}`, fs.readFileSync(f, 'utf8'), 'logicAppStandard');
    assert.equal(r.type, 'logicAppStandard', f);
    assert.equal(r.trigger.triggerName, undefined);
    assert.ok(codes(r.problems).includes('def-no-request-trigger'), f);
    assert.deepEqual(r.trigger.logicAppStandard, { sasDisabled: false });
  }
});
