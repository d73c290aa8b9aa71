/**
 * Quick fixes for the cross-check, where the answer is certain: the audience the flow accepts,
 * the identity's principal ID in the flow's allowed callers, the URL without its SAS parameters.
 */
import { findNodeAtLocation, type Node as JsonNode } from 'jsonc-parser';
import { parseJsonTree } from '../utils/json';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ownEntry } from '../auth/flowConfig';
import { stripSas } from '../utils/sas';
import { positionIn } from '../utils/positions';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { CrossCheckData } from './validation/crossCheck';
import { describeFlowEdit } from './flowScaffold';

/** Removes `sp`, `sv` and `sig` from a URL as written (in XML `&amp;` or in JSON `&`). */
export function stripSasRaw(raw: string): string {
  return stripSas(raw, raw.includes('&amp;') ? '&amp;' : '&');
}

function edit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

function fix(title: string, diagnostic: Diagnostic, workspaceEdit: WorkspaceEdit): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: workspaceEdit };
}

/** Adds the principal ID to `flows.<name>.trigger.allowedCallers` of the config, or swaps it for the client ID in a definition. */
function allowCallerEdit(ws: WorkspaceIndex, data: CrossCheckData): { title: string; edit: WorkspaceEdit } | undefined {
  const principal = data.principalId;
  if (!principal) return undefined;
  const entry = ws.flowConfigs().find(e => e.uri === data.configUri);
  const flow = entry && ownEntry(entry.config.flows, data.flow);
  if (!entry || !flow) return undefined;
  const range = flow.trigger.powerAutomate?.range;
  if (!range) return undefined;
  if (range.uri === entry.uri) {
    const { root } = parseJsonTree(entry.text);
    const trigger = root && findNodeAtLocation(root, ['flows', data.flow, 'trigger']);
    if (!trigger || trigger.type !== 'object') return undefined;
    const callers = findNodeAtLocation(trigger, ['allowedCallers']);
    const at = (offset: number) => positionIn(entry.text, offset);
    let textEdit: TextEdit;
    if (callers?.type === 'array') {
      const last: JsonNode | undefined = callers.children?.[callers.children.length - 1];
      textEdit = last
        ? { range: { start: at(last.offset + last.length), end: at(last.offset + last.length) }, newText: `, "${principal}"` }
        : { range: { start: at(callers.offset), end: at(callers.offset + callers.length) }, newText: `["${principal}"]` };
    } else {
      const lastProp = trigger.children?.[trigger.children.length - 1];
      if (!lastProp) return undefined;
      const end = lastProp.offset + lastProp.length;
      textEdit = { range: { start: at(end), end: at(end) }, newText: `, "allowedCallers": ["${principal}"]` };
    }
    return { title: `Allow APIM's identity (principal ID ${principal}) in the callers of '${data.flow}' (apim-flows.json)`, edit: edit(entry.uri, [textEdit]) };
  }
  // A definition export: put the principal ID where the client ID stands.
  const text = entry.dependencies.get(range.uri);
  if (!text || !data.actual) return undefined;
  const slice = text.substring(range.start, range.end);
  const i = slice.toLowerCase().indexOf(data.actual.toLowerCase());
  if (i < 0) return undefined;
  const start = range.start + i;
  return {
    title: `Replace the client ID by the principal ID ${principal} in the allowed users of '${data.flow}' (definition)`,
    edit: edit(range.uri, [{ range: { start: positionIn(text, start), end: positionIn(text, start + data.actual.length) }, newText: principal }]),
  };
}

export function flowQuickFixes(document: TextDocument, diagnostic: Diagnostic, ws: WorkspaceIndex | undefined): CodeAction[] {
  const data = diagnostic.data as CrossCheckData | undefined;
  if (!data || typeof data.checkId !== 'string') return [];
  switch (diagnostic.code) {
    case 'flow-audience': {
      const expected = data.expected;
      if (!expected || !/^https?:\/\/\S+$/.test(expected)) return [];
      return [fix(`Request a token for ${expected}`, diagnostic, edit(document.uri, [{ range: diagnostic.range, newText: expected }]))];
    }
    case 'flow-caller': {
      const change = ws && allowCallerEdit(ws, data);
      return change ? [fix(change.title, diagnostic, change.edit)] : [];
    }
    case 'flow-sas-and-bearer': {
      const url = data.url;
      if (!url) return [];
      const stripped = stripSasRaw(url.raw);
      if (stripped === url.raw) return [];
      return [fix('Remove the SAS parameters (sp, sv, sig) from the URL', diagnostic, edit(url.uri, [{ range: url.range, newText: stripped }]))];
    }
    case 'flow-describe': {
      if (!ws || !data.description || typeof data.configUri !== 'string') return [];
      const exists = ws.flowConfigs().some(e => e.uri === data.configUri);
      const action = fix(`Describe this flow in apim-flows.json (${exists ? 'add' : 'create'} '${data.description.name}')`, diagnostic, describeFlowEdit(ws, data.configUri, data.description));
      return [{ ...action, isPreferred: false }];
    }
    default:
      return [];
  }
}
