import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DecodeTokenResult } from '../../../common/protocol';
import { getExtension, until } from './helpers';

const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const TENANT = 'd7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f';
const SYS_PRINCIPAL = '0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b';
const SYS_CLIENT = '9f8e7d6c-2222-4b4a-8c9d-8e7f6a5b4c3d';
const now = Math.floor(Date.now() / 1000);
/** APIM's system identity token for the Flow service, as the examples' apim-flows.json describes it (unsigned test value). */
function token(overrides: Record<string, unknown> = {}): string {
  return `${enc({ alg: 'RS256', typ: 'JWT', kid: 'k' })}.${enc({
    aud: 'https://service.flow.microsoft.com/', iss: `https://sts.windows.net/${TENANT}/`, tid: TENANT, oid: SYS_PRINCIPAL, appid: SYS_CLIENT,
    idtyp: 'app', ver: '1.0', iat: now - 60, nbf: now - 60, exp: now + 3600, ...overrides,
  })}.c2ln`;
}

suite('token inspector', () => {
  test('Decode Bearer Token decodes the selection and explains the claims', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: `Authorization: Bearer ${token()}\n`, language: 'plaintext' });
    const editor = await vscode.window.showTextDocument(doc);
    const start = doc.getText().indexOf('Bearer');
    editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(doc.getText().trimEnd().length));
    const result = await vscode.commands.executeCommand<DecodeTokenResult>('apimPolicy.decodeToken');
    assert.ok(result?.ok, JSON.stringify(result));
    assert.equal(result.payload.oid, SYS_PRINCIPAL);
    assert.equal(result.version, '1.0');
    assert.match(result.payloadClaims.find(c => c.name === 'oid')!.meaning, /principalId/);
    assert.equal(result.checks.find(c => c.id === 'signature')!.status, 'skip');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('Simulate Flow Trigger: a flow that lists the client ID rejects the token, naming MisMatchingOAuthClaims', async () => {
    const result = await vscode.commands.executeCommand<DecodeTokenResult>('apimPolicy.simulateFlowTrigger', 'order-approval', token());
    assert.ok(result?.ok, JSON.stringify(result));
    assert.equal(result.verdict, 'rejected');
    const caller = result.checks.find(c => c.id === 'caller')!;
    assert.equal(caller.status, 'fail');
    assert.equal(caller.platformError?.code, 'MisMatchingOAuthClaims');
    const ok = await vscode.commands.executeCommand<DecodeTokenResult>('apimPolicy.simulateFlowTrigger', 'order-intake', token());
    assert.ok(ok?.ok);
    assert.equal(ok.verdict, 'accepted');
  });

  test('the sidebar state holds the decoded claims and the checks, not the token', async () => {
    const api = getExtension().exports as { tokenView: { current(): { decoded?: unknown } } };
    await vscode.commands.executeCommand('apimPolicy.decodeToken', token({ name: '<img src=x onerror=alert(1)>' }));
    const state = JSON.stringify(api.tokenView.current());
    assert.ok(state.includes('onerror'), 'the markup claim is shown as data');
    assert.ok(!state.includes(token().split('.')[1]), 'the raw token is not part of the view state');
  });

  test('Open in Editor shows the inspector as a panel in the editor area, with the same failing check, its fix and link', async () => {
    const api = getExtension().exports as { tokenView: { current(): { results?: { cards: Array<{ id: string; fix?: string; link?: { uri: string } }> } }; hasPanel(): boolean; openPanel(): { dispose(): void } } };
    await vscode.commands.executeCommand('apimPolicy.simulateFlowTrigger', 'order-approval', token());
    await vscode.commands.executeCommand('apimPolicy.openTokenInspectorInEditor');
    assert.ok(api.tokenView.hasPanel());
    // the workbench adds the panel's tab a moment after the command returns
    await until('an editor tab for the inspector panel', () => vscode.window.tabGroups.all.flatMap(g => g.tabs.map(t => t.label)), labels => labels.includes('Token Inspector'));
    const caller = api.tokenView.current().results?.cards.find(c => c.id === 'caller');
    assert.match(caller?.fix ?? '', /principal \(object\) ID/);
    assert.match(caller?.link?.uri ?? '', /(apim-flows|definition)\.json$/);
    api.tokenView.openPanel().dispose();
    assert.ok(!api.tokenView.hasPanel());
  });

  test('bad input gets a clear message, not an exception', async () => {
    const result = await vscode.commands.executeCommand<DecodeTokenResult>('apimPolicy.decodeToken', 'not a token');
    assert.equal(result?.ok, false);
    assert.match((result as { error: string }).error, /Not a JWT/);
  });

  test('the Flows view lists the flows with their linked policies', async () => {
    const client = (getExtension().exports as { client(): { sendRequest(m: string, p: unknown): Promise<Array<{ name: string; policies: Array<{ verdict: string }> }>> } }).client();
    const flows = await client.sendRequest('apim/listFlows', {});
    const intake = flows.find(f => f.name === 'order-intake');
    assert.ok(intake, JSON.stringify(flows.map(f => f.name)));
    assert.ok(intake.policies.some(p => p.verdict === 'accepted'));
    assert.ok(flows.find(f => f.name === 'monthly-report')!.policies.some(p => p.verdict === 'rejected'));
    await vscode.commands.executeCommand('apimPolicy.refreshFlows');
  });
});
