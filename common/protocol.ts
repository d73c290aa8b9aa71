/**
 * What the client and the server share: the settings contract, the custom messages and (from
 * commands.ts) the command and view ids. Imported by both sides, so it must stay free of vscode
 * and Node-only APIs.
 */

import { RequestType, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { Verdict } from '../server/src/languageService/auth/types';
import type { ClaimExplanation } from '../server/src/languageService/auth/token';
import { readRuleSeverities, type RuleSeverities } from '../server/src/languageService/services/ruleSeverity';
import type { CallerMatch, InspectedCheck, SourcePosition } from '../server/src/languageService/auth/inspect';
import type { EffectivePolicy } from '../server/src/languageService/services/effectivePolicy';

export type { CallerMatch, InspectedCheck, SourcePosition, EffectivePolicy };

export { Commands, Views, focusViewCommand, type CommandId } from './commands';

export const LANGUAGE_ID = 'apim-policy';
export const CONFIG_SECTION = 'apimPolicy';

/** `contributes.configuration` in package.json, as the server reads it. */
export interface ServerSettings {
  validation: {
    enable: boolean;
    missingBase: 'off' | 'information' | 'warning';
  };
  /** `apimPolicy.rules`: rule code → severity or `off`. */
  rules: RuleSeverities;
  /** What in `apimPolicy.rules` was not understood (unknown codes kept, bad values dropped), one sentence each. */
  rulesProblems: string[];
  diagnostics: {
    /** `workspace`: every policy of the workspace folder is checked, open or not; `openFiles`: open files only. */
    scope: 'workspace' | 'openFiles';
  };
}

export const defaultSettings: ServerSettings = {
  validation: { enable: true, missingBase: 'warning' },
  rules: {},
  rulesProblems: [],
  diagnostics: { scope: 'workspace' },
};

/** Reads untrusted settings into the typed contract, keeping defaults for anything malformed. */
export function readSettings(raw: unknown): ServerSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const v = (r.validation && typeof r.validation === 'object' ? r.validation : {}) as Record<string, unknown>;
  const missingBase = v.missingBase === 'off' || v.missingBase === 'information' || v.missingBase === 'warning' ? v.missingBase : defaultSettings.validation.missingBase;
  const rules = readRuleSeverities(r.rules);
  const d = (r.diagnostics && typeof r.diagnostics === 'object' ? r.diagnostics : {}) as Record<string, unknown>;
  return {
    validation: {
      enable: typeof v.enable === 'boolean' ? v.enable : defaultSettings.validation.enable,
      missingBase,
    },
    rules: rules.rules,
    rulesProblems: [...rules.unknownCodes.map(c => `'${c}' is not a rule code (see the README's rule table)`), ...rules.invalid],
    diagnostics: { scope: d.scope === 'openFiles' || d.scope === 'workspace' ? d.scope : defaultSettings.diagnostics.scope },
  };
}

// ---- Custom requests (the client sends, the server answers) ----


export interface DecodeTokenParams {
  /**
   * The token (a leading `Bearer ` is fine). Never logged or stored by the server. The only field
   * of the protocol that carries a secret: the trace and log channels drop its value (redact.ts).
   */
  token: string;
  /** Name of a flow in an apim-flows.json of the workspace; none = only the token's own checks. */
  flow?: string;
  /** Which apim-flows.json, when several define the flow name. */
  configUri?: string;
  /** ISO time to use as "now" (tests); default: the current time. */
  now?: string;
  clockSkewSeconds?: number;
  /** A JWKS (the text of the file the user configured) to verify the signature with. */
  jwksText?: string;
  /** Fetch Microsoft's signing keys (the client asks only in a trusted workspace with the setting on). */
  fetchKeys?: boolean;
}

export interface DecodedToken {
  ok: true;
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  headerClaims: ClaimExplanation[];
  payloadClaims: ClaimExplanation[];
  version: string;
  versionNote: string;
  appOnly: boolean;
  issuedAt?: number;
  notBefore?: number;
  expiresAt?: number;
  flow?: string;
  /** Where the chosen flow is described (its apim-flows.json entry). */
  flowLocation?: SourcePosition;
  verdict: Verdict;
  checks: InspectedCheck[];
  unknownReasons?: string[];
  /** The identities of apim-flows.json that the token's oid, appid/azp or xms_mirid name. */
  callers?: CallerMatch[];
  /** The flows whose audience and tenant fit the token (to pre-select one when none is chosen). */
  fittingFlows?: string[];
}

export type DecodeTokenResult = DecodedToken | { ok: false; error: string };

/** The fields whose values the trace and log channels drop, whatever they hold. */
export const SECRET_FIELDS = ['token'] as const satisfies ReadonlyArray<keyof DecodeTokenParams>;

export const DecodeTokenRequest = new RequestType<DecodeTokenParams, DecodeTokenResult, void>('apim/decodeToken');

export interface FlowPolicyLink {
  uri: string;
  line: number;
  verdict: Verdict | 'not checked';
  /** The CodeLens title: flow, mode and verdict with the first failing check. */
  title: string;
  /** Where the policy applies, by display names: "Orders API › Get order", "global policy". */
  label: string;
  /** Why the trigger rejects the call (the first failing check and the platform's answer). */
  reason?: string;
}

export interface FlowSummary {
  name: string;
  type: string;
  /** "Power Automate, tenant" and the like. */
  description: string;
  configUri: string;
  /** Where the flow is described (its entry in apim-flows.json or its definition). */
  location?: { uri: string; line: number; character: number };
  url?: string;
  policies: FlowPolicyLink[];
}

export interface ListFlowsParams {
  /**
   * False: names, types and places only, without analysing any policy (a flow picker needs no
   * more, and it is answered at once). True by default: each flow with its linked policies' verdicts.
   */
  verdicts?: boolean;
}

export const ListFlowsRequest = new RequestType<ListFlowsParams, FlowSummary[], void>('apim/listFlows');

export interface AgentToolParams {
  /** One of AGENT_TOOL_NAMES (common/agentTools.ts). */
  name: string;
  /** The tool's input as the model gave it (the server checks it against the tool's schema). */
  input: unknown;
}

/** The tool's answer (a summary and the same facts as JSON), or why the input was refused. */
export type AgentToolAnswer = { ok: true; text: string; json: string } | { ok: false; error: string };

/** A VS Code language-model tool, answered by the server so that it says what the editor says. */
export const AgentToolRequest = new RequestType<AgentToolParams, AgentToolAnswer, void>('apim/agentTool');

export interface EffectivePolicyParams {
  /** The policy file (an operation, API or product policy of an APIOps tree). */
  uri: string;
  /** Which product runs, when the API is in several (default: the first by name). */
  product?: string;
}

/**
 * The policy APIM runs for a request to `uri`: the composed text and its statements (each with its
 * place in that text and in its source file); null when the file has no place in an APIOps tree.
 */
export const EffectivePolicyRequest = new RequestType<EffectivePolicyParams, EffectivePolicy | null, void>('apim/effectivePolicy');

export interface ScaffoldFlowsParams {
  /** The workspace folder (URI) whose flow URLs are described. */
  folderUri: string;
}

/** What "APIM: Create apim-flows.json" would write (the server computes it; the client applies it). */
export interface ScaffoldFlowsResult {
  /** The config the flows go into: an existing one covering the folder, else `<folder>/apim-flows.json`. */
  configUri: string;
  /** True when that config exists: it is never overwritten, only the missing flows are added. */
  exists: boolean;
  /** Names of the flow entries the edit adds. */
  flows: string[];
  /** Names of the identity placeholders the edit adds. */
  identities: string[];
  /** Creates the file or adds the entries; absent when nothing is missing. */
  edit?: WorkspaceEdit;
}

export const ScaffoldFlowsRequest = new RequestType<ScaffoldFlowsParams, ScaffoldFlowsResult, void>('apim/scaffoldFlows');
