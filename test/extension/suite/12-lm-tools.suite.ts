/*
 * The agent tools as VS Code language-model tools. `vscode.lm.invokeTool` runs a tool as an agent
 * would, but outside a chat request VS Code shows a modal dialog for a tool whose
 * `prepareInvocation` asks for confirmation (the ones that read workspace files), and nobody can
 * click it here: those are tested through the registered tool objects the extension exports (the
 * same objects VS Code calls), their confirmation through `prepareInvocation`.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { getExtension, until, waitForDiagnostics, workspaceRoot } from './helpers';

type Input = Record<string, unknown>;
type Tools = Map<string, vscode.LanguageModelTool<Input>>;

const NAMES = ['apim_check_policy', 'apim_effective_policy', 'apim_simulate_flow', 'apim_policy_reference'];
const JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwczovL3NlcnZpY2UuZmxvdy5taWNyb3NvZnQuY29tLyJ9.c2lnbmF0dXJl';
const none = new vscode.CancellationTokenSource().token;

function partsOf(result: vscode.LanguageModelToolResult | null | undefined): string[] {
  return (result?.content ?? []).map(p => (p as { value?: unknown }).value).filter((v): v is string => typeof v === 'string');
}

async function tools(): Promise<Tools> {
  const api = await until('the extension to activate', () => getExtension().activate(), (a) => !!a) as { ready: Promise<void>; lmTools: Tools };
  await api.ready;
  return api.lmTools;
}

async function invokeDirect(name: string, input: Input): Promise<string[]> {
  const tool = (await tools()).get(name);
  assert.ok(tool, `${name} is registered`);
  return partsOf(await tool.invoke({ input, toolInvocationToken: undefined }, none));
}

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

suite('language-model tools', () => {
  test('the tools are registered with VS Code, with their descriptions and input schemas', async () => {
    await tools();
    const listed = await until('vscode.lm.tools to list ours', () => vscode.lm.tools, (all) => NAMES.every(n => all.some(t => t.name === n)));
    for (const name of NAMES) {
      const t = listed.find(x => x.name === name)!;
      assert.ok(t.description.length > 80, name);
      assert.equal((t.inputSchema as { type?: string }).type, 'object', name);
    }
  });

  test('vscode.lm.invokeTool: apim_check_policy on policy text reports the misspelt element', async () => {
    await tools();
    const r = await vscode.lm.invokeTool('apim_check_policy', {
      input: { policy: '<policies>\n  <inbound>\n    <base />\n    <set-headr name="a" />\n  </inbound>\n</policies>', scope: 'api' },
      toolInvocationToken: undefined,
    });
    const [text, json] = partsOf(r);
    assert.match(text, /<policy>:4:6: error \[unknown-element\] .*set-header/);
    assert.equal((JSON.parse(json) as Array<{ code: string }>)[0].code, 'unknown-element');
  });

  test('vscode.lm.invokeTool: apim_policy_reference answers from the catalog', async () => {
    await tools();
    const r = await vscode.lm.invokeTool('apim_policy_reference', { input: { name: 'authentication-managed-identity' }, toolInvocationToken: undefined });
    const [text] = partsOf(r);
    assert.match(text, /resource \(required/);
    assert.match(text, /documentation: https:\/\/learn\.microsoft\.com\//);
  });

  test('a tool that reads a workspace file asks first; one that does not, does not', async () => {
    const all = await tools();
    const check = all.get('apim_check_policy')!;
    const asked = await check.prepareInvocation!({ input: { path: 'apis/reports/policy.xml' } }, none);
    assert.match(String((asked?.confirmationMessages?.message as vscode.MarkdownString | undefined)?.value ?? asked?.confirmationMessages?.message), /apis\/reports\/policy\.xml/);
    const text = await check.prepareInvocation!({ input: { policy: '<policies />' } }, none);
    assert.equal(text?.confirmationMessages, undefined);
    const flow = await all.get('apim_simulate_flow')!.prepareInvocation!({ input: { flow: 'order-approval' } }, none);
    assert.ok(flow?.confirmationMessages);
  });

  test('apim_check_policy on a workspace file says what the editor\'s Problems say', async () => {
    const rel = 'apis/orders/operations/get-order/policy.xml';
    const uri = vscode.Uri.file(path.join(workspaceRoot().fsPath, rel));
    await vscode.workspace.openTextDocument(uri);
    const diags = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'unknown-element'));
    const [text, json] = await invokeDirect('apim_check_policy', { path: rel });
    assert.match(text, new RegExp(`^${rel.replace(/[/.]/g, '\\$&')}: \\d+ errors?`));
    const key = (line: number, character: number, code: string) => `${line}:${character}:${code}`;
    const fromTool = (JSON.parse(json) as Array<{ range: vscode.Range; code: string }>).map(d => key(d.range.start.line, d.range.start.character, d.code)).sort();
    const fromEditor = diags.filter(d => d.source === 'apim-policy').map(d => key(d.range.start.line, d.range.start.character, codeOf(d))).sort();
    assert.deepEqual(fromTool, fromEditor);
  });

  test('apim_effective_policy composes the levels that run for an operation', async () => {
    const [text, json] = await invokeDirect('apim_effective_policy', { path: 'apis/orders/operations/get-order' });
    assert.match(text, /\(operation scope\): global \(policy\.xml\) → api \(apis\/orders\/policy\.xml\) → operation/);
    assert.match(text, /<rewrite-uri template="\/orders\/\{orderId\}" \/>/);
    assert.ok((JSON.parse(json) as { elements: unknown[] }).elements.length > 0);
  });

  test('apim_simulate_flow predicts the token and names the failing check', async () => {
    const [text] = await invokeDirect('apim_simulate_flow', { flow: 'order-approval' });
    assert.match(text, /^Flow 'order-approval' .*rejected/);
    assert.match(text, /predicted token claims: .*oid=/);
    assert.match(text, /\[FAIL\] Caller is allowed/);
  });

  test('no tool reads outside the workspace or takes a token', async () => {
    await assert.rejects(invokeDirect('apim_check_policy', { path: '..' }), /outside the workspace folders/);
    await assert.rejects(invokeDirect('apim_check_policy', { path: '/etc/passwd' }), /outside the workspace folders/);
    await assert.rejects(
      Promise.resolve(vscode.lm.invokeTool('apim_policy_reference', { input: { name: JWT }, toolInvocationToken: undefined })),
      (e: Error) => /looks like a bearer token/.test(e.message) && !e.message.includes(JWT.substring(0, 30)),
    );
  });
});
