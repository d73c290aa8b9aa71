/**
 * The "Token Inspector": a compact sidebar view, and the same view as a panel in the editor area
 * ("Open in Editor") with room for the raw JSON and the claim tables. Both are webviews with a
 * strict CSP (default-src 'none', a script nonce from crypto), DOM built with textContent only,
 * sharing one state and one message union. The token itself stays in this object's memory: it is
 * not given to the webviews, not persisted, and gone after a window reload.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { Views, type DecodeTokenResult } from '../../../common/protocol';
import type { FromWebview, ToWebview, ViewState } from './messages';
import { inspectState, type ViewStateDeps } from './viewState';

export interface TokenViewDeps extends ViewStateDeps {
  readClipboard(): Thenable<string>;
  writeClipboard(text: string): Thenable<void>;
}

export const TOKEN_PANEL_TYPE = 'apimPolicy.tokenInspectorPanel';

export class TokenViewProvider implements vscode.WebviewViewProvider {
  static readonly viewId = Views.tokenInspector;
  private view: vscode.WebviewView | undefined;
  private panel: vscode.WebviewPanel | undefined;
  private token: string | undefined;
  /** The user picked a flow (or "no flow"): a flow that fits the token is no longer guessed. */
  private flowChosen = false;
  private decodes = 0;
  private state: ViewState = { flows: [], keysNote: '' };

  constructor(private readonly mediaRoot: vscode.Uri, private readonly deps: TokenViewDeps) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.setUp(view.webview, 'sidebar');
    view.onDidDispose(() => { this.view = undefined; });
  }

  /** Shows the inspector in the editor area (one panel, revealed when it exists). */
  openPanel(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(TOKEN_PANEL_TYPE, 'Token Inspector', vscode.ViewColumn.Active, {
      enableScripts: true, localResourceRoots: [this.mediaRoot],
    });
    this.panel = panel;
    this.setUp(panel.webview, 'panel');
    panel.onDidDispose(() => { this.panel = undefined; });
    return panel;
  }

  hasPanel(): boolean {
    return this.panel !== undefined;
  }

  /** Shows a token; `flow` undefined keeps the flow chosen before. */
  async inspect(token: string, flow?: string | null): Promise<DecodeTokenResult> {
    this.token = token;
    this.decodes++;
    if (flow !== undefined) {
      this.state.selectedFlow = flow ?? undefined;
      this.flowChosen = true;
    }
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

  private setUp(webview: vscode.Webview, mode: 'sidebar' | 'panel'): void {
    webview.options = { enableScripts: true, localResourceRoots: [this.mediaRoot] };
    webview.html = this.html(webview, mode);
    webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m));
  }

  private async refresh(): Promise<DecodeTokenResult> {
    const { state, result } = await inspectState(this.deps, this.token, this.state.selectedFlow, !this.flowChosen);
    this.state = { ...state, decodeCount: this.decodes };
    this.post();
    return result;
  }

  private post(): void {
    const message: ToWebview = { type: 'state', state: this.state };
    void this.view?.webview.postMessage(message);
    void this.panel?.webview.postMessage(message);
  }

  private async onMessage(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.post();
        break;
      case 'pickFlow':
        this.state.selectedFlow = m.flow || undefined;
        this.flowChosen = true;
        // another flow's answer starts at the top too (its failing card is the first thing to read)
        this.decodes++;
        if (this.token !== undefined) await this.refresh();
        else this.post();
        break;
      case 'decodeClipboard': {
        const text = await this.deps.readClipboard();
        if (!text.trim()) {
          this.state = { ...this.state, decoded: undefined, results: undefined, error: 'The clipboard is empty.' };
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
      case 'open': {
        const at = new vscode.Position(m.link.line, m.link.character);
        await vscode.window.showTextDocument(vscode.Uri.parse(m.link.uri), { selection: new vscode.Range(at, at), viewColumn: vscode.ViewColumn.One });
        break;
      }
      case 'openPanel':
        this.openPanel();
        break;
      case 'copy': {
        // the decoded JSON only: the raw token is never copied or logged from here
        const part = this.state.decoded?.[m.what];
        if (part) await this.deps.writeClipboard(JSON.stringify(part, null, 2));
        break;
      }
    }
  }

  private html(webview: vscode.Webview, mode: 'sidebar' | 'panel'): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'main.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'main.css'));
    const openButton = mode === 'sidebar' ? '\n  <button id="open-panel" type="button" class="secondary" title="Open the inspector in the editor area">Open in Editor</button>' : '';
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${style}" rel="stylesheet">
<title>Token Inspector</title>
</head>
<body class="${mode}">
<div id="toolbar">
  <label for="flow">Flow</label>
  <select id="flow"></select>
  <button id="paste" type="button">Decode from clipboard</button>
  <button id="clear" type="button" class="secondary">Clear</button>${openButton}
</div>
<div id="root"></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }
}
