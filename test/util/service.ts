import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageServiceOptions } from '../../server/src/languageService/languageService';

export const service = getLanguageService();

export function serviceWith(options: LanguageServiceOptions) {
  return getLanguageService(options);
}

export function doc(text: string, uri = 'file:///ws/apis/orders/policy.xml'): TextDocument {
  return TextDocument.create(uri, 'apim-policy', 1, text);
}

/** Splits `text` at the `|` cursor marker. */
export function withCursor(text: string): { text: string; offset: number } {
  const offset = text.indexOf('|');
  if (offset < 0) throw new Error('no | cursor marker');
  return { text: text.substring(0, offset) + text.substring(offset + 1), offset };
}

export function complete(textWithCursor: string, uri?: string): { items: CompletionItem[]; document: TextDocument } {
  const { text, offset } = withCursor(textWithCursor);
  const document = doc(text, uri);
  return { items: service.doComplete(document, document.positionAt(offset)).items, document };
}

/** Applies a completion item's edit, snippet syntax removed, and returns the new text. */
export function applyCompletion(document: TextDocument, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const newText = stripSnippet(edit.newText);
  return TextDocument.applyEdits(document, [{ range: edit.range, newText }]);
}

/** `${1|a,b|}` → a, `${1:x}` → x, `${1}` / `$0` → '' */
export function stripSnippet(s: string): string {
  return s
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

export function validate(text: string, uri?: string): Diagnostic[] {
  return service.doValidation(doc(text, uri));
}

export function codes(diags: Diagnostic[], severity?: number): string[] {
  return diags.filter(d => severity === undefined || d.severity === severity).map(d => String(d.code));
}
