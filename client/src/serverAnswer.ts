/**
 * What the views make of a request to the language server that fails (the server stopped,
 * crashed, or threw): the real reason, shown in the view and logged, never an empty answer that
 * reads as "nothing here". No vscode import, so the logic is tested on its own.
 */

/** A one-line reason from whatever a failed request rejects with. */
export function failureReason(e: unknown): string {
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : JSON.stringify(e) ?? String(e);
  return message.split(/\r?\n/)[0].trim() || 'unknown error';
}

export type Answer<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Awaits a request; a failure is logged (through the redacting output channel the caller gives)
 * and returned as its reason.
 */
export async function settle<T>(request: () => Promise<T>, what: string, log: (line: string) => void): Promise<Answer<T>> {
  try {
    return { ok: true, value: await request() };
  } catch (e) {
    const reason = failureReason(e);
    log(`${what} failed: ${reason}`);
    return { ok: false, reason };
  }
}
