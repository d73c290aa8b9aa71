/**
 * Every command and view id of the extension, declared once. package.json lists the same ids
 * (`contributes.commands`, `contributes.views`); a unit test keeps the two equal. No imports: the
 * pure language service uses these too (the CodeLens names a client command).
 */

export const Commands = {
  decodeToken: 'apimPolicy.decodeToken',
  simulateFlowTrigger: 'apimPolicy.simulateFlowTrigger',
  refreshFlows: 'apimPolicy.refreshFlows',
  /** The Token Inspector as a panel in the editor area, with room for the raw JSON and the claims. */
  openTokenInspectorInEditor: 'apimPolicy.openTokenInspectorInEditor',
  /** The composed policy APIM runs for the policy in the editor (or the URI given: the CodeLens's). */
  showEffectivePolicy: 'apimPolicy.showEffectivePolicy',
  /** Scaffolds apim-flows.json from every flow URL of the workspace, or adds the flows it lacks. */
  createFlowsConfig: 'apimPolicy.createFlowsConfig',
  /** The snippets that fit at the cursor, in a pick list (VS Code's Insert Snippet does not list them: the server serves them). */
  insertSnippet: 'apimPolicy.insertSnippet',
  restartServer: 'apimPolicy.restartServer',
  showOutput: 'apimPolicy.showOutput',
  /** From the cross-check CodeLens: open a flow's entry (hidden from the palette: it needs arguments). */
  revealFlow: 'apimPolicy.revealFlow',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

export const Views = {
  tokenInspector: 'apimPolicy.tokenInspector',
  flows: 'apimPolicy.flows',
} as const;

/** The command VS Code adds for every view: focus it. */
export function focusViewCommand(view: (typeof Views)[keyof typeof Views]): string {
  return `${view}.focus`;
}
