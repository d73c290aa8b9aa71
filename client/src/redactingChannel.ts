/**
 * An output channel that never shows a token: anything shaped like a JWT is replaced before it is
 * written. The language client writes its log and, when `apimPolicy.trace.server` is on, every
 * LSP message here — including the Token Inspector's requests, which carry the token.
 */
import * as vscode from 'vscode';
import { redactTokens } from '../../server/src/languageService/auth/token';

export function createRedactingChannel(name: string): vscode.OutputChannel {
  const inner = vscode.window.createOutputChannel(name);
  return {
    name: inner.name,
    append: (value: string) => inner.append(redactTokens(value)),
    appendLine: (value: string) => inner.appendLine(redactTokens(value)),
    replace: (value: string) => inner.replace(redactTokens(value)),
    clear: () => inner.clear(),
    show: (a?: unknown, b?: boolean) => (typeof a === 'boolean' ? inner.show(a) : inner.show(a as vscode.ViewColumn | undefined, b)),
    hide: () => inner.hide(),
    dispose: () => inner.dispose(),
  };
}
