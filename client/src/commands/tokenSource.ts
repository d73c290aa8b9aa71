/** Which token a command works on, apart from vscode (no vscode import, unit-tested). */
import { looksLikeJwt } from '../../../server/src/languageService/auth/token';

/**
 * The token "Simulate Flow Trigger" runs: the one it was given, else a token selected in the
 * editor (as "Decode Bearer Token" takes it), else the last one decoded; undefined = ask.
 */
export function simulationToken(given: string | undefined, selection: string, last: string | undefined): string | undefined {
  if (given?.trim()) return given;
  if (looksLikeJwt(selection)) return selection;
  return last;
}

/**
 * The flow a "Simulate Flow Trigger" call names: a name, or a node of the Flows view (its context
 * action passes the node).
 */
export function flowNameOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg || undefined;
  const flow = arg && typeof arg === 'object' && (arg as { kind?: unknown }).kind === 'flow' ? (arg as { flow?: { name?: unknown } }).flow : undefined;
  return typeof flow?.name === 'string' ? flow.name : undefined;
}
