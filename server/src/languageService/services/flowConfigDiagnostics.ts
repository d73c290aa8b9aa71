/**
 * The problems of every apim-flows.json and of the definition files they read, as LSP diagnostics
 * by file URI (the server publishes them, the CLI prints them).
 */
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { ConfigProblem } from '../auth/types';
import { positionIn } from '../utils/positions';
import { flowFileText, type WorkspaceIndex } from '../workspace/workspaceIndex';
import { CALLER_ID_CODE, callerIdProblems } from './callerIdMixups';

const SEVERITY: Record<ConfigProblem['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

/** Every config's URI is a key (with no diagnostics when it has no problem). */
export function flowConfigDiagnostics(index: WorkspaceIndex, source: string): Map<string, Diagnostic[]> {
  const byUri = new Map<string, Diagnostic[]>();
  for (const entry of index.flowConfigs()) {
    if (!byUri.has(entry.uri)) byUri.set(entry.uri, []);
    const problems: (ConfigProblem & { data?: unknown })[] = [...entry.problems, ...callerIdProblems(entry)];
    for (const p of problems) {
      const text = flowFileText(entry, p.uri) ?? '';
      const list = byUri.get(p.uri) ?? [];
      const d: Diagnostic = { range: { start: positionIn(text, p.start), end: positionIn(text, p.end) }, severity: SEVERITY[p.severity], code: p.code, source, message: p.message };
      if (p.data !== undefined) d.data = p.data;
      list.push(d);
      byUri.set(p.uri, list);
    }
  }
  return byUri;
}

/**
 * Quick fixes in apim-flows.json and definition files: the ID that belongs where a known
 * identity's other ID is written (callerIdMixups.ts).
 */
export function flowFileCodeActions(uri: string, diagnostics: Diagnostic[], source: string): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const replacement = (d.data as { replacement?: unknown } | undefined)?.replacement;
    if (d.source !== source || d.code !== CALLER_ID_CODE || typeof replacement !== 'string') continue;
    out.push({
      title: `Replace with ${replacement}`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true,
      edit: { changes: { [uri]: [{ range: d.range, newText: replacement }] } },
    });
  }
  return out;
}
