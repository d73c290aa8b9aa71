/**
 * Logic Apps Standard: a workflow of a `Microsoft.Web/sites` logic app, its Request trigger behind
 * App Service authentication (Easy Auth: `authsettingsV2`, `WEBSITE_AUTH_AAD_*` settings) and
 * `logicAppsAccessControlConfiguration`. Facts: flow-auth-facts §2.4 and §6.
 */

import type { Node } from 'jsonc-parser';
import { add, claim, missing, MODE_UNKNOWN, modeCheck, ref, show, tokenAudiences, type CheckContext } from '../checkContext';
import { guidList, readGuid, readString, type ConfigReader } from '../configReader';
import { issuerTenant, sameId } from '../audiences';
import { appServiceHostClouds } from '../clouds';
import { isArmExpression, isObject, problemAt, property, rangeOf, stringList, stringOf, valueOf } from '../jsonNodes';
import { PLATFORM_ERRORS } from '../platformErrors';
import type { Check, EasyAuthSettings, TriggerAuth } from '../types';
import { checkCallerIp, isSasDisabled, noteTriggerConditions, readAllowedCallerIps } from './logicAppsAccessControl';
import type { DefinitionFile, FlowPlatform } from './types';

type StandardTrigger = NonNullable<TriggerAuth['logicAppStandard']>;

export const logicAppStandard: FlowPlatform = {
  type: 'logicAppStandard',
  label: 'Logic Apps Standard',
  describeMode(trigger) {
    const ls = trigger.logicAppStandard;
    return ls && (ls.easyAuth ? 'Easy Auth' : 'no Easy Auth');
  },

  hosts: [{ kind: 'appService', match: host => (appServiceHostClouds(host).length > 0 ? {} : undefined) }],
  acceptedHostKinds: ['appService'],

  configSections: [
    {
      name: 'sasAuthenticationPolicy', object: false,
      read(_reader, value, trigger) {
        trigger.logicAppStandard = { ...(trigger.logicAppStandard ?? {}), sasDisabled: isSasDisabled(value) };
      },
    },
    {
      name: 'allowedCallerIpAddresses', object: false,
      read(reader, value, trigger) {
        trigger.ipRestriction = readAllowedCallerIps(value, reader.uri, reader.problems);
      },
    },
    {
      name: 'easyAuth', object: true,
      read(reader, value, trigger) {
        trigger.logicAppStandard = { sasDisabled: trigger.logicAppStandard?.sasDisabled ?? false, easyAuth: readEasyAuth(reader, value) };
      },
    },
  ],
  configTemplate: { definition: '<path of the logic app\'s ARM template or authsettingsV2 JSON (Easy Auth)>' },
  // The audience is whatever Easy Auth is configured with (flow-auth-facts §2.4).
  settledWithoutConfig: [],
  ownSettings: 'Easy Auth\'s audiences, allowed applications and principals, the tenant',
  missingFactsHint: '"easyAuth" or "definition"',
  hasTriggerFacts: trigger => trigger.logicAppStandard?.easyAuth !== undefined,

  definitionShapes: ['armWebSite', 'authSettings', 'statefulWorkflowJson'],
  readDefinition(file, trigger) {
    trigger.logicAppStandard = readSiteAuth(file);
    const ips = valueOf(valueOf(valueOf(file.site, 'logicAppsAccessControlConfiguration', true), 'triggers', true), 'allowedCallerIpAddresses', true);
    if (ips) trigger.ipRestriction = readAllowedCallerIps(ips, file.uri, file.problems);
    noteTriggerConditions(file);
  },

  sasDisabled: trigger => trigger.logicAppStandard?.sasDisabled === true,
  checkMode(ctx) {
    const ls = ctx.flow.trigger.logicAppStandard;
    if (!ls?.easyAuth) add(ctx, { ...modeCheck, status: 'skip', detail: 'Cannot determine the Easy Auth settings: add "easyAuth" or an authsettingsV2 "definition" to the flow.' }, MODE_UNKNOWN);
    else add(ctx, { ...modeCheck, status: 'pass', actual: `Easy Auth; SAS ${ls.sasDisabled ? 'disabled' : 'enabled'}` });
  },
  checkRequest,
  checkToken,
};

// ---------------------------------------------------------------------------------------------
// apim-flows.json: "easyAuth"

function readEasyAuth(ctx: ConfigReader, node: Node): EasyAuthSettings {
  const audiencesProp = property(node, 'allowedAudiences');
  const principalsProp = property(node, 'allowedPrincipals');
  const principals = principalsProp && isObject(principalsProp.value) ? property(principalsProp.value, 'identities') : principalsProp;
  const issuerProp = property(node, 'openIdIssuer');
  const openIdIssuer = readString(ctx, issuerProp);
  if (openIdIssuer === undefined || issuerTenant(openIdIssuer) === undefined) {
    ctx.problems.push(problemAt(ctx.uri, issuerProp?.value ?? node, 'information', 'la-easy-auth-multitenant',
      'No tenant-specific "openIdIssuer": Easy Auth then validates neither the issuer nor the tenant of tokens.'));
  }
  const requireProp = property(node, 'requireClientServicePrincipal');
  if (requireProp && requireProp.value.type !== 'boolean') {
    ctx.problems.push(problemAt(ctx.uri, requireProp.value, 'error', 'flows-invalid-value', '"requireClientServicePrincipal" must be true or false.'));
  }
  return {
    clientId: readGuid(ctx, property(node, 'clientId'), 'clientId'),
    openIdIssuer,
    allowedAudiences: audiencesProp ? stringList(audiencesProp.value).items : [],
    allowedApplications: guidList(ctx, property(node, 'allowedApplications'), 'allowedApplications (caller client IDs)'),
    allowedPrincipals: guidList(ctx, principals, 'allowedPrincipals (caller object IDs)'),
    allowedTenants: guidList(ctx, property(node, 'allowedTenants'), 'allowedTenants'),
    requireClientServicePrincipal: requireProp?.value.type === 'boolean' ? Boolean(requireProp.value.value) : undefined,
    range: rangeOf(ctx.uri, node),
  };
}

// ---------------------------------------------------------------------------------------------
// Definition files: authsettingsV2 and the site's settings

function readSiteAuth(located: DefinitionFile): StandardTrigger {
  const { uri, problems, root } = located;
  const sas = valueOf(valueOf(valueOf(located.site, 'logicAppsAccessControlConfiguration', true), 'triggers', true), 'sasAuthenticationPolicy', true);
  const sasDisabled = isSasDisabled(sas);
  const settings = appSettings(located.site);
  if (!located.authSettings) {
    problems.push(problemAt(uri, root, 'information', 'la-standard-no-easy-auth',
      'Easy Auth (authsettingsV2) is not in this file: describe it with "easyAuth" on the flow in apim-flows.json.'));
    return { sasDisabled };
  }
  const aad = valueOf(valueOf(located.authSettings, 'identityProviders', true), 'azureActiveDirectory', true);
  const registration = valueOf(aad, 'registration', true);
  const validation = valueOf(aad, 'validation', true);
  const policy = valueOf(validation, 'defaultAuthorizationPolicy', true);
  const principals = valueOf(policy, 'allowedPrincipals', true);
  // AllowAnonymous lets a call without a token reach the runtime, which then takes SAS unless it is
  // disabled (flow-auth-facts §2.4; the exact runtime behaviour is UNCONFIRMED)
  const global = valueOf(located.authSettings, 'globalValidation', true);
  const action = stringOf(valueOf(global, 'unauthenticatedClientAction', true));
  if (global && !sasDisabled && (action === undefined || /^allowanonymous$/i.test(action))) {
    problems.push(problemAt(uri, valueOf(global, 'unauthenticatedClientAction', true) ?? global, 'information', 'la-easy-auth-anonymous',
      `Easy Auth's unauthenticatedClientAction is ${action ?? 'not set (AllowAnonymous)'} and SAS is enabled: a call with the trigger's SAS URL and no token still runs the workflow (UNCONFIRMED). Set Return401, or disable SAS in logicAppsAccessControlConfiguration.`));
  }
  const tenants = settings.get('WEBSITE_AUTH_AAD_ALLOWED_TENANTS');
  const requireSp = settings.get('WEBSITE_AUTH_AAD_REQUIRE_CLIENT_SERVICE_PRINCIPAL');
  const easyAuth: EasyAuthSettings = {
    clientId: stringOf(valueOf(registration, 'clientId', true)),
    openIdIssuer: stringOf(valueOf(registration, 'openIdIssuer', true)),
    allowedAudiences: stringList(valueOf(validation, 'allowedAudiences', true)).items,
    allowedApplications: stringList(valueOf(policy, 'allowedApplications', true)).items,
    allowedPrincipals: stringList(valueOf(principals, 'identities', true)).items,
    allowedTenants: tenants ? tenants.split(',').map(s => s.trim()).filter(s => s.length > 0) : [],
    requireClientServicePrincipal: requireSp !== undefined ? /^(true|1)$/i.test(requireSp.trim()) : undefined,
    range: rangeOf(uri, located.authSettings),
  };
  return { easyAuth, sasDisabled };
}

function appSettings(site: Node | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const list = valueOf(valueOf(site, 'siteConfig', true), 'appSettings', true);
  for (const item of list?.children ?? []) {
    const name = stringOf(valueOf(item, 'name', true));
    const value = valueOf(item, 'value', true);
    if (name && value && (value.type === 'string' || value.type === 'boolean')) out.set(name.toUpperCase(), String(value.value));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Row 4

function checkRequest(ctx: CheckContext): void {
  checkCallerIp(ctx);
  const { bearer, sas } = ctx;
  const c = { id: 'authorization-required', title: 'The call is authenticated', source: 'token' as const, reference: ref(4) };
  if (bearer === true) add(ctx, { ...c, status: 'pass', actual: 'Authorization: Bearer …' });
  else if (bearer === undefined) add(ctx, { ...c, status: 'skip', detail: 'Whether an Authorization header is sent is not known.' });
  else if (sas === true) add(ctx, { ...c, status: 'pass', actual: 'SAS' });
  else {
    add(ctx, {
      ...c, status: 'warn', heuristic: true, expected: 'a bearer token (or SAS)', actual: 'neither',
      detail: 'Without a token Easy Auth either refuses the call or, with AllowAnonymous, lets the Logic Apps runtime demand SAS; the exact answer is UNCONFIRMED.',
    }, 'the answer of Logic Apps Standard to an unauthenticated call is not documented');
  }
}

// ---------------------------------------------------------------------------------------------
// Rows 11–13: Easy Auth

function inList(list: string[], value: string): 'yes' | 'no' | 'unknown' {
  if (list.some(x => sameId(x, value))) return 'yes';
  return list.some(isArmExpression) ? 'unknown' : 'no';
}

/** An Easy Auth allow-list: the token's `claim` must be in `list`. */
interface AllowList {
  check: Omit<Check, 'status'>;
  list: string[];
  /** The setting's name, for the check skipped when it is not set. */
  setting: string;
  claim: string;
  value: string | undefined;
  /** The reason the verdict is unknown when the list holds ARM expressions. */
  unknown: string;
  /** The caller's other ID, which people put in this list by mistake, and what to tell them then. */
  mixUp?: { id: string | undefined; outcome: string; detail: string };
}

function checkAllowList(ctx: CheckContext, a: AllowList): void {
  const { check, list, value, mixUp } = a;
  if (list.length === 0) return add(ctx, { ...check, status: 'skip', detail: `${a.setting} is not set.` });
  if (value === undefined) return missing(ctx, check, a.claim, PLATFORM_ERRORS.easyAuthForbidden);
  const r = inList(list, value);
  if (r === 'yes') add(ctx, { ...check, status: 'pass', actual: value });
  else if (r === 'unknown') add(ctx, { ...check, status: 'skip', actual: value, detail: 'The list holds ARM expressions.' }, a.unknown);
  else if (mixUp?.id !== undefined && list.some(x => sameId(x, mixUp.id!))) {
    add(ctx, { ...check, status: 'fail', outcome: mixUp.outcome, actual: value, detail: mixUp.detail, platformError: PLATFORM_ERRORS.easyAuthForbidden });
  } else add(ctx, { ...check, status: 'fail', actual: value, platformError: PLATFORM_ERRORS.easyAuthForbidden });
}

function checkToken(ctx: CheckContext): void {
  const easy = ctx.flow.trigger.logicAppStandard?.easyAuth;
  if (!easy) return;
  const tid = claim(ctx, 'tid');
  const oid = claim(ctx, 'oid');
  const appId = claim(ctx, 'appid') ?? claim(ctx, 'azp');

  // Row 11: tenant through a tenant-specific issuer, then the allowed-tenants setting.
  const t = { id: 'tenant', title: 'Token tenant is Easy Auth\'s issuer tenant', source: 'client-id' as const, reference: ref(11) };
  const issuerTid = easy.openIdIssuer ? issuerTenant(easy.openIdIssuer) : undefined;
  if (!issuerTid) add(ctx, { ...t, status: 'skip', detail: 'The Easy Auth issuer is not tenant-specific: neither issuer nor tenant is validated.' });
  else if (tid === undefined) missing(ctx, t, 'tid', PLATFORM_ERRORS.easyAuthUnauthorized);
  else if (sameId(tid, issuerTid)) add(ctx, { ...t, status: 'pass', expected: issuerTid, actual: tid });
  else add(ctx, { ...t, status: 'fail', expected: issuerTid, actual: tid, detail: `Easy Auth trusts issuer ${easy.openIdIssuer} only.`, platformError: PLATFORM_ERRORS.easyAuthUnauthorized });

  checkAllowList(ctx, {
    check: { id: 'allowed-tenants', title: 'Token tenant is an allowed tenant', source: 'client-id', reference: ref(11), expected: show(easy.allowedTenants) },
    list: easy.allowedTenants, setting: 'WEBSITE_AUTH_AAD_ALLOWED_TENANTS', claim: 'tid', value: tid, unknown: 'allowed tenants cannot be compared',
  });

  // Row 12: audience: the client ID always, plus allowedAudiences.
  const accepted = [...(easy.clientId ? [easy.clientId] : []), ...easy.allowedAudiences];
  const a = { id: 'audience', title: 'Audience is accepted by Easy Auth', source: 'resource' as const, reference: ref(12), expected: show(accepted) };
  const auds = tokenAudiences(ctx);
  if (accepted.length === 0) add(ctx, { ...a, status: 'skip', detail: 'Easy Auth has neither clientId nor allowedAudiences in the config.' }, 'Easy Auth audiences unknown');
  else if (auds.length === 0) missing(ctx, a, 'aud', PLATFORM_ERRORS.easyAuthUnauthorized);
  else if (auds.some(x => accepted.includes(x))) add(ctx, { ...a, status: 'pass', actual: show(auds) });
  else if (accepted.some(isArmExpression)) add(ctx, { ...a, status: 'skip', actual: show(auds), detail: 'The accepted audiences hold ARM expressions.' }, 'Easy Auth audiences cannot be compared');
  else add(ctx, { ...a, status: 'fail', actual: show(auds), detail: 'The aud must be the Easy Auth client ID or one of allowedAudiences (exact string).', platformError: PLATFORM_ERRORS.easyAuthUnauthorized });

  // Row 13: allowedApplications AND allowedPrincipals.
  checkAllowList(ctx, {
    check: { id: 'allowed-applications', title: 'Calling application is allowed', source: 'client-id', reference: ref(13), expected: show(easy.allowedApplications) },
    list: easy.allowedApplications, setting: 'allowedApplications', claim: 'appid/azp', value: appId, unknown: 'allowed applications cannot be compared',
    mixUp: {
      id: oid, outcome: 'allowedApplications holds the principal ID; it checks the client ID (appid/azp)',
      detail: `Put the client ID ${appId} in allowedApplications, not the object ID ${oid}.`,
    },
  });
  checkAllowList(ctx, {
    check: { id: 'allowed-principals', title: 'Calling principal is allowed', source: 'client-id', reference: ref(13), expected: show(easy.allowedPrincipals) },
    list: easy.allowedPrincipals, setting: 'allowedPrincipals', claim: 'oid', value: oid, unknown: 'allowed principals cannot be compared',
    mixUp: {
      id: appId, outcome: 'the allowed list holds the client ID; the token\'s oid is the principal ID',
      detail: `Put the principal (object) ID ${oid} in allowedPrincipals, not the client ID ${appId}.`,
    },
  });

  if (easy.requireClientServicePrincipal || easy.allowedPrincipals.length > 0) {
    const ro = { id: 'require-oid', title: 'Token names a service principal (oid)', source: 'client-id' as const, reference: ref(13) };
    if (oid === undefined) missing(ctx, ro, 'oid', PLATFORM_ERRORS.easyAuthForbidden);
    else add(ctx, { ...ro, status: 'pass', actual: oid });
  }
}
