import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runCli, makeTree, CLI as cli } from '../util/cli';


const run = (args: string[], cwd?: string) => runCli(args, { cwd });

const tree = (files: Record<string, string>) => makeTree(files, 'apim-cli-');

const valid = '<policies><inbound><base /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>';
const broken = '<policies>\n  <inbound>\n    <base />\n    <set-headr name="a" />\n  </inbound>\n</policies>';

test('check: clean files exit 0', () => {
  const dir = tree({ 'apis/a/policy.xml': valid });
  const r = run(['check', dir]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /1 file checked: 0 errors, 0 warnings/);
});

test('check: an error exits 1; json output has the contract shape with 0-based positions', () => {
  const dir = tree({ 'apis/a/policy.xml': broken });
  const r = run(['check', dir, '--format', 'json']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
  assert.equal(out.length, 1);
  assert.deepEqual(Object.keys(out[0]).sort(), ['code', 'file', 'message', 'range', 'severity']);
  assert.equal(out[0].code, 'unknown-element');
  assert.equal(out[0].severity, 'error');
  assert.deepEqual(out[0].range, { start: { line: 3, character: 5 }, end: { line: 3, character: 14 } });
  assert.equal(out[0].file, path.join(dir, 'apis/a/policy.xml'));
});

test('check: text output names file:line:col', () => {
  const dir = tree({ 'x.policy.xml': broken });
  const r = run(['check', path.join(dir, 'x.policy.xml')]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /x\.policy\.xml:4:6: error \[unknown-element\]/);
});

test('check: sarif output', () => {
  const dir = tree({ 'x.policy.xml': broken });
  const r = run(['check', dir, '--format=sarif']);
  assert.equal(r.code, 1);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  const result = sarif.runs[0].results[0];
  assert.equal(result.ruleId, 'unknown-element');
  assert.equal(result.level, 'error');
  assert.equal(result.locations[0].physicalLocation.region.startLine, 4);
});

test('check: walks folders APIOps-aware and skips XML that is not a policy', () => {
  const dir = tree({
    'policy.xml': valid,
    'apis/a/policy.xml': valid,
    'apis/a/operations/op/policy.xml': valid,
    'policy fragments/f/policy.xml': '<fragment><set-header name="a" exists-action="delete" /></fragment>',
    'snippets/one.xml': valid,
    'apis/a/specification.wadl': '<application />',
    'other/data.xml': '<root><item /></root>',
    'node_modules/x/policy.xml': broken,
  });
  const r = run(['check', dir, '--format', 'json']);
  assert.equal(r.code, 0, r.stdout);
  assert.deepEqual(JSON.parse(r.stdout), []);
  const text = run(['check', dir]);
  assert.match(text.stdout, /5 files checked/);
});

test('check: default path is the current folder', () => {
  const dir = tree({ 'apis/a/policy.xml': broken });
  const r = run(['check'], dir);
  assert.equal(r.code, 1);
});

test('check: an unreadable file is reported and the rest still checked', { skip: process.getuid?.() === 0 ? 'root reads every file; a missing path stands in below' : false }, () => {
  const dir = tree({ 'a.policy.xml': valid, 'b.policy.xml': broken });
  fs.chmodSync(path.join(dir, 'a.policy.xml'), 0);
  const r = run(['check', dir, '--format', 'json']);
  const out = JSON.parse(r.stdout) as Array<{ code: string }>;
  assert.ok(out.some(d => d.code === 'file-unreadable'));
  assert.ok(out.some(d => d.code === 'unknown-element'));
});

test('check: a dangling link in a walked folder is reported, the rest still checked', () => {
  const dir = tree({ 'b.policy.xml': broken });
  fs.symlinkSync(path.join(dir, 'gone.xml'), path.join(dir, 'a.policy.xml'));
  const r = run(['check', dir, '--format', 'json']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as Array<{ code: string; file: string }>;
  assert.deepEqual(out.map(d => d.code).sort(), ['file-unreadable', 'unknown-element']);
  assert.ok(out.find(d => d.code === 'file-unreadable')!.file.endsWith('a.policy.xml'));
});

test('check: a missing path is reported, the rest still checked', () => {
  const dir = tree({ 'b.policy.xml': valid });
  const r = run(['check', path.join(dir, 'nope'), dir, '--format', 'json']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as Array<{ code: string; file: string }>;
  assert.deepEqual(out.map(d => d.code), ['file-unreadable']);
});

test('check: a directory given as a file path, binary content', () => {
  const dir = tree({ 'bin.policy.xml': '\u0000\u0001\u0002<<<>>>\u00ff' });
  const r = run(['check', dir, '--format', 'json']);
  assert.ok(r.code === 0 || r.code === 1);
  JSON.parse(r.stdout);
});

test('bad usage exits 2 with a message', () => {
  const r1 = run(['check', '--format', 'xml']);
  assert.equal(r1.code, 2);
  assert.match(r1.stderr, /Unknown format 'xml'/);
  const r2 = run(['frobnicate']);
  assert.equal(r2.code, 2);
  assert.match(r2.stderr, /Unknown command/);
  const r3 = run(['check', '--config', '/nonexistent/apim-flows.json']);
  assert.equal(r3.code, 2);
  assert.match(r3.stderr, /Config file not found/);
  assert.doesNotMatch(r3.stderr, /\n\s+at /, 'no stack trace');
});

test('--help and --version', () => {
  assert.match(run(['--help']).stdout, /apim-policy check/);
  assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+/);
});

const examples = path.resolve(__dirname, '../../../examples');

test('check examples: the cross-check reports each seeded flow failure, and the correct APIs stay clean', () => {
  const r = run(['check', examples, '--format', 'json']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as Array<{ file: string; code: string; severity: string }>;
  const at = (api: string) => out.filter(d => d.file.includes(`${path.sep}apis${path.sep}${api}${path.sep}`) && d.severity !== 'information').map(d => d.code).sort();
  assert.deepEqual(at('reports'), ['flow-audience']);
  assert.deepEqual(at('notify'), ['flow-audience']);
  assert.deepEqual(at('approvals'), ['flow-caller']);
  assert.ok(at('invoice-sync').includes('flow-policy-issuer'));
  assert.deepEqual(at('legacy-intake'), ['flow-sas-and-bearer']);
  assert.deepEqual(at('status'), ['flow-authorization-required']);
  assert.deepEqual(at('audit'), ['flow-token-not-sent']);
  assert.deepEqual(at('shipping'), []);
  assert.deepEqual(out.filter(d => d.file.endsWith(`${path.sep}apis${path.sep}orders${path.sep}policy.xml`) && d.severity !== 'information'), []);
});

test('check examples/no-config: without apim-flows.json the wrong Power Automate audience is an error on its attribute, the correct call only an information', () => {
  const r = run(['check', path.join(examples, 'no-config'), '--format', 'json']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as Array<{ file: string; code: string; severity: string; range: { start: { line: number; character: number } } }>;
  assert.ok(!fs.existsSync(path.join(examples, 'no-config', 'apim-flows.json')), 'the folder must have no flow config');
  const of = (api: string) => out.filter(d => d.file.includes(`${path.sep}apis${path.sep}${api}${path.sep}`));
  const bad = of('timesheets').filter(d => d.severity !== 'information');
  assert.deepEqual(bad.map(d => d.code), ['flow-audience']);
  const line = fs.readFileSync(path.join(examples, 'no-config', 'apis', 'timesheets', 'policy.xml'), 'utf8').split('\n')[bad[0].range.start.line];
  assert.equal(line.substring(bad[0].range.start.character).split('"')[0], 'api://my-flow-secured-endpoint');
  assert.deepEqual(of('expenses').map(d => `${d.severity} ${d.code}`), ['information flow-describe']);
  assert.deepEqual(out.filter(d => !d.file.includes(`${path.sep}apis${path.sep}`)), [], 'the global policy is clean');
});

test('init-flows examples/no-config: prints an apim-flows.json with one entry per flow URL and writes nothing', () => {
  const folder = path.join(examples, 'no-config');
  const r = run(['init-flows', folder]);
  assert.equal(r.code, 0, r.stderr);
  const config = JSON.parse(r.stdout) as { tenantId: string; flows: Record<string, { type: string; url: string }>; identities: Record<string, unknown> };
  assert.equal(config.tenantId, '72f988bf-86f1-41af-91ab-2d7cd011db47');
  assert.deepEqual(Object.keys(config.flows).sort(), ['expenses', 'timesheets']);
  assert.ok(Object.values(config.flows).every(f => f.type === 'powerAutomate' && /\/workflows\/[0-9a-f]+\/triggers\//.test(f.url)));
  assert.ok(config.identities['apim-system']);
  assert.match(r.stderr, /not written/);
  assert.ok(!fs.existsSync(path.join(folder, 'apim-flows.json')));
  // a folder that has a config: it is printed with the missing flows added, and left as it was
  const before = fs.readFileSync(path.join(examples, 'apim-flows.json'), 'utf8');
  const all = run(['init-flows', examples]);
  assert.equal(all.code, 0, all.stderr);
  assert.match(all.stderr, /exists and was not changed/);
  assert.ok(all.stdout.startsWith(before.trimEnd().split('\n').slice(0, 5).join('\n')));
  assert.equal(fs.readFileSync(path.join(examples, 'apim-flows.json'), 'utf8'), before);
});

test('check examples: the API APIM imported from a SOAP service ("SOAP to REST", Liquid templates holding the envelope) has no finding at all', () => {
  const r = run(['check', examples, '--format', 'json']);
  const out = JSON.parse(r.stdout) as Array<{ file: string; code: string; message: string }>;
  const soap = `${path.sep}apis${path.sep}customer-orders-soap${path.sep}`;
  assert.ok(fs.existsSync(path.join(examples, 'apis', 'customer-orders-soap', 'operations', 'submit-order', 'policy.xml')));
  assert.deepEqual(out.filter(d => d.file.includes(soap)).map(d => `${d.code} ${d.message}`), []);
});

test('check --config: an explicit flow config, its problems reported in that file', () => {
  const dir = tree({
    'apis/a/policy.xml': '<policies><inbound><base /><set-backend-service base-url="https://prod-1.westeurope.logic.azure.com/workflows/x/triggers/manual/paths/invoke?api-version=2016-10-01" /><authentication-managed-identity resource="https://management.azure.com/" /></inbound></policies>',
    'elsewhere/flows.jsonc': '// comments are fine\n{ "tenantId": "not-a-guid", "flows": { "x": { "type": "logicAppConsumption", "url": "https://prod-1.westeurope.logic.azure.com/workflows/x/triggers/manual/paths/invoke?api-version=2016-10-01", "openAuthenticationPolicies": { "policies": { "p": { "type": "AAD", "claims": [ { "name": "aud", "value": "https://other/" } ] } } } } } }',
  });
  const r = run(['check', path.join(dir, 'apis'), '--config', path.join(dir, 'elsewhere/flows.jsonc'), '--format', 'json']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as Array<{ file: string; code: string }>;
  const inConfig = out.filter(d => d.file.endsWith('flows.jsonc')).map(d => d.code);
  assert.ok(inConfig.includes('flows-invalid-guid'), JSON.stringify(out));
  assert.ok(inConfig.includes('la-missing-iss'), JSON.stringify(out));
  assert.ok(out.some(d => d.file.endsWith('policy.xml') && d.code.startsWith('flow-')), JSON.stringify(out));
});

test('check loads the C# parser (5 MB of WebAssembly) only for a file with an expression to check', () => {
  // a preload that tells whether the parser's bundle was required
  const probe = path.join(tree({}), 'probe.js');
  fs.writeFileSync(probe, `const M = require('module'); const load = M._load; let loaded = false;
M._load = function (request, ...rest) { if (/csharpParser(\\.js)?$/.test(request)) loaded = true; return load.call(this, request, ...rest); };
process.on('exit', () => process.stderr.write('parser loaded: ' + loaded + '\\n'));`);
  const probed = (dir: string) => spawnSync(process.execPath, ['--require', probe, cli, 'check', dir, '--format', 'json'], { encoding: 'utf8' });
  const plain = probed(tree({ 'apis/a/policy.xml': valid }));
  assert.equal(plain.status, 0, plain.stderr);
  assert.match(plain.stderr, /parser loaded: false/);
  const withExpression = probed(tree({ 'apis/a/policy.xml': valid.replace('<base /></inbound>', '<base /><set-header name="x" exists-action="override"><value>@(context.Request.Method +)</value></set-header></inbound>') }));
  assert.match(withExpression.stderr, /parser loaded: true/);
  const codes = (JSON.parse(withExpression.stdout) as Array<{ code: string }>).map(d => d.code);
  assert.ok(codes.includes('expr-syntax'), `the expression is checked: ${codes.join(', ')}`);
});

test('the CLI and server bundles are Latin-1: one character past it makes V8 hold and scan the whole source as two-byte text at every start', () => {
  for (const bundle of ['cli.js', 'cliMain.js', 'server.js', 'serverMain.js']) {
    const source = fs.readFileSync(path.join(path.dirname(cli), bundle), 'utf8');
    const at = source.search(/[^\u0000-\u00ff]/);
    assert.equal(at, -1, `${bundle}: '${source.charAt(at)}' at ${at}, in: ${source.substring(at - 60, at + 20)}`);
  }
});

test('a large policy named on the command line (read ahead while the bundle loads, its rows in the read buffer) gets what the bundle alone reports', () => {
  const block = (i: number) => `<set-header name="h${i}" exists-action="override"><value>@(context.Request.Headers.GetValueOrDefault("a${i}", ""))</value></set-header>`;
  const policy = `<policies><inbound><base />${Array.from({ length: 2500 }, (_, i) => block(i)).join('\n')}<set-headr name="x" /></inbound><backend><base /></backend><outbound><base /></outbound></policies>`;
  const dir = makeTree({ 'apis/a/policy.xml': policy });
  const file = path.join(dir, 'apis/a/policy.xml');
  const entry = runCli(['check', '--format', 'json', file]);
  // the bundle run as a plain script: no read ahead, no code cache, its own read
  const plain = spawnSync(process.execPath, [path.join(path.dirname(cli), 'cliMain.js'), 'check', '--format', 'json', file], { encoding: 'utf8' });
  assert.equal(entry.code, 1, entry.stderr);
  assert.equal(plain.status, 1, plain.stderr);
  assert.equal(entry.stdout, plain.stdout);
  const codes = (JSON.parse(entry.stdout) as Array<{ code: string }>).map(d => d.code);
  assert.ok(codes.includes('unknown-element') && codes.includes('document-too-large'), codes.join(', '));
});
