import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { runCli } from '../util/cli';


/** Bounded: a hang is a failure after 10 s (or `timeoutMs`), not a stuck test run. */
const run = (args: string[], cwd?: string, timeoutMs = 10_000) => runCli(args, { cwd, timeoutMs });

const valid = '<policies><inbound><base /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.sig';

/** `ws/` with one valid policy, `outside/secret.json` beside it, and a FIFO in `ws/`. */
function workspace(): { ws: string; secret: string; fifo: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-cli-confined-'));
  const ws = path.join(root, 'ws');
  fs.mkdirSync(path.join(ws, 'apis', 'a'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'apis', 'a', 'policy.xml'), valid);
  fs.mkdirSync(path.join(root, 'outside'));
  const secret = path.join(root, 'outside', 'secret.json');
  fs.writeFileSync(secret, '{ "properties": { "definition": { "triggers": { "t": { "inputs": { "triggerAuthenticationType": "TOPSECRET" } } } } } }');
  const fifo = path.join(ws, 'pipe.json');
  execFileSync('mkfifo', [fifo]);
  return { ws, secret, fifo };
}

function config(definitions: string[]): string {
  const flows = definitions.map((d, i) => `"f${i}": { "type": "powerAutomate", "policies": ["x"], "definition": ${JSON.stringify(d)} }`).join(',\n');
  return `{ "flows": {\n${flows}\n} }`;
}

test('check: definitions outside the checked folders, absolute, file: URIs, links out, FIFOs and /dev/zero are refused on the value; nothing leaks', () => {
  const { ws, secret } = workspace();
  fs.symlinkSync(secret, path.join(ws, 'link.json'));
  const defs = ['../outside/secret.json', secret, pathToFileURL(secret).href, 'link.json', 'pipe.json', '../../../../../../../../../../dev/zero', path.relative(ws, '/dev/zero')];
  fs.writeFileSync(path.join(ws, 'apim-flows.json'), config(defs));
  const r = run(['check', ws, '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  assert.doesNotMatch(r.stdout + r.stderr, /TOPSECRET/);
  const out = JSON.parse(r.stdout) as Array<{ file: string; code: string; message: string; range: { start: { line: number } } }>;
  assert.deepEqual(out.map(d => d.code), defs.map(() => 'flows-definition-refused'));
  assert.ok(out.every(d => path.basename(d.file) === 'apim-flows.json'), 'reported in the config, never in the outside file');
  assert.deepEqual(out.map(d => d.range.start.line), defs.map((_, i) => i + 1), 'on the line of each definition value');
  assert.match(out[0].message, /is outside the checked folders/);
  assert.match(out[4].message, /pipe\.json is not a regular file/);
});

test('check --config: what the config names stays inside its folder or the checked folders', () => {
  const { ws, secret } = workspace();
  const cfgDir = path.join(ws, 'cfg');
  fs.mkdirSync(cfgDir);
  fs.copyFileSync(path.join(ws, 'apis', 'a', 'policy.xml'), path.join(cfgDir, 'def.json'));
  fs.writeFileSync(path.join(cfgDir, 'flows.json'), config(['../../outside/secret.json']));
  const r = run(['check', path.join(ws, 'apis'), '--config', path.join(cfgDir, 'flows.json'), '--format', 'json']);
  assert.doesNotMatch(r.stdout, /TOPSECRET/);
  const out = JSON.parse(r.stdout) as Array<{ code: string }>;
  assert.deepEqual(out.map(d => d.code), ['flows-definition-refused']);
  assert.ok(fs.existsSync(secret));
});

test('check: a FIFO or a device named on the command line is reported, never opened', () => {
  const { ws, fifo } = workspace();
  const policyFifo = path.join(ws, 'p.policy.xml');
  execFileSync('mkfifo', [policyFifo]);
  const r = run(['check', policyFifo, fifo, '/dev/zero', '--format', 'json']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as Array<{ file: string; code: string; message: string }>;
  assert.deepEqual(out.map(d => [d.file, d.code, d.message]), [
    [policyFifo, 'file-unreadable', 'Cannot read: not a regular file or folder'],
    [fifo, 'file-unreadable', 'Cannot read: not a regular file or folder'],
    ['/dev/zero', 'file-unreadable', 'Cannot read: not a regular file or folder'],
  ]);
  // a FIFO inside a walked folder is not a policy file: the walk goes on
  assert.equal(run(['check', ws]).code, 0);
});

test('check --config and token --jwks / --config: a FIFO or /dev/zero is a one-line error, exit 2', () => {
  const { ws, fifo } = workspace();
  const cases: Array<[string[], RegExp]> = [
    [['check', ws, '--config', fifo], /--config .*pipe\.json: not a regular file/],
    [['check', ws, '--config', '/dev/zero'], /--config \/dev\/zero: not a regular file/],
    [['token', TOKEN, '--jwks', fifo], /--jwks .*pipe\.json: not a regular file/],
    [['token', TOKEN, '--jwks', '/dev/zero'], /--jwks \/dev\/zero: not a regular file/],
    [['token', TOKEN, '--flow', 'f', '--config', fifo], /--config .*pipe\.json: not a regular file/],
  ];
  for (const [args, message] of cases) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

test('token --jwks: a key file over the 1 MB cap is refused before it is read', () => {
  const { ws } = workspace();
  const big = path.join(ws, 'big-jwks.json');
  fs.writeFileSync(big, Buffer.alloc(1024 * 1024 + 1, 0x20));
  const r = run(['token', TOKEN, '--jwks', big]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--jwks .*: larger than 1 MB/);
});

test('token --flow: a definition outside the config\'s folder is refused, not read', () => {
  const { ws, secret } = workspace();
  // a readable Power Automate export, whose allowed caller would show in the checks if it were read
  fs.writeFileSync(secret, JSON.stringify({ properties: { definition: { triggers: { manual: { type: 'Request', kind: 'Http', inputs: { triggerAuthenticationType: 'User', triggerAllowedUsers: 'TOPSECRET@example.com' } } } } } }));
  fs.writeFileSync(path.join(ws, 'apim-flows.json'), config(['../outside/secret.json']));
  const r = run(['token', TOKEN, '--flow', 'f0'], ws);
  assert.doesNotMatch(r.stdout + r.stderr, /TOPSECRET/);
  assert.match(r.stdout, /\[skip\] Caller is allowed/);
  assert.match(r.stdout, /trigger authentication mode unknown/);
});

test('check: a workspace over the index cap says so on stderr, counting files not folders', t => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-cli-cap-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (let i = 0; i < 20_001; i++) {
    const d = path.join(dir, 'apis', `a${i}`);
    fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, 'policy.xml'), valid);
  }
  // 20,000 files to read: the bound is generous, the machine may be busy
  const r = run(['check', path.join(dir, 'apis', 'a0', 'policy.xml')], undefined, 60_000);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /apim-policy: warning: The workspace index stops at 20000 files: 1 more file under .* was left out/);
});

test('check FILE outside any APIOps tree indexes nothing around it: an unrelated config, FIFO and files are neither read nor reported', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-cli-lonely-'));
  fs.writeFileSync(path.join(root, 'policy.xml'), valid);
  const project = path.join(root, 'other', 'project');
  fs.mkdirSync(project, { recursive: true });
  fs.writeFileSync(path.join(project, 'apim-flows.json'), '{ "flows": { "broken": { "type": "nonsense" } } }');
  execFileSync('mkfifo', [path.join(root, 'other', 'pipe.xml')]);
  for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(project, `unrelated-${i}.json`), '{}');
  const r = run(['check', path.join(root, 'policy.xml')]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '1 file checked: 0 errors, 0 warnings, 0 information.\n');
  assert.equal(r.stderr, '', 'nothing around the file was walked (the FIFO would be reported as not indexed)');
});

test('check: a policy file an IaC resource loads from outside the checked folders is refused, not read', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-cli-iac-out-'));
  const infra = path.join(root, 'infra');
  fs.mkdirSync(infra);
  fs.writeFileSync(path.join(root, 'secret.xml'), '<policies><inbound><TOPSECRET /></inbound></policies>');
  fs.writeFileSync(path.join(infra, 'main.bicep'), [
    "resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = { name: 'x' }",
    "resource p 'Microsoft.ApiManagement/service/policies@2023-05-01-preview' = {",
    '  parent: apim',
    "  name: 'policy'",
    "  properties: { format: 'rawxml', value: loadTextContent('../secret.xml') }",
    '}',
    '',
  ].join('\n'));
  try {
    const r = run(['check', '--format', 'json', infra]);
    assert.doesNotMatch(r.stdout, /TOPSECRET/);
    const out = JSON.parse(r.stdout) as Array<{ file: string; code: string; message: string }>;
    const refused = out.find(d => d.file.endsWith('secret.xml'));
    assert.ok(refused, r.stdout);
    assert.equal(refused.code, 'file-unreadable');
    assert.match(refused.message, /outside the checked folders/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('check: a policy file past the parse ceiling is reported from its size, without reading it', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-cli-huge-'));
  const file = path.join(root, 'huge.policy.xml');
  // a sparse file: 300 MB on paper, nothing on disk; reading it would take seconds and GBs
  fs.writeFileSync(file, '<policies>');
  fs.truncateSync(file, 300 * 1024 * 1024);
  try {
    const r = run(['check', '--format', 'json', file]);
    const out = JSON.parse(r.stdout) as Array<{ code: string; message: string }>;
    assert.deepEqual(out.map(d => d.code), ['document-too-large']);
    assert.match(out[0].message, /too large to check/);
    assert.equal(r.code, 1);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
