/**
 * The "Token Inspector" sidebar view: a webview with a strict CSP (default-src 'none', a script
 * nonce from crypto), DOM built with textContent only. The token itself stays in this object's
 * memory: it is not given to the webview, not persisted, and gone after a window reload.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { Views, type DecodeTokenResult } from '../../../common/protocol';
import type { FromWebview, ToWebview, ViewState } from './messages';
import { inspectState, type ViewStateDeps } from './viewState';

export interface TokenViewDeps extends ViewStateDeps {
  readClipboard(): Thenable<string>;
}

export class TokenViewProvider implements vscode.WebviewViewProvider {
  static readonly viewId = Views.tokenInspector;
  private view: vscode.WebviewView | undefined;
  private token: string | undefined;
  private state: ViewState = { flows: [], keysNote: '' };

  constructor(private readonly mediaRoot: vscode.Uri, private readonly deps: TokenViewDeps) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = { enableScripts: true, localResourceRoots: [this.mediaRoot] };
    view.webview.html = this.html(view.webview);
    view.webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m));
    view.onDidDispose(() => { this.view = undefined; });
  }

  /** Shows a token; `flow` undefined keeps the flow chosen before. */
  async inspect(token: string, flow?: string | null): Promise<DecodeTokenResult> {
    this.token = token;
    if (flow !== undefined) this.state.selectedFlow = flow ?? undefined;
    return this.refresh();
  }

  hasToken(): boolean {
    return this.token !== undefined;
  }

  /** The token in memory (for re-simulating with another flow). */
  currentToken(): string | undefined {
    return this.token;
  }

  /** The last result shown (for tests and commands). */
  current(): ViewState {
    return this.state;
  }

  private async refresh(): Promise<DecodeTokenResult> {
    const { state, result } = await inspectState(this.deps, this.token, this.state.selectedFlow);
    this.state = state;
    this.post();
    return result;
  }

  private post(): void {
    const message: ToWebview = { type: 'state', state: this.state };
    void this.view?.webview.postMessage(message);
  }

  private async onMessage(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.post();
        break;
      case 'pickFlow':
        this.state.selectedFlow = m.flow || undefined;
        if (this.token !== undefined) await this.refresh();
        else this.post();
        break;
      case 'decodeClipboard': {
        const text = await this.deps.readClipboard();
        if (!text.trim()) {
          this.state = { ...this.state, decoded: undefined, error: 'The clipboard is empty.' };
          this.post();
          break;
        }
        await this.inspect(text);
        break;
      }
      case 'clear':
        this.token = undefined;
        this.state = { flows: this.state.flows, flowsError: this.state.flowsError, selectedFlow: this.state.selectedFlow, keysNote: this.state.keysNote };
        this.post();
        break;
    }
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'main.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'main.css'));
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${style}" rel="stylesheet">
<title>Token Inspector</title>
</head>
<body>
<div id="toolbar">
  <label for="flow">Flow</label>
  <select id="flow"></select>
  <button id="paste" type="button">Decode from clipboard</button>
  <button id="clear" type="button" class="secondary">Clear</button>
</div>
<div id="root"></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }
}
