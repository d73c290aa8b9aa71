/**
 * The effective policy as a read-only virtual document: the server composes it (global → product →
 * API → operation through `<base />`), this provider shows it in the `apim-policy` language, and
 * go to definition on a statement jumps to the file and place it comes from.
 *
 * The document's URI names the policy and the product: `apim-effective:/<path> (effective).xml
 * ?source=<policy URI>&product=<name>`. Its statements keep the source's text character for
 * character, so a position inside one maps to the same place in its file.
 */
import * as vscode from 'vscode';
import { Commands, LANGUAGE_ID, type EffectivePolicy } from '../../../common/protocol';
import { failureReason } from '../serverAnswer';

export const EFFECTIVE_SCHEME = 'apim-effective';

export interface EffectivePolicyDeps {
  compose(uri: string, product: string | undefined): Promise<EffectivePolicy | null>;
  log(line: string): void;
}

interface Target {
  source: string;
  product?: string;
}

export function effectiveUri(source: string, product: string | undefined): vscode.Uri {
  const parsed = vscode.Uri.parse(source);
  const name = parsed.path.split('/').filter(Boolean).slice(-4).join('/') || 'policy.xml';
  const query = new URLSearchParams({ source, ...(product !== undefined ? { product } : {}) }).toString();
  return vscode.Uri.from({ scheme: EFFECTIVE_SCHEME, path: `/${name.replace(/\.xml$/i, '')} (effective${product ? `, ${product}` : ''}).xml`, query });
}

function targetOf(uri: vscode.Uri): Target | undefined {
  const q = new URLSearchParams(uri.query);
  const source = q.get('source');
  return source ? { source, product: q.get('product') ?? undefined } : undefined;
}

/** Where a position inside a composed statement lies in its source file. */
export function sourcePosition(element: EffectivePolicy['elements'][number], line: number, character: number): { line: number; character: number } {
  const c = element.composedRange.start;
  const s = element.range.start;
  return line === c.line ? { line: s.line, character: s.character + (character - c.character) } : { line: s.line + (line - c.line), character };
}

function contains(range: EffectivePolicy['elements'][number]['composedRange'], line: number, character: number): boolean {
  const after = line > range.start.line || (line === range.start.line && character >= range.start.character);
  const before = line < range.end.line || (line === range.end.line && character <= range.end.character);
  return after && before;
}

export class EffectivePolicyView implements vscode.TextDocumentContentProvider, vscode.DefinitionProvider {
  /**
   * The compositions behind the documents shown, latest last. Not dropped on close: setting the
   * language closes and reopens the document without asking for its content again.
   */
  private readonly composed = new Map<string, EffectivePolicy>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: EffectivePolicyDeps) {}

  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_SCHEME, this),
      vscode.languages.registerDefinitionProvider({ scheme: EFFECTIVE_SCHEME }, this),
      vscode.commands.registerCommand(Commands.showEffectivePolicy, (uri?: unknown) => this.show(typeof uri === 'string' ? uri : uri instanceof vscode.Uri ? uri.toString() : undefined)),
      // a saved policy may change what runs: compose the open views again
      vscode.workspace.onDidSaveTextDocument(doc => {
        if (doc.languageId !== LANGUAGE_ID) return;
        for (const open of vscode.workspace.textDocuments) if (open.uri.scheme === EFFECTIVE_SCHEME) this.changed.fire(open.uri);
      }),
    );
  }

  /** The composition behind an open effective-policy document (tests, and the definition provider). */
  compositionOf(uri: vscode.Uri): EffectivePolicy | undefined {
    return this.composed.get(uri.toString());
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const target = targetOf(uri);
    if (!target) return '<!-- Not an effective-policy address. -->\n';
    try {
      const e = await this.deps.compose(target.source, target.product);
      if (!e) return `<!-- ${target.source} is not an operation, API or product policy of an APIOps tree. -->\n`;
      this.remember(uri, e);
      return e.text;
    } catch (err) {
      const reason = failureReason(err);
      this.deps.log(`Composing the effective policy failed: ${reason}`);
      return `<!-- The effective policy could not be composed: ${reason.replace(/--/g, '- -')} -->\n`;
    }
  }

  private remember(uri: vscode.Uri, e: EffectivePolicy): void {
    const k = uri.toString();
    this.composed.delete(k);
    this.composed.set(k, e);
    // a few dozen views at most: the oldest go first
    for (const old of this.composed.keys()) {
      if (this.composed.size <= 32) break;
      this.composed.delete(old);
    }
  }

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    let e = this.composed.get(document.uri.toString());
    const target = targetOf(document.uri);
    if (!e && target) {
      // composed again only when forgotten; its text is what the document shows only if nothing changed since
      const again = await this.deps.compose(target.source, target.product).catch(() => null);
      if (again && again.text === document.getText()) this.remember(document.uri, (e = again));
    }
    const element = e?.elements.find(el => contains(el.composedRange, position.line, position.character));
    if (!element) return undefined;
    const at = sourcePosition(element, position.line, position.character);
    return new vscode.Location(vscode.Uri.parse(element.uri), new vscode.Position(at.line, at.character));
  }

  /** Opens the effective policy of `source` (default: the active policy editor), asking for the product when the API is in several. */
  async show(source?: string): Promise<vscode.TextEditor | undefined> {
    const active = vscode.window.activeTextEditor?.document;
    const uri = source ?? (active && active.languageId === LANGUAGE_ID && active.uri.scheme !== EFFECTIVE_SCHEME ? active.uri.toString() : undefined);
    if (!uri) {
      void vscode.window.showInformationMessage('Open an operation, API or product policy.xml to see its effective policy.');
      return undefined;
    }
    let first: EffectivePolicy | null;
    try {
      first = await this.deps.compose(uri, undefined);
    } catch (err) {
      void vscode.window.showErrorMessage(`The effective policy could not be composed: ${failureReason(err)}`);
      return undefined;
    }
    if (!first) {
      void vscode.window.showInformationMessage('This file is not an operation, API or product policy of an APIOps tree: it has no effective policy to compose.');
      return undefined;
    }
    let product = first.product;
    if (first.products.length > 1) {
      const picked = await vscode.window.showQuickPick(first.products.map(p => ({ label: p, description: p === first!.product ? 'first by name' : undefined })), {
        title: 'The API is in several products: which one does the request go through?',
        placeHolder: 'Product',
      });
      if (!picked) return undefined;
      product = picked.label;
    }
    const virtual = effectiveUri(uri, product);
    if (product === first.product) this.remember(virtual, first);
    const wasOpen = vscode.workspace.textDocuments.some(d => d.uri.toString() === virtual.toString());
    const doc = await vscode.workspace.openTextDocument(virtual);
    // already open: compose again (the sources may have changed since)
    if (wasOpen) this.changed.fire(virtual);
    const typed = doc.languageId === LANGUAGE_ID ? doc : await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    return vscode.window.showTextDocument(typed, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }
}
