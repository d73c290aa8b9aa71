/**
 * What the platform alone settles about a call, with no `apim-flows.json`: the trigger is
 * recognised from the URL the request goes to (platforms/triggerUrl.ts), and only the checks that
 * need none of the flow's own settings are kept. The rest (allowed callers, tenant, Logic Apps
 * policies, Easy Auth) depends on the flow and is left to a config.
 */

import type { Check, Cloud, FlowConfig, FlowsConfig, FlowType, SimulationResult } from './types';
import { classifyResource } from './audiences';
import { ref } from './checkContext';
import { predictToken } from './predict';
import { simulateTrigger } from './simulate';
import { platformOf } from './platforms';
import { recognizeTrigger, type RecognizedTrigger } from './platforms/triggerUrl';

/**
 * Engine checks whose verdict needs no flow settings on any platform: one scheme per call (a SAS
 * signature next to a bearer token: DirectApiRequestHasMoreThanOneAuthorization, flow-auth-facts
 * §1.5 and §2.3). Each platform adds its own (`settledWithoutConfig`).
 */
const ENGINE_SETTLED = ['sas-and-bearer'];

export interface PlatformFacts {
  trigger: RecognizedTrigger;
  /** The flow as far as the URL describes it (no trigger facts), to name it in messages. */
  flow: FlowConfig;
  /** The platform-settled checks, failing or not. */
  checks: Check[];
}

/**
 * The platform-settled checks of a managed-identity call to `url`. `resource` is the literal (named
 * values resolved), undefined when known only at run time; `sendsBearer` as in RequestContext.
 * Undefined when the URL is not a recognised trigger URL.
 */
export function platformFacts(url: string, resource: string | undefined, clientId: string | undefined, sendsBearer: boolean | undefined): PlatformFacts | undefined {
  const trigger = recognizeTrigger(url);
  if (!trigger) return undefined;
  // An old logic.azure.com URL may be a Logic App or a flow: the first platform settles nothing a
  // flow's settings would change, so only what holds for both is said.
  const type: FlowType = trigger.types[0];
  const platform = platformOf(type);
  // A sovereign Flow audience names its cloud; which hosts the US Government and China clouds give
  // their environments is UNCONFIRMED, so a host never overrules the audience's own cloud.
  const cloud: Cloud = (resource !== undefined ? classifyResource(resource).cloud : undefined) ?? trigger.cloud ?? 'public';
  const flow: FlowConfig = {
    name: trigger.workflow ?? trigger.info.host,
    type, url, cloud, tenantId: trigger.tenantId, trigger: {}, policies: [],
  };
  const checks: Check[] = [];
  if (resource !== undefined) {
    const config: FlowsConfig = { uri: '', cloud, identities: Object.create(null), resources: Object.create(null), flows: Object.create(null) };
    const prediction = predictToken(resource, clientId, config, trigger.tenantId);
    const result: SimulationResult = simulateTrigger(flow, prediction.claims, { url, sendsBearer }, { predicted: true });
    const settled = new Set([...ENGINE_SETTLED, ...platform.settledWithoutConfig]);
    checks.push(...result.checks.filter(c => settled.has(c.id)));
    if (!settled.has('audience')) {
      const scope = resourceScopeCheck(resource);
      if (scope) checks.push(scope);
    }
  }
  return { trigger, flow, checks };
}

/**
 * `resource` is a resource, not a scope: `/.default` belongs to scopes of the v2 endpoint
 * (https://learn.microsoft.com/en-us/entra/identity-platform/scenario-daemon-acquire-token,
 * flow-auth-facts §3.4). Power Automate's audience check says it for Power Automate.
 */
export function resourceScopeCheck(resource: string): Check | undefined {
  const trimmed = resource.trim();
  if (!/\/\.default$/i.test(trimmed)) return undefined;
  const suggestion = trimmed.replace(/\/?\/\.default$/i, trimmed.endsWith('//.default') ? '/' : '');
  return {
    id: 'resource-scope', title: 'resource is a resource, not a scope', status: 'fail', source: 'resource', reference: ref(2),
    expected: suggestion, actual: trimmed,
    detail: `"/.default" makes this a v2 scope; the managed identity endpoint takes the resource (App ID URI or client ID) itself, so the token's audience would not be ${suggestion}.`,
  };
}
