/**
 * One clouds table (auth/clouds.ts): the prediction, the trigger checks, the Logic Apps policy
 * reader and the token inspector judge a US Government or China token by its cloud's issuers, and
 * no module of the engine keeps its own copy of a cloud's hosts or issuers.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLOUD_TABLE, CLOUDS, expectedIssuer, issuerClouds, issuerVersion } from '../../server/src/languageService/auth/clouds';
import { predictToken } from '../../server/src/languageService/auth/predict';
import { simulateTrigger } from '../../server/src/languageService/auth/simulate';
import { parseFlowsConfig } from '../../server/src/languageService/auth/flowConfig';
import { decodedTokenResult } from '../../server/src/languageService/auth/inspect';
import { recognizeTrigger } from '../../server/src/languageService/auth/platforms/triggerUrl';
import type { TokenClaims } from '../../server/src/languageService/auth/types';

const T = '11111111-1111-1111-1111-111111111111';
const OID = '22222222-2222-2222-2222-222222222222';
const CLIENT = '33333333-3333-3333-3333-333333333333';
const NOW = new Date('2026-01-15T12:00:00Z');
const NOW_S = Math.floor(NOW.getTime() / 1000);
const URI = 'file:///ws/apim-flows.json';

function config(cloud: string, flows: string) {
  const text = `{ "tenantId": "${T}", "cloud": "${cloud}",
  "identities": { "apim": { "type": "system", "principalId": "${OID}", "clientId": "${CLIENT}" } },
  "flows": ${flows} }`;
  return { text, parsed: parseFlowsConfig(URI, text, () => undefined, (b, r) => new URL(r, b).toString()) };
}

function laFlow(host: string, iss: string): string {
  return `{ "la": { "type": "logicAppConsumption", "url": "https://prod-1.chinaeast2.${host}/workflows/w/triggers/manual/paths/invoke?api-version=2016-10-01",
    "openAuthenticationPolicies": { "policies": { "apim": { "type": "AAD", "claims": [ { "name": "iss", "value": "${iss}" }, { "name": "oid", "value": "${OID}" } ] } } } } }`;
}

function token(payload: Record<string, unknown>): TokenClaims {
  return { header: { alg: 'RS256', typ: 'JWT', kid: 'k' }, payload: { tid: T, oid: OID, appid: CLIENT, ver: '1.0', iat: NOW_S - 60, nbf: NOW_S - 60, exp: NOW_S + 3000, ...payload } };
}

test('clouds table: each cloud has a Flow audience with a trailing slash and v1/v2 issuers; issuers tell their version and clouds', () => {
  assert.deepEqual(CLOUDS, ['public', 'gcc', 'gcchigh', 'dod', 'china']);
  for (const c of CLOUDS) {
    const f = CLOUD_TABLE[c];
    assert.match(f.flowAudience, /^https:\/\/[^/]+\/$/, c);
    assert.equal(issuerVersion(`${f.v1IssuerPrefix}${T}/`), 1, c);
    assert.equal(issuerVersion(`${f.v2IssuerPrefix}${T}/v2.0`), 2, c);
  }
  assert.deepEqual(issuerClouds(`https://sts.chinacloudapi.cn/${T}/`), ['china']);
  assert.deepEqual(issuerClouds(`https://login.microsoftonline.us/${T}/v2.0`), ['gcchigh', 'dod']);
  assert.equal(expectedIssuer(2, T, undefined, 'gcchigh'), `https://login.microsoftonline.us/${T}/v2.0`);
  // a China token inspected without a flow keeps its own cloud
  assert.equal(expectedIssuer(1, T, `https://sts.chinacloudapi.cn/${T}/`), `https://sts.chinacloudapi.cn/${T}/`);
});

test('clouds: the config\'s cloud drives the predicted issuer (China v1, GCC High v2)', () => {
  const china = config('china', '{}').parsed.config;
  assert.equal(predictToken('https://service.powerautomate.cn/', undefined, china).claims.payload.iss, `https://sts.chinacloudapi.cn/${T}/`);
  const high = config('gcchigh', '{}').parsed.config;
  high.resources['api://x'] = { resource: 'api://x', tokenVersion: 2, clientId: CLIENT };
  assert.equal(predictToken('api://x', undefined, high).claims.payload.iss, `https://login.microsoftonline.us/${T}/v2.0`);
});

test('clouds: a China Logic App policy with the China issuer is valid and accepts the China token; the public issuer would be refused with a China fix', () => {
  const ok = config('china', laFlow('logic.azure.cn', `https://sts.chinacloudapi.cn/${T}/`)).parsed;
  assert.deepEqual(ok.problems.filter(p => p.severity === 'error').map(p => p.code), []);
  const flow = ok.config.flows.la;
  assert.equal(recognizeTrigger(flow.url!)?.cloud, 'china');
  const prediction = predictToken('https://management.chinacloudapi.cn/', undefined, ok.config);
  const r = simulateTrigger(flow, prediction.claims, { url: flow.url, sendsBearer: true }, { predicted: true });
  assert.equal(r.verdict, 'accepted', JSON.stringify(r.checks.filter(c => c.status === 'fail')));

  const wrong = config('china', laFlow('logic.azure.cn', `https://login.microsoftonline.com/${T}/v2.0`)).parsed;
  const w = simulateTrigger(wrong.config.flows.la, prediction.claims, { url: flow.url, sendsBearer: true }, { predicted: true });
  const issuer = w.checks.find(c => c.id === 'policy-issuer')!;
  assert.equal(issuer.status, 'fail');
  assert.match(issuer.detail!, new RegExp(`Put https://sts\\.chinacloudapi\\.cn/${T}/ in the policy`));
  assert.doesNotMatch(issuer.detail!, /sts\.windows\.net/);
});

test('clouds: the inspector passes a China or US Government token\'s issuer and explains it with its own cloud', () => {
  const { parsed } = config('china', laFlow('logic.azure.cn', `https://sts.chinacloudapi.cn/${T}/`));
  const china = token({ iss: `https://sts.chinacloudapi.cn/${T}/`, aud: 'https://management.chinacloudapi.cn/' });
  const alone = decodedTokenResult(china, undefined, [parsed.config], { now: NOW });
  assert.equal(alone.checks.find(c => c.id === 'token-issuer')!.status, 'pass');
  assert.match(alone.versionNote, /https:\/\/sts\.chinacloudapi\.cn\//);
  const withFlow = decodedTokenResult(china, { flow: parsed.config.flows.la, textOf: () => undefined }, [parsed.config], { now: NOW });
  assert.equal(withFlow.checks.find(c => c.id === 'policy-issuer')!.status, 'pass');
  const gov = token({ iss: `https://login.microsoftonline.us/${T}/v2.0`, ver: '2.0', azp: CLIENT, appid: undefined, aud: CLIENT });
  assert.equal(decodedTokenResult(gov, undefined, [], { now: NOW }).checks.find(c => c.id === 'token-issuer')!.status, 'pass');
});

test('clouds: no module of the engine keeps its own cloud hosts or issuers (they all read auth/clouds.ts)', () => {
  const root = path.resolve(__dirname, '../../../server/src/languageService');
  const facts = /https:\/\/(?:sts\.windows\.net|sts\.chinacloudapi\.cn|login\.microsoftonline\.(?:com|us)|login\.partner\.microsoftonline\.cn)\/|logic\\\.azure|azurewebsites\\\.|chinacloudsites|powerplatform\\\./;
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith(path.join('auth', 'clouds.ts')) && !p.endsWith('.generated.ts')) {
        // comments may cite hosts; code may not
        const code = fs.readFileSync(p, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
        code.split('\n').forEach((line, i) => { if (facts.test(line)) offenders.push(`${path.relative(root, p)}:${i + 1}: ${line.trim()}`); });
      }
    }
  };
  walk(root);
  assert.deepEqual(offenders, []);
  // and every platform module that recognises hosts or issuers imports the table
  for (const name of ['powerAutomate', 'logicAppConsumption', 'logicAppStandard', 'logicAppsAccessControl', 'triggerUrl']) {
    const src = fs.readFileSync(path.join(root, 'auth', 'platforms', `${name}.ts`), 'utf8');
    assert.match(src, /from '\.\.\/clouds'/, name);
  }
});
