/** The "Flows" view: the flows of apim-flows.json, the policies linked to each and their verdicts. */
import * as vscode from 'vscode';
import { Views, type FlowPolicyLink, type FlowSummary } from '../../../common/protocol';

type Node = { kind: 'flow'; flow: FlowSummary } | { kind: 'policy'; link: FlowPolicyLink } | { kind: 'empty'; text: string };

const VERDICT_ICON: Record<string, string> = { accepted: 'pass', rejected: 'error', unknown: 'question', 'not checked': 'circle-outline' };

export class FlowsTreeProvider implements vscode.TreeDataProvider<Node> {
  static readonly viewId = Views.flows;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly list: () => Promise<FlowSummary[]>) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const flows = await this.list().catch(() => []);
      return flows.length ? flows.map(flow => ({ kind: 'flow', flow })) : [{ kind: 'empty', text: 'No apim-flows.json in this workspace' }];
    }
    if (node.kind === 'flow') {
      return node.flow.policies.length
        ? node.flow.policies.map(link => ({ kind: 'policy', link }))
        : [{ kind: 'empty', text: 'no policy is linked to this flow' }];
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'empty') return new vscode.TreeItem(node.text);
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
    const item = new vscode.TreeItem(`${vscode.workspace.asRelativePath(uri)}:${l.line + 1}`);
    item.description = l.verdict;
    item.tooltip = l.title;
    item.iconPath = new vscode.ThemeIcon(VERDICT_ICON[l.verdict] ?? 'circle-outline');
    const at = new vscode.Position(l.line, 0);
    item.command = { title: 'Open', command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(at, at) }] };
    return item;
  }
}
