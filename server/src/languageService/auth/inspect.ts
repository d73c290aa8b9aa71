/**
 * The token inspector's engine: a real token decoded, explained, and run through a flow's trigger
 * checks (or, with no flow, through the checks that only depend on the token). Pure: the host gives
 * the signature result (see verify.ts) and "now".
 */
import { simulateTrigger } from './simulate';
import { decodeToken, explainToken, type TokenExplanation } from './token';
import type { Check, FlowConfig, SimulationResult, TokenClaims, Verdict } from './types';
import type { SignatureResult } from './verify';

/** Checks that depend on the token alone, not on a flow. */
const TOKEN_ONLY_CHECKS = new Set(['token-format', 'header-alg', 'header-typ', 'header-kid', 'header-crit', 'signature', 'token-issuer', 'time-nbf', 'time-exp', 'lifetime']);

/** A flow with nothing known about its trigger: only the token's own checks decide anything. */
const NO_FLOW: FlowConfig = { name: '(no flow)', type: 'powerAutomate', cloud: 'public', trigger: {}, policies: [] };

export interface InspectOptions {
  flow?: FlowConfig;
  now?: Date;
  clockSkewSeconds?: number;
  signature?: SignatureResult;
}

export interface InspectResult {
  claims: TokenClaims;
  explanation: TokenExplanation;
  flow?: string;
  verdict: Verdict;
  checks: Check[];
  unknownReasons?: string[];
}

/** Runs the checks on an already decoded token. */
export function inspectClaims(claims: TokenClaims, options: InspectOptions): InspectResult {
  const simulation: SimulationResult = simulateTrigger(options.flow ?? NO_FLOW, claims, { url: options.flow?.url, sendsBearer: true }, {
    now: options.now, clockSkewSeconds: options.clockSkewSeconds, signature: options.signature,
  });
  if (options.flow) {
    return { claims, explanation: explainToken(claims), flow: options.flow.name, verdict: simulation.verdict, checks: simulation.checks, unknownReasons: simulation.unknownReasons };
  }
  const checks = simulation.checks.filter(c => TOKEN_ONLY_CHECKS.has(c.id));
  const rejected = checks.some(c => c.status === 'fail' && !c.heuristic);
  return {
    claims, explanation: explainToken(claims), verdict: rejected ? 'rejected' : 'unknown', checks,
    unknownReasons: rejected ? undefined : ['no flow chosen: only the token\'s own checks ran'],
  };
}

/** Decodes and inspects; throws TokenInputError on input that is not a JWT. */
export function inspectToken(token: string, options: InspectOptions): InspectResult {
  return inspectClaims(decodeToken(token), options);
}
