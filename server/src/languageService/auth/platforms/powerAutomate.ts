/**
 * Power Automate: HTTP-triggered flows ("When an HTTP request is received") called on their direct
 * trigger URL, with "Who can trigger the flow?" Anyone / Any user in my tenant / Specific users.
 * Facts: flow-auth-facts §1 (audience per cloud, allowed users, MisMatchingOAuthClaims) and §6.
 */

import type { Node } from 'jsonc-parser';
import { add, claim, isAppOnly, missing, MODE_UNKNOWN, modeCheck, ref, show, tokenAudiences, type CheckContext } from '../checkContext';
import { readString, type ConfigReader } from '../configReader';
import { classifyResource, flowAudience, isEmail, isGuid, sameId } from '../audiences';
import { powerPlatformHost } from '../clouds';
import { problemAt, property, rangeOf, stringList, stringOf } from '../jsonNodes';
import { PLATFORM_ERRORS } from '../platformErrors';
import type { Check, ConfigProblem, PowerAutomateAuth, TriggerAuth } from '../types';
import type { DefinitionFile, FlowPlatform } from './types';

type PowerAutomateTrigger = NonNullable<TriggerAuth['powerAutomate']>;

const PA_AUTHENTICATIONS: readonly PowerAutomateAuth[] = ['anyone', 'tenant', 'specificUsers'];

/** Microsoft's own words on "Anyone" plus a token (Teams connector reference, §1.5). */
const ANYONE_WITH_TOKEN_DOC = "Microsoft: \"Do not pass an authentication token header if you selected the 'Anyone' authentication option, or POST requests to the trigger will fail.\"";

export const powerAutomate: FlowPlatform = {
  type: 'powerAutomate',
  label: 'Power Automate',
  describeMode(trigger) {
    const pa = trigger.powerAutomate;
    if (!pa) return undefined;
    return pa.mode === 'specificUsers' ? 'specific users' : pa.mode ?? 'mode unknown';
  },

  hosts: [{
    kind: 'powerPlatform',
    match(host) {
      const pp = powerPlatformHost(host);
      return pp ? { environment: pp.environment } : undefined;
    },
  }],
  // Before 2025 flows had Logic Apps trigger hosts (prod-NN.<region>.logic.azure.com).
  acceptedHostKinds: ['powerPlatform', 'logicApps'],
  urlNotes(info, cloud) {
    if (info.hostKind !== 'logicApps' || cloud !== 'public') return [];
    return [{
      severity: 'information', code: 'pa-url-retired',
      message: 'Power Automate trigger URLs on logic.azure.com moved to environment.api.powerplatform.com in 2025; the old URLs stopped working after November 30, 2025. Copy the new HTTP URL from the trigger.',
    }];
  },

  configSections: [{
    name: 'trigger', object: true,
    read(reader, value, trigger) {
      trigger.powerAutomate = readConfigTrigger(reader, value);
    },
  }],
  configTemplate: { trigger: { authentication: '<anyone | tenant | specificUsers>', allowedCallers: [] } },
  // The audience is the Flow service's per cloud whatever the flow (https://learn.microsoft.com/en-us/power-automate/oauth-authentication).
  settledWithoutConfig: ['audience'],
  ownSettings: 'the trigger\'s "Who can trigger the flow?", its allowed users, the tenant',
  missingFactsHint: '"trigger" or "definition"',
  hasTriggerFacts: trigger => trigger.powerAutomate !== undefined,

  definitionShapes: ['flowExport'],
  ownsTriggerInputs: inputs => property(inputs, 'triggerAuthenticationType', true) !== undefined || property(inputs, 'triggerAllowedUsers', true) !== undefined,
  readDefinition(file, trigger) {
    trigger.powerAutomate = readDefinitionTrigger(file);
  },

  sasDisabled: () => false,
  rejection: 'Refused before the run starts: no run appears in the run history.',
  checkMode(ctx) {
    const pa = ctx.flow.trigger.powerAutomate;
    if (!pa || pa.mode === undefined) add(ctx, { ...modeCheck, status: 'skip', detail: 'Cannot determine the trigger auth mode: add "trigger" or "definition" to the flow.' }, MODE_UNKNOWN);
    else if (pa.modeAssumed) add(ctx, { ...modeCheck, status: 'warn', heuristic: true, actual: 'anyone (assumed)', detail: 'The export has no triggerAuthenticationType; "Anyone" is assumed as older exports imply (UNCONFIRMED as a platform rule).' });
    else add(ctx, { ...modeCheck, status: 'pass', actual: pa.mode });
  },
  checkRequest,
  checkToken,
};

// ---------------------------------------------------------------------------------------------
// apim-flows.json: "trigger": { "authentication", "allowedCallers" }

function readConfigTrigger(ctx: ConfigReader, node: Node): PowerAutomateTrigger {
  const { uri, problems } = ctx;
  const authProp = property(node, 'authentication');
  const auth = readString(ctx, authProp);
  let mode: PowerAutomateAuth | undefined;
  if (auth !== undefined) {
    if ((PA_AUTHENTICATIONS as readonly string[]).includes(auth)) mode = auth as PowerAutomateAuth;
    else problems.push(problemAt(uri, authProp!.value, 'error', 'flows-unknown-authentication', `Unknown authentication ${JSON.stringify(auth)}: use anyone, tenant or specificUsers.`));
  } else if (!authProp) {
    problems.push(problemAt(uri, node, 'error', 'flows-unknown-authentication', '"trigger" needs "authentication": anyone | tenant | specificUsers.'));
  }
  const callersProp = property(node, 'allowedCallers');
  if (callersProp && callersProp.value.type !== 'array' && callersProp.value.type !== 'string') {
    problems.push(problemAt(uri, callersProp.value, 'error', 'flows-invalid-value', '"allowedCallers" must be an array of object IDs or e-mail addresses.'));
  }
  const callers = stringList(callersProp?.value, ';');
  checkCallers(uri, callers.items, callers.nodes, problems);
  if (mode === 'specificUsers' && callers.items.length === 0) {
    problems.push(problemAt(uri, callersProp?.value ?? authProp!.value, 'information', 'pa-empty-allowed-callers',
      'Specific users with an empty list: access falls back to any user in the tenant.'));
  }
  return { mode, allowedCallers: callers.items, range: rangeOf(uri, node) };
}

// ---------------------------------------------------------------------------------------------
// Definition files: the Request trigger's triggerAuthenticationType and triggerAllowedUsers

const PA_MODES: Record<string, PowerAutomateAuth> = { all: 'anyone', tenant: 'tenant', user: 'specificUsers' };

function readDefinitionTrigger(file: DefinitionFile): PowerAutomateTrigger {
  const { uri, request, problems } = file;
  const authType = request?.inputs ? property(request.inputs, 'triggerAuthenticationType', true) : undefined;
  const allowedUsers = request?.inputs ? property(request.inputs, 'triggerAllowedUsers', true) : undefined;
  if (!request) return { mode: undefined, allowedCallers: [] };
  const at = request.inputs ?? request.node;
  const callers = stringList(allowedUsers?.value, ';');
  const result: PowerAutomateTrigger = { mode: undefined, allowedCallers: callers.items, range: rangeOf(uri, at) };
  if (!authType) {
    result.mode = 'anyone';
    result.modeAssumed = true;
    problems.push(problemAt(uri, at, 'information', 'pa-mode-assumed',
      `Trigger '${request.name}' has no triggerAuthenticationType; "Anyone" (All) is assumed as older exports imply (UNCONFIRMED as a platform rule).`));
  } else {
    const raw = stringOf(authType.value);
    const mode = raw !== undefined ? PA_MODES[raw.toLowerCase()] : undefined;
    if (mode) {
      result.mode = mode;
    } else if (raw !== undefined && /^[@[]/.test(raw)) {
      problems.push(problemAt(uri, authType.value, 'information', 'pa-unknown-authentication',
        'triggerAuthenticationType is an expression: the trigger mode is known only at run time.'));
    } else {
      problems.push(problemAt(uri, authType.value, 'warning', 'pa-unknown-authentication',
        `Unknown triggerAuthenticationType ${JSON.stringify(authType.value.value)}: expected "All" (Anyone), "Tenant" (any user in my tenant) or "User" (specific users).`));
    }
  }
  if (result.mode === 'specificUsers' && callers.items.length === 0) {
    problems.push(problemAt(uri, allowedUsers?.value ?? authType!.value, 'information', 'pa-empty-allowed-callers',
      'Specific users with an empty list: access falls back to any user in the tenant.'));
  }
  checkCallers(uri, callers.items, callers.nodes, problems);
  return result;
}

/** Entries of an allowed-callers list should be object IDs (GUIDs) or e-mail addresses. */
function checkCallers(uri: string, items: string[], nodes: Node[], problems: ConfigProblem[]): void {
  items.forEach((item, i) => {
    if (isGuid(item) || isEmail(item)) return;
    problems.push(problemAt(uri, nodes[i], 'warning', 'pa-invalid-caller',
      `'${item}' is neither an object ID (GUID) nor an e-mail address.`));
  });
}

// ---------------------------------------------------------------------------------------------
// Row 4: an OAuth trigger needs a token, an "Anyone" trigger takes none

function checkRequest(ctx: CheckContext): void {
  const { bearer, sas } = ctx;
  const pa = ctx.flow.trigger.powerAutomate;
  const row4 = ref(4);
  if (!pa || pa.mode === undefined) return;
  if (pa.mode === 'anyone') {
    const heuristic = pa.modeAssumed === true;
    const c = { id: 'anyone-with-bearer', title: '"Anyone" trigger takes no token', source: 'token' as const, reference: row4, heuristic };
    if (bearer === true) {
      add(ctx, {
        ...c, status: 'fail', expected: 'no Authorization header', actual: 'Authorization: Bearer …',
        detail: `${ANYONE_WITH_TOKEN_DOC}${heuristic ? ' The mode "Anyone" is only assumed here.' : ''} Either drop the token or switch the trigger to an OAuth mode.`,
        platformError: PLATFORM_ERRORS.policyNotFound,
      }, heuristic ? 'the trigger mode is assumed, so whether the token is refused is not known' : undefined);
    } else if (bearer === false) add(ctx, { ...c, status: 'pass', actual: 'no Authorization header' });
    else add(ctx, { ...c, status: 'skip', detail: 'Whether an Authorization header is sent is not known.' });
    if (bearer === false && sas === false) {
      add(ctx, {
        id: 'sas-required', title: '"Anyone" trigger URL carries its SAS signature', status: 'warn', heuristic: true, source: 'url', reference: row4,
        expected: 'sp, sv and sig in the URL', actual: 'none', detail: 'An "Anyone" trigger URL holds sp, sv and sig; without them the call most likely fails (status and text not documented).',
      });
    }
    return;
  }
  const c = { id: 'authorization-required', title: 'OAuth trigger needs a bearer token', source: 'token' as const, reference: row4 };
  if (bearer === false) {
    add(ctx, {
      ...c, status: 'fail', expected: 'Authorization: Bearer <token>', actual: sas ? 'SAS only' : 'no Authorization header',
      detail: `The trigger allows ${pa.mode === 'tenant' ? 'any user in the tenant' : 'specific users'}: OAuth only.${sas ? ' A SAS URL belongs to an "Anyone" trigger.' : ''}`,
      platformError: PLATFORM_ERRORS.paAuthorizationRequired,
    });
  } else if (bearer === true) add(ctx, { ...c, status: 'pass', actual: 'Authorization: Bearer …' });
  else add(ctx, { ...c, status: 'skip', detail: 'Whether an Authorization header is sent is not known.' });
}

// ---------------------------------------------------------------------------------------------
// Rows 11–13

function checkToken(ctx: CheckContext): void {
  const pa = ctx.flow.trigger.powerAutomate;
  const definitelyAnyone = pa?.mode === 'anyone' && !pa.modeAssumed;
  const skipAnyone = (id: string, title: string, row: number, source: Check['source']) =>
    add(ctx, { id, title, status: 'skip', detail: '"Anyone" trigger: tokens are not validated (and sending one fails, see above).', source, reference: ref(row) });
  if (definitelyAnyone) {
    skipAnyone('tenant', 'Token tenant is the flow\'s tenant', 11, 'client-id');
    skipAnyone('audience', 'Audience is the Flow service', 12, 'resource');
    skipAnyone('caller', 'Caller is allowed', 13, 'client-id');
    return;
  }

  // Row 11: tenant
  const t = { id: 'tenant', title: 'Token tenant is the flow\'s tenant', source: 'client-id' as const, reference: ref(11) };
  const tid = claim(ctx, 'tid');
  if (!ctx.flow.tenantId) add(ctx, { ...t, status: 'skip', detail: 'The flow\'s tenant is not in the config ("tenantId").' }, 'flow tenant unknown');
  else if (tid === undefined) missing(ctx, t, 'tid', PLATFORM_ERRORS.paMismatch);
  else if (sameId(tid, ctx.flow.tenantId)) add(ctx, { ...t, status: 'pass', expected: ctx.flow.tenantId, actual: tid });
  else add(ctx, { ...t, status: 'fail', expected: ctx.flow.tenantId, actual: tid, detail: 'Power Automate takes tokens from the flow\'s own tenant only.', platformError: PLATFORM_ERRORS.paMismatch });

  // Row 12: audience, exact string per cloud
  checkPaAudience(ctx);

  // Row 13: caller
  if (pa?.mode === 'specificUsers') checkPaCaller(ctx, pa.allowedCallers);
  else add(ctx, { id: 'caller', title: 'Caller is allowed', status: 'skip', detail: pa?.mode === 'tenant' ? 'Any user in the tenant: no caller list.' : 'The trigger mode is not known.', source: 'client-id', reference: ref(13) });

  if (isAppOnly(ctx)) {
    add(ctx, {
      id: 'app-only', title: 'App-only token to Power Automate', status: 'warn', heuristic: true, source: 'client-id', reference: ref(13),
      actual: 'app-only (managed identity / service principal)',
      detail: 'UNCONFIRMED: Microsoft allows service principal object IDs in "Specific users", but a 2026 field report saw app-only tokens refused with 403 MisMatchingOAuthClaims on the new environment.api.powerplatform.com URLs. Test the call once.',
    });
  }
  if (claim(ctx, 'ver') === '2.0') {
    add(ctx, {
      id: 'pa-token-version', title: 'Token version accepted by Power Automate', status: 'warn', heuristic: true, source: 'resource', reference: ref(9),
      expected: '1.0', actual: '2.0', detail: 'Tokens for the Flow service seen in practice are v1; whether a v2 token is accepted is UNCONFIRMED.',
    }, 'Power Automate acceptance of v2 tokens is not documented');
  }
}

function checkPaAudience(ctx: CheckContext): void {
  const expected = flowAudience(ctx.flow.cloud);
  const c = { id: 'audience', title: 'Audience is the Flow service', source: 'resource' as const, reference: ref(12), expected };
  const auds = tokenAudiences(ctx);
  if (auds.length === 0) return missing(ctx, c, 'aud', PLATFORM_ERRORS.paMismatch);
  const actual = show(auds);
  if (auds.includes(expected)) return add(ctx, { ...c, status: 'pass', actual });
  const kind = classifyResource(auds[0]);
  if (auds[0].toLowerCase() === expected.toLowerCase()) {
    return add(ctx, {
      ...c, status: 'warn', heuristic: true, actual,
      detail: `Differs from ${expected} only in letter case; whether the comparison ignores case is UNCONFIRMED. Write it exactly.`,
      platformError: PLATFORM_ERRORS.paMismatch,
    }, 'case-insensitive audience comparison is not documented');
  }
  if (kind.kind === 'flowAppId') {
    return add(ctx, {
      ...c, status: 'warn', heuristic: true, actual,
      detail: 'This is the Flow service app ID. The doc names only the URI as audience; whether the GUID is accepted is UNCONFIRMED (assume it is refused).',
      platformError: PLATFORM_ERRORS.paMismatch,
    }, 'acceptance of the Flow app ID as audience is not documented');
  }
  let detail: string;
  switch (kind.kind) {
    case 'flowAudienceNoSlash': detail = `The trailing slash is missing: the trigger compares the exact string ${expected}.`; break;
    case 'flowScopeDefault': detail = `"/.default" makes this a scope, which resolves to the audience without its slash. Use resource="${expected}".`; break;
    case 'flowScopeDoubleSlashDefault': detail = `"//.default" is the scope form; resource takes the audience itself: ${expected}.`; break;
    case 'flowAudienceVariant': detail = `Close to, but not exactly, ${expected}: the trigger compares the exact string.`; break;
    case 'flowAudience': detail = `This is the Flow audience of the ${kind.cloud} cloud; the flow is in the ${ctx.flow.cloud} cloud.`; break;
    case 'logicApisHost': detail = `A regional Logic Apps host is not the Flow audience (no Microsoft source documents logic-apis-* as a token resource). Use ${expected}.`; break;
    case 'logicAppsHost': detail = `A Logic Apps trigger host is not a token audience. Use ${expected}.`; break;
    default: detail = `Power Automate accepts only the Flow service audience; tokens for other audiences are refused.`;
  }
  add(ctx, { ...c, status: 'fail', actual, detail, platformError: PLATFORM_ERRORS.paMismatch });
}

function checkPaCaller(ctx: CheckContext, allowed: string[]): void {
  const c = { id: 'caller', title: 'Caller is allowed', source: 'client-id' as const, reference: ref(13), expected: show(allowed) };
  const emails = allowed.filter(a => isEmail(a));
  const ids = allowed.filter(a => !isEmail(a));
  if (emails.length > 0) {
    add(ctx, {
      id: 'caller-emails', title: 'E-mail entries in the allowed list', status: 'warn', heuristic: true, source: 'flow-config', reference: ref(13), actual: show(emails),
      detail: 'How Power Automate matches e-mail entries is UNCONFIRMED, and they cannot match an app-only token: allow a managed identity by its principal (object) ID.',
    });
  }
  if (allowed.length === 0) return add(ctx, { ...c, status: 'pass', actual: '(empty list)', detail: 'An empty list falls back to any user in the tenant.' });
  const oid = claim(ctx, 'oid');
  const appId = claim(ctx, 'appid') ?? claim(ctx, 'azp');
  const clientIdListed = appId !== undefined && ids.some(a => sameId(a, appId));
  // A service principal's object ID is never its client ID: a list of only the client ID fails even with oid unknown.
  const onlyClientId = clientIdListed && ids.every(a => sameId(a, appId!));
  if (oid === undefined && !onlyClientId) return missing(ctx, c, 'oid', PLATFORM_ERRORS.paMismatch);
  if (oid !== undefined && ids.some(a => sameId(a, oid))) return add(ctx, { ...c, status: 'pass', actual: oid });
  if (clientIdListed) {
    return add(ctx, {
      // expected is the allowed list (c.expected), actual what the token names: its oid, else its client ID
      ...c, status: 'fail', outcome: 'the allowed list holds the client ID; the token\'s oid is the principal ID', actual: oid ?? `appid ${appId} (no oid)`,
      detail: `Replace the client ID ${appId} by the identity's principal (object) ID${oid ? ` ${oid}` : ''} in the trigger's allowed users.`,
      platformError: PLATFORM_ERRORS.paMismatch,
    });
  }
  if (oid === undefined) return missing(ctx, c, 'oid', PLATFORM_ERRORS.paMismatch);
  const upn = claim(ctx, 'upn') ?? claim(ctx, 'email') ?? claim(ctx, 'preferred_username');
  if (upn !== undefined && emails.some(e => e.toLowerCase() === upn.toLowerCase())) {
    return add(ctx, { ...c, status: 'warn', heuristic: true, actual: upn, detail: 'Allowed by e-mail address only: whether Power Automate matches it against the token is UNCONFIRMED.' }, 'e-mail matching of allowed users is not documented');
  }
  add(ctx, {
    ...c, status: 'fail', actual: oid,
    detail: `The token's oid ${oid} is not in the allowed users${emails.length > 0 && isAppOnly(ctx) ? ' (e-mail entries cannot match an app-only token)' : ''}.`,
    platformError: PLATFORM_ERRORS.paMismatch,
  });
}
