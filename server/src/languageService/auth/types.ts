/**
 * Types of the flow-auth engine: the flow configuration (`apim-flows.json`), what a trigger
 * accepts, the token APIM would get (or a real decoded token), and the ordered checks a
 * Power Automate / Logic Apps trigger runs on it. Pure data; no I/O.
 */

export type Cloud = 'public' | 'gcc' | 'gcchigh' | 'dod' | 'china';
export type FlowType = 'powerAutomate' | 'logicAppConsumption' | 'logicAppStandard';
/** Power Automate "Who can trigger the flow?": Anyone, Any user in my tenant, Specific users. */
export type PowerAutomateAuth = 'anyone' | 'tenant' | 'specificUsers';

/** An offset range in a source file (the flow config or a definition file), for diagnostics. */
export interface SourceRange {
  /** URI of the file the value came from. */
  uri: string;
  start: number;
  end: number;
}

export interface IdentityConfig {
  name: string;
  type: 'system' | 'user';
  principalId?: string;
  clientId?: string;
  /** Tenant of the identity; defaults to the config's tenantId. */
  tenantId?: string;
  range?: SourceRange;
}

export interface ResourceConfig {
  /** The `resource` string as APIM requests it. */
  resource: string;
  /** Access token version the resource's app registration issues (1 when unknown). */
  tokenVersion: 1 | 2;
  /** The app registration's client ID: the `aud` of v2 tokens. */
  clientId?: string;
  /** Optional claims the app registration asks for in access tokens (`idtyp`, `xms_mirid`…): only these are predicted. */
  optionalClaims?: string[];
  range?: SourceRange;
}

export interface OpenAuthClaim {
  name: string;
  value: string;
  /**
   * The value is an ARM template expression (`[parameters('x')]`, `[concat(…)]`): kept as written,
   * not comparable with a token claim.
   */
  expression?: boolean;
  range?: SourceRange;
}

export interface OpenAuthPolicy {
  name: string;
  /** `AAD` (Bearer) or `AADPOP` (proof of possession, Consumption only). */
  type: string;
  claims: OpenAuthClaim[];
  range?: SourceRange;
}

export interface EasyAuthSettings {
  clientId?: string;
  /** Tenant-specific issuer URL; when absent or multi-tenant, issuer and tenant are not checked. */
  openIdIssuer?: string;
  allowedAudiences: string[];
  allowedApplications: string[];
  allowedPrincipals: string[];
  allowedTenants: string[];
  requireClientServicePrincipal?: boolean;
  range?: SourceRange;
}

/** What the trigger of one flow accepts, however it was learned. */
export interface TriggerAuth {
  /** Name of the Request trigger the facts were read from (definition files). */
  triggerName?: string;
  /** Power Automate: the mode; undefined when it could not be determined. */
  powerAutomate?: {
    mode: PowerAutomateAuth | undefined;
    /** `triggerAllowedUsers`, split on `;` and trimmed (object IDs or e-mail addresses). */
    allowedCallers: string[];
    /** True when the mode was missing from an export and "anyone" was assumed (heuristic). */
    modeAssumed?: boolean;
    range?: SourceRange;
  };
  /** Logic Apps Consumption: `accessControl.triggers`. */
  logicAppConsumption?: {
    policies: OpenAuthPolicy[];
    /** `sasAuthenticationPolicy.state === 'Disabled'`. */
    sasDisabled: boolean;
    range?: SourceRange;
  };
  logicAppStandard?: {
    easyAuth?: EasyAuthSettings;
    sasDisabled: boolean;
  };
  /**
   * Logic Apps `accessControl.triggers.allowedCallerIpAddresses` (both plans): the address ranges
   * that may call the trigger; an empty list means only other Logic Apps.
   */
  ipRestriction?: { ranges: string[]; range?: SourceRange };
}

export interface FlowConfig {
  name: string;
  type: FlowType;
  url?: string;
  /** Tenant of the flow; defaults to the config's tenantId. */
  tenantId?: string;
  cloud: Cloud;
  trigger: TriggerAuth;
  /** Globs (workspace-relative) of policies linked to this flow explicitly. */
  policies: string[];
  /** Where the trigger facts came from: inline config, or a definition file. */
  definitionUri?: string;
  /** APIM's outbound (public) IP addresses, from the config: checked against a Logic App's allowed caller ranges. */
  apimOutboundIpAddresses?: string[];
  range?: SourceRange;
}

export interface FlowsConfig {
  uri: string;
  tenantId?: string;
  cloud: Cloud;
  /** APIM's outbound IP addresses (`apimOutboundIpAddresses`), when the config gives them. */
  apimOutboundIpAddresses?: string[];
  identities: Record<string, IdentityConfig>;
  resources: Record<string, ResourceConfig>;
  flows: Record<string, FlowConfig>;
}

/** A diagnostic in a config or definition file (offsets in that file). */
export interface ConfigProblem {
  uri: string;
  start: number;
  end: number;
  severity: 'error' | 'warning' | 'information';
  code: string;
  message: string;
}

/** Token claims as the engine sees them: a predicted token, or the payload of a real one. */
export interface TokenClaims {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

/** The error a trigger answers with (status may be uncertain, see `confirmed`). */
export interface PlatformError {
  /** HTTP status, or a range such as "401/403" where reports disagree. */
  status: string;
  code: string;
  message: string;
  /** False where the reference marks the status or text UNCONFIRMED. */
  confirmed: boolean;
}

export interface Check {
  /** Stable id (`audience`, `tenant`, `caller`, `issuer-version`, `sas-and-bearer`, …). */
  id: string;
  /** What the trigger expects ("Caller is allowed"), whatever the outcome. */
  title: string;
  /** What is wrong, when a known mistake explains the failure better than the title. */
  outcome?: string;
  status: CheckStatus;
  expected?: string;
  actual?: string;
  /** Why, in plain words; says "UNCONFIRMED" where the reference does. */
  detail?: string;
  platformError?: PlatformError;
  /** Where the failing value comes from, so a diagnostic can point at it. */
  source?: 'resource' | 'client-id' | 'url' | 'token' | 'flow-config' | 'policy';
  /** Reference section the rule follows, e.g. "flow-auth-facts §6 #12". */
  reference: string;
  /** True where the rule rests on UNCONFIRMED facts: never an error, at most information. */
  heuristic?: boolean;
}

export type Verdict = 'accepted' | 'rejected' | 'unknown';

export interface SimulationResult {
  verdict: Verdict;
  checks: Check[];
  /** Why the verdict is 'unknown': the facts that are missing. */
  unknownReasons?: string[];
}

/** What the request that carries the token looks like (from the policy, or unknown). */
export interface RequestContext {
  /** The URL the request goes to, when known (SAS parameters are read from it). */
  url?: string;
  /** True when an `Authorization: Bearer` header is sent; undefined when unknown. */
  sendsBearer?: boolean;
  /** Scheme of the `Authorization` header when known (`Bearer`, `PoP`); default `Bearer` when one is sent. */
  authorizationScheme?: string;
}

export interface SimulationOptions {
  /** "Now" for time checks; default: the current time. */
  now?: Date;
  /** Allowed clock skew in seconds (default 300, an assumption the result says). */
  clockSkewSeconds?: number;
  /** The token is predicted from the config, not a real one: skip signature and time checks. */
  predicted?: boolean;
  /** Result of a signature check done elsewhere (jose); undefined = not checked. */
  signature?: { status: CheckStatus; detail: string };
  /** App roles the caller is expected to hold (`roles` claim); none = the roles check is skipped. */
  expectedRoles?: string[];
}
