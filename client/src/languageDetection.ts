import * as path from 'path';
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../common/protocol';

const ROOT = /^\uFEFF?\s*(?:<\?[\s\S]*?\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(policies|fragment)[\s/>]/;

/**
 * A `policy.xml` that the filename patterns did not catch (the global policy at the root of an
 * APIOps tree) becomes an APIM policy when its root element is `<policies>` or `<fragment>`.
 * Other XML files keep their language.
 */
export async function adoptRootPolicy(doc: vscode.TextDocument): Promise<void> {
  if (doc.languageId !== 'xml' || path.basename(doc.uri.path).toLowerCase() !== 'policy.xml') return;
  if (!ROOT.test(doc.getText(new vscode.Range(0, 0, 200, 0)))) return;
  await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
}
