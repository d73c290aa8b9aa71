/** The "Flows" view: the flows of apim-flows.json, the policies linked to each and their verdicts. */
import * as vscode from 'vscode';
import { Commands, Views, type FlowSummary } from '../../../common/protocol';
import { childNodes, rootNodes, type FlowNode as Node } from './flowNodes';

const VERDICT_ICON: Record<string, string> = { accepted: 'pass', rejected: 'error', unknown: 'question', 'not checked': 'circle-outline' };

export class FlowsTreeProvider implements vscode.TreeDataProvider<Node> {
  static readonly viewId = Views.flows;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  /** `log` writes to the extension's (redacting) output channel. */
  constructor(private readonly list: () => Promise<FlowSummary[]>, private readonly log: (line: string) => void) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    return node ? childNodes(node) : rootNodes(this.list, this.log);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'empty') {
      const item = new vscode.TreeItem(node.text);
      // the way out of "no config": one click scaffolds it from the workspace's flow URLs
      if (node.offerConfig) {
        item.description = 'Create apim-flows.json…';
        item.command = { command: Commands.createFlowsConfig, title: 'Create apim-flows.json' };
      }
      return item;
    }
    if (node.kind === 'error') {
      const item = new vscode.TreeItem(node.text);
      item.description = node.reason;
      item.tooltip = `${node.reason}\n\nRefresh the view, or restart the language server (APIM: Restart Language Server).`;
      item.iconPath = new vscode.ThemeIcon('error');
      return item;
    }
    if (node.kind === 'flow') {
      const f = node.flow;
      const item = new vscode.TreeItem(f.name, vscode.TreeItemCollapsibleState.Expanded);
      item.description = f.description;
      item.tooltip = f.url ?? f.description;
      item.iconPath = new vscode.ThemeIcon('zap');
      item.contextValue = 'flow';
      if (f.location) {
        const at = new vscode.Position(f.location.line, f.location.character);
        item.command = { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.parse(f.location.uri), { selection: new vscode.Range(at, at) }] };
      }
      return item;
    }
    const l = node.link;
    const uri = vscode.Uri.parse(l.uri);
    const where = `${vscode.workspace.asRelativePath(uri)}:${l.line + 1}`;
    const item = new vscode.TreeItem(l.label);
    item.description = l.reason ? `${l.verdict}: ${l.reason}` : l.verdict;
    item.tooltip = `${l.title}\n\n${where}`;
    item.iconPath = new vscode.ThemeIcon(VERDICT_ICON[l.verdict] ?? 'circle-outline');
    const at = new vscode.Position(l.line, 0);
    item.command = { title: 'Open', command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(at, at) }] };
    return item;
  }
}
