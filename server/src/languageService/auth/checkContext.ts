/**
 * What the simulation engine and the platform modules share while running a trigger's checks:
 * the call being judged, the checks so far, and the small helpers every check uses.
 */

import type { Check, CheckStatus, FlowConfig, PlatformError, SimulationOptions } from './types';

/** The row of flow-auth-facts §6 a check follows. */
export const ref = (row: number | string) => `flow-auth-facts §6 #${row}`;

export interface CheckContext {
  flow: FlowConfig;
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  predicted: boolean;
  /** true / false / undefined = not known. */
  bearer: boolean | undefined;
  scheme: string;
  url?: string;
  sas: boolean | undefined;
  options: SimulationOptions;
  checks: Check[];
  unknown: string[];
}

export function add(ctx: CheckContext, check: Check, unknownReason?: string): void {
  // A rule on UNCONFIRMED facts can warn, never fail.
  const status: CheckStatus = check.heuristic && check.status === 'fail' ? 'warn' : check.status;
  ctx.checks.push({ ...check, status });
  if (unknownReason && !ctx.unknown.includes(unknownReason)) ctx.unknown.push(unknownReason);
}

export function claim(ctx: CheckContext, name: string): string | undefined {
  const v = claimValue(ctx, name);
  return typeof v === 'string' ? v : undefined;
}

/** A claim of the token by name; claim names come from the config, so never Object.prototype's members. */
export function claimValue(ctx: CheckContext, name: string): unknown {
  return Object.hasOwn(ctx.payload, name) ? ctx.payload[name] : undefined;
}

export function tokenAudiences(ctx: CheckContext): string[] {
  const v = ctx.payload.aud;
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function show(values: string[]): string {
  return values.length === 1 ? values[0] : `[${values.join(', ')}]`;
}

/** App-only: `idtyp=app`, or a client (`appid`/`azp`) with no user claims and no `scp` (§3.3). */
export function isAppOnly(ctx: CheckContext): boolean {
  // A predicted token is a managed identity's: app-only, whether or not it carries idtyp.
  if (ctx.predicted || claim(ctx, 'idtyp') === 'app') return true;
  const user = ['upn', 'unique_name', 'email', 'preferred_username'].some(n => ctx.payload[n] !== undefined);
  return ctx.payload.scp === undefined && !user && (ctx.payload.appid !== undefined || ctx.payload.azp !== undefined);
}

/** A claim the token should have: absent means "unknown" for a prediction, "missing" for a real token. */
export function missing(ctx: CheckContext, check: Omit<Check, 'status'>, what: string, failure?: PlatformError): void {
  if (ctx.predicted) add(ctx, { ...check, status: 'skip', detail: `${what} is not known for the predicted token.` }, `${what} unknown`);
  else add(ctx, { ...check, status: 'fail', actual: '(absent)', detail: `The token has no ${what}.`, platformError: failure });
}


/** Row 0, the same check on every platform: what the trigger accepts. */
export const modeCheck = { id: 'trigger-mode', title: 'Trigger authentication mode', source: 'flow-config', reference: ref(0) } as const;
export const MODE_UNKNOWN = 'trigger authentication mode unknown';
