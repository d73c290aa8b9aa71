/**
 * The problems of every apim-flows.json and of the definition files they read, as LSP diagnostics
 * by file URI (the server publishes them, the CLI prints them).
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ConfigProblem } from '../auth/types';
import { positionIn } from '../utils/positions';
import { flowFileText, type WorkspaceIndex } from '../workspace/workspaceIndex';

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
    for (const p of entry.problems) {
      const text = flowFileText(entry, p.uri) ?? '';
      const list = byUri.get(p.uri) ?? [];
      list.push({ range: { start: positionIn(text, p.start), end: positionIn(text, p.end) }, severity: SEVERITY[p.severity], code: p.code, source, message: p.message });
      byUri.set(p.uri, list);
    }
  }
  return byUri;
}
