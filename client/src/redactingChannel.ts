/**
 * An output channel that never shows a token. The language client writes its log and, when
 * `apimPolicy.trace.server` is on, every LSP message here, including the Token Inspector's
 * requests: the value of their token field is dropped whatever it holds, and anything shaped like a
 * JWT is redacted too (see common/redact.ts).
 */
import * as vscode from 'vscode';
import { redactSecrets } from '../../common/redact';

export function createRedactingChannel(name: string): vscode.OutputChannel {
  const inner = vscode.window.createOutputChannel(name);
  return {
    name: inner.name,
    append: (value: string) => inner.append(redactSecrets(value)),
    appendLine: (value: string) => inner.appendLine(redactSecrets(value)),
    replace: (value: string) => inner.replace(redactSecrets(value)),
    clear: () => inner.clear(),
    show: (a?: unknown, b?: boolean) => (typeof a === 'boolean' ? inner.show(a) : inner.show(a as vscode.ViewColumn | undefined, b)),
    hide: () => inner.hide(),
    dispose: () => inner.dispose(),
  };
}
