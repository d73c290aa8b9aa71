/**
 * The workspace checks stay out of the way of requests (issue 16, "completion p99 under 10 ms
 * during the run"): a check runs in steps no longer than one expression's parse or one composed
 * request, with the same problems as in one go; the problems a slice publishes are written before
 * the next slice; and no check runs while the connection still hands messages to their handlers.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService, loadCSharpParser, type LanguageService } from '../../server/src/languageService/languageService';
import { createWorkspaceChecks, type WorkspaceChecksHost } from '../../server/src/workspaceDiagnostics';
import { defaultSettings } from '../../common/protocol';

const parser = loadCSharpParser();
const root = 'file:///repo';
const PA = 'https://default0.00.environment.api.powerplatform.com/powerautomate/automations/direct/workflows';
const flowUrl = (id: string) => `${PA}/${id}/triggers/manual/paths/invoke?api-version=1`;

function policy(inbound: string): string {
  return `<policies>\n\t<inbound>\n\t\t<base />\n${inbound}\n\t</inbound>\n\t<backend>\n\t\t<base />\n\t</backend>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n\t<on-error>\n\t\t<base />\n\t</on-error>\n</policies>`;
}

/** Runs steps to their end, counting them. */
function drain<T>(steps: Generator<void, T, void>): { value: T; steps: number } {
  for (let n = 0; ; n++) {
    const step = steps.next();
    if (step.done) return { value: step.value, steps: n };
  }
}

function document(service: LanguageService, path: string, text = service.workspace.policyText(`${root}/${path}`)!): TextDocument {
  return TextDocument.create(`${root}/${path}`, 'apim-policy', 1, text);
}

test('doValidationInSteps: a step per expression not yet checked, the same problems as doValidation', async () => {
  const csharp = await parser;
  // each expression differs: none is cached by another
  const inbound = Array.from({ length: 12 }, (_, i) => `\t\t<set-variable name="v${i}" value="@(context.Request.Headers.GetValueOrDefault(&quot;x-${i}&quot;, &quot;&quot;).Length + ${i})" />`).join('\n')
    + '\n\t\t<set-variable name="broken" value="@(context.Request.Method ==)" />';
  const text = policy(inbound);
  const stepped = getLanguageService({ csharp });
  const first = drain(stepped.doValidationInSteps(document(stepped, 'apis/a/policy.xml', text)));
  assert.ok(first.steps >= 13, `a step per expression: ${first.steps}`);
  const again = drain(stepped.doValidationInSteps(document(stepped, 'apis/b/policy.xml', text)));
  assert.ok(again.steps < first.steps, `the expressions are cached: ${again.steps} steps`);
  const whole = getLanguageService({ csharp }).doValidation(document(stepped, 'apis/a/policy.xml', text));
  assert.deepEqual(first.value, whole);
  assert.ok(whole.some(d => d.code === 'expr-syntax'), JSON.stringify(whole.map(d => d.code)));
});

test('doValidationInSteps: the flow analysis of a product policy composes each API below it in a step of its own, with the same findings', () => {
  const files: Record<string, string> = {
    'apim-flows.json': JSON.stringify({ tenantId: 'd7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f', flows: { f: { type: 'powerAutomate', url: flowUrl('f1'), trigger: { authentication: 'tenant' } } } }),
    'products/p/policy.xml': policy('\t\t<authentication-managed-identity resource="https://service.flow.microsoft.com" />'),
  };
  for (let i = 0; i < 30; i++) {
    files[`products/p/apis/api${i}/productApiInformation.json`] = '{}';
    files[`apis/api${i}/policy.xml`] = policy(`\t\t<set-backend-service base-url="${flowUrl('f1')}" />`);
  }
  const make = () => {
    const service = getLanguageService();
    for (const [path, text] of Object.entries(files)) service.workspace.update(`${root}/${path}`, text);
    return service;
  };
  const stepped = make();
  const { value, steps } = drain(stepped.doValidationInSteps(document(stepped, 'products/p/policy.xml')));
  assert.ok(steps >= 30, `a step per API below the product: ${steps}`);
  const whole = make().doValidation(document(stepped, 'products/p/policy.xml'));
  assert.deepEqual(value, whole);
  assert.ok(whole.some(d => String(d.code).startsWith('flow-')), JSON.stringify(whole.map(d => d.code)));
});

/** A host over `service`'s index for the workspace checks, logging to `logs`; `overrides` replace its parts. */
function hostFor(service: LanguageService, logs: string[], overrides: Partial<WorkspaceChecksHost> = {}): WorkspaceChecksHost {
  return {
    service,
    folders: () => [root],
    readFile: uri => service.workspace.policyText(uri),
    isOpen: () => false,
    loadOf: () => undefined,
    loadedFiles: () => [],
    settings: async () => defaultSettings,
    publish: async () => undefined,
    messagesHandled: () => 0,
    busy: () => false,
    progress: async () => ({ report() {}, done() {} }),
    log: m => void logs.push(m),
    error: m => void logs.push(m),
    ...overrides,
  };
}

/** A workspace of `count` operation policies, each with a problem (an unknown element), under a fake connection. */
function checksOver(count: number, connection: { publish(uri: string, diagnostics: Diagnostic[]): Promise<void>; messagesHandled(): number }) {
  const service = getLanguageService();
  for (let i = 0; i < count; i++) service.workspace.update(`${root}/apis/a/operations/op${i}/policy.xml`, policy(`\t\t<not-a-policy-${i} />`));
  const logs: string[] = [];
  const host = hostFor(service, logs, { publish: (uri, diagnostics) => connection.publish(uri, diagnostics), messagesHandled: () => connection.messagesHandled() });
  return { checks: createWorkspaceChecks(host), logs, service };
}

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise(resolve => setImmediate(resolve));
};

async function until(condition: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 5));
  }
}

test('workspace checks: the problems a slice published are written before the next slice starts', async () => {
  const published: string[] = [];
  const unwritten: Array<() => void> = [];
  const { checks, logs } = checksOver(400, {
    publish(uri) {
      published.push(uri);
      return new Promise(resolve => unwritten.push(resolve));
    },
    messagesHandled: () => 0,
  });
  checks.checkAll(0);
  await until(() => published.length > 0, 'the first publish');
  // the test runs between slices: this is what the first one published
  const firstSlice = published.length;
  assert.ok(firstSlice < 400, `one slice checks a few files, not all: ${firstSlice}`);
  await turns(50);
  await new Promise(resolve => setTimeout(resolve, 50));
  // nothing written: no further slice
  assert.equal(published.length, firstSlice);
  // as the writer writes, the slices go on, to the end
  while (checks.running()) {
    unwritten.splice(0).forEach(write => write());
    await new Promise(resolve => setTimeout(resolve, 1));
  }
  assert.equal(published.length, 400);
  assert.ok(logs.some(l => /^Checked 400 workspace files/.test(l)), logs.join('\n'));
});

test('workspace checks: no check runs while the connection hands the client\'s messages to their handlers', async () => {
  const published: string[] = [];
  let handled = 0;
  const { checks } = checksOver(400, {
    async publish(uri) {
      published.push(uri);
    },
    messagesHandled: () => handled,
  });
  checks.checkAll(0);
  await until(() => published.length > 0, 'the first publish');
  // a message handled every turn, for 200 turns: the checks wait it out
  const atStart = published.length;
  let duringTraffic = 0;
  for (let i = 0; i < 200; i++) {
    handled++;
    await turns(1);
    // the slice under way when the traffic started may finish; none starts after it
    if (i === 5) duringTraffic = published.length;
  }
  assert.ok(duringTraffic >= atStart);
  assert.equal(published.length, duringTraffic, 'no slice ran while messages were handled');
  await until(() => !checks.running(), 'the end of the pass');
  assert.equal(published.length, 400);
});

test('workspace checks: each file\'s problems are published once, as doValidation finds them', async () => {
  const byUri = new Map<string, Diagnostic[][]>();
  const { checks, service } = checksOver(20, {
    async publish(uri, diagnostics) {
      byUri.set(uri, [...byUri.get(uri) ?? [], diagnostics]);
    },
    messagesHandled: () => 0,
  });
  checks.checkAll(0);
  await until(() => byUri.size === 20 && !checks.running(), 'the pass');
  for (const [uri, sent] of byUri) {
    assert.equal(sent.length, 1, uri);
    const whole = getLanguageService().doValidation(TextDocument.create(uri, 'apim-policy', 1, service.workspace.policyText(uri)!), undefined, { missingBase: defaultSettings.validation.missingBase, rules: defaultSettings.rules });
    assert.ok(whole.some(d => d.code === 'unknown-element'), JSON.stringify(whole.map(d => d.code)));
    assert.deepEqual(sent[0], whole);
  }
});

test('workspace checks: while the client is active, the slices leave the CPU free between them', async () => {
  /** The gaps between two slices' publishes (every file has a problem: each slice publishes). */
  const gaps = async (active: boolean): Promise<number[]> => {
    const at: number[] = [];
    let handled = 0;
    const { checks } = checksOver(300, {
      async publish() {
        at.push(performance.now());
      },
      messagesHandled: () => handled,
    });
    // a request every 2 ms: between them the connection is quiet for many turns
    const typing = active ? setInterval(() => handled++, 2) : undefined;
    checks.checkAll(0);
    await until(() => !checks.running(), 'the pass');
    clearInterval(typing);
    // one slice's publishes go out together
    return at.slice(1).map((t, i) => t - at[i]).filter(gap => gap > 0.3);
  };
  const median = (xs: number[]) => xs.slice().sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const otherwise = await gaps(false);
  const whileActive = await gaps(true);
  assert.ok(whileActive.length >= 5 && otherwise.length >= 5, `slices: ${whileActive.length + 1}, ${otherwise.length + 1}`);
  // a slice and its yield, and while active a pause of at least 3 ms (a timer) after it
  assert.ok(median(whileActive) >= median(otherwise) + 2.7, `gaps while active ${median(whileActive).toFixed(2)} ms, otherwise ${median(otherwise).toFixed(2)} ms`);
});

test('workspace checks: the C# parser is asked for when there is a file to check, not before, and not while open documents wait', async () => {
  const base = getLanguageService();
  let asked = 0;
  const service: LanguageService = Object.create(base, { ready: { get: () => (asked++, base.ready) } });
  let busy = false;
  const logs: string[] = [];
  const checks = createWorkspaceChecks(hostFor(service, logs, { readFile: uri => base.workspace.policyText(uri), busy: () => busy }));
  // an empty folder: a pass with nothing to check
  checks.checkAll(0);
  await until(() => logs.some(l => /^Checked 0 workspace files/.test(l)) && !checks.running(), 'the empty pass');
  assert.equal(asked, 0, 'no file to check: the parser is not loaded');
  // a file, while open documents wait for their checks
  base.workspace.update(`${root}/apis/a/operations/op/policy.xml`, policy('\t\t<set-variable name="v" value="@(context.Request.Method)" />'));
  busy = true;
  checks.checkAll(0);
  await new Promise(resolve => setTimeout(resolve, 150));
  assert.ok(checks.running());
  assert.equal(asked, 0, 'the load waits while open documents wait');
  busy = false;
  await until(() => !checks.running(), 'the pass');
  assert.ok(asked >= 1, 'asked for once there was a file to check and time for it');
  assert.ok(logs.some(l => /^Checked 1 workspace files/.test(l)), logs.join(' | '));
});
