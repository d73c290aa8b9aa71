import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { FLOW_TYPE_LABEL, FLOW_TYPES, flowMode, isFlowType, platformOf, PLATFORMS } from '../../server/src/languageService/auth/platforms';
import { parseTriggerUrl } from '../../server/src/languageService/auth/platforms/triggerUrl';
import { parseFlowsConfig } from '../../server/src/languageService/auth/flowConfig';
import type { FlowConfig } from '../../server/src/languageService/auth/types';

const ROOT = path.resolve(__dirname, '../../..');
const SERVER_SRC = path.join(ROOT, 'server/src');

test('the registry lists each platform once, in order, and finds it by type', () => {
  assert.deepEqual(FLOW_TYPES, ['powerAutomate', 'logicAppConsumption', 'logicAppStandard']);
  assert.deepEqual(FLOW_TYPE_LABEL, {
    powerAutomate: 'Power Automate',
    logicAppConsumption: 'Logic Apps Consumption',
    logicAppStandard: 'Logic Apps Standard',
  });
  for (const p of PLATFORMS) assert.equal(platformOf(p.type), p);
  assert.equal(isFlowType('logicAppStandard'), true);
  // Flow types come from the config: Object.prototype's members are not types.
  assert.equal(isFlowType('toString'), false);
  assert.equal(isFlowType('__proto__'), false);
});

test('each platform accepts its own trigger hosts, and a URL is recognised by the platform that owns its host', () => {
  for (const p of PLATFORMS) {
    for (const host of p.hosts) assert.ok(p.acceptedHostKinds.includes(host.kind), `${p.type} accepts ${host.kind}`);
  }
  const urls: Record<string, string> = {
    powerAutomate: 'https://abc.1d.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/1/triggers/manual/paths/invoke?api-version=1',
    logicAppConsumption: 'https://prod-12.westeurope.logic.azure.com/workflows/1/triggers/manual/paths/invoke?api-version=2016-10-01',
    logicAppStandard: 'https://ship.azurewebsites.net/api/ship/triggers/manual/invoke?api-version=2022-05-01',
  };
  for (const p of PLATFORMS) {
    const info = parseTriggerUrl(urls[p.type]);
    assert.ok(info && p.hosts.some(h => h.kind === info.hostKind), `${p.type}: ${info?.hostKind}`);
  }
});

test('flowMode describes the trigger through the platform that holds its facts', () => {
  const flow = (trigger: FlowConfig['trigger'], type: FlowConfig['type'] = 'powerAutomate'): FlowConfig => ({ name: 'f', type, cloud: 'public', trigger, policies: [] });
  assert.equal(flowMode(flow({ powerAutomate: { mode: 'specificUsers', allowedCallers: [] } })), 'specific users');
  assert.equal(flowMode(flow({ powerAutomate: { mode: undefined, allowedCallers: [] } })), 'mode unknown');
  assert.equal(flowMode(flow({ logicAppConsumption: { policies: [], sasDisabled: false } }, 'logicAppConsumption')), '0 OAuth policies');
  assert.equal(flowMode(flow({ logicAppStandard: { sasDisabled: true } }, 'logicAppStandard')), 'no Easy Auth');
  assert.equal(flowMode(flow({}, 'logicAppStandard')), 'trigger unknown');
});

test('config sections shared by platforms: sasAuthenticationPolicy is read for both Logic Apps plans and refused for Power Automate', () => {
  const text = JSON.stringify({
    flows: {
      pa: { type: 'powerAutomate', url: 'https://x.environment.api.powerplatform.com/p', trigger: { authentication: 'tenant' }, sasAuthenticationPolicy: { state: 'Disabled' } },
      std: { type: 'logicAppStandard', url: 'https://s.azurewebsites.net/api/w', sasAuthenticationPolicy: { state: 'Disabled' }, easyAuth: { clientId: '11111111-1111-1111-1111-111111111111' } },
      cons: { type: 'logicAppConsumption', url: 'https://prod-1.westeurope.logic.azure.com/workflows/1', openAuthenticationPolicies: { policies: {} }, sasAuthenticationPolicy: { state: 'Disabled' } },
    },
  });
  const { config, problems } = parseFlowsConfig('file:///apim-flows.json', text, () => undefined, (_b, r) => r);
  const notApplicable = problems.filter(p => p.code === 'flows-not-applicable').map(p => p.message);
  assert.deepEqual(notApplicable, ['"sasAuthenticationPolicy" applies to logicAppConsumption or logicAppStandard flows only; this flow is powerAutomate.']);
  assert.equal(config.flows.std.trigger.logicAppStandard?.sasDisabled, true);
  assert.equal(config.flows.std.trigger.logicAppStandard?.easyAuth?.clientId, '11111111-1111-1111-1111-111111111111');
  assert.equal(config.flows.cons.trigger.logicAppConsumption?.sasDisabled, true);
});

/** TypeScript files under `dir`, recursively. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

test('platform names are spelled only in the platform modules: the engine and the features go through the registry', () => {
  const names = new RegExp(`['"\`](?:${FLOW_TYPES.join('|')})['"\`]`);
  const allowed = new Set([
    'languageService/auth/types.ts', // the FlowType union
    // The placeholder flow of a token inspected without a flow: only the token's own checks are kept.
    'languageService/auth/inspect.ts',
  ]);
  const offenders = sources(SERVER_SRC)
    .map(f => path.relative(SERVER_SRC, f).split(path.sep).join('/'))
    .filter(rel => !rel.startsWith('languageService/auth/platforms/') && !allowed.has(rel))
    .filter(rel => names.test(fs.readFileSync(path.join(SERVER_SRC, rel), 'utf8')));
  assert.deepEqual(offenders, []);
});
