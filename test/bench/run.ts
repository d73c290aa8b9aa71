/**
 * `npm run bench`: the budgets of DESIGN.md, measured (never asserted in tests).
 *  1. XML-level diagnostics vs fast-xml-parser's XMLValidator on a generated 8 MB policy.
 *  2. Completion and hover p50/p99 through the server on a 10,000-line policy.
 *  3. Server start to first diagnostics.
 *  4. Full diagnostics of a 250 KB policy, cold, in the server: C# checks of every expression
 *     included, and every expression distinct (the server caches them by text, and parses a shape
 *     once). Measured when the policy is opened once the server has warmed up (it logs when), and
 *     right after start.
 *  5. VSIX size, when one was built.
 *  6. Scale: a generated APIOps repository of 5,000 corpus policies (scaleRepo.ts, in a temp
 *     folder): `apim-policy check` on it (whole process), and the server's workspace diagnostics
 *     from start until all are published, its memory (VmRSS / VmHWM), and completion latency in
 *     an open policy while the checks run.
 * `--only=scale` runs 6 alone; `--runs=N` sets its runs (3 by default).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';
import { URI } from 'vscode-uri';
import { XMLValidator } from 'fast-xml-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList } from 'vscode-languageserver-protocol';
import { getLanguageService } from '../../server/src/languageService/languageService';
import { parsePolicy } from '../../server/src/languageService/parser/policyParser';
import { startClient } from '../util/lspClient';
import { CORPUS } from '../util/corpus';
import { generateScaleRepo, type ScaleRepo } from './scaleRepo';

const service = getLanguageService();

/**
 * One operation-policy worth of statements, in the escaped ("xml") format so a strict parser reads
 * all of it. Every expression differs from those of the other blocks: in its strings, or, with
 * `ownShape`, in a number too, so that no two expressions have the same shape (the server parses
 * a shape once: see syntaxShape.ts).
 */
function block(i: number, ownShape = false): string {
  const n = (op: string) => (ownShape ? ` ${op} ${i}` : '');
  return `
		<set-variable name="v${i}" value="@(context.Request.Headers.GetValueOrDefault(&quot;x-${i}&quot;, &quot;&quot;)${ownShape ? `.PadLeft(${i})` : ''})" />
		<choose>
			<when condition="@(context.Variables.GetValueOrDefault&lt;string&gt;(&quot;v${i}&quot;) == &quot;a&quot; &amp;&amp; context.Request.Method == &quot;POST&quot;${ownShape ? ` &amp;&amp; context.Request.Body.As&lt;string&gt;().Length &gt; ${i}` : ''})">
				<set-header name="x-${i}" exists-action="override">
					<value>{{header-value-${i % 10}}}</value>
				</set-header>
				<rate-limit-by-key calls="10" renewal-period="60" counter-key="@(context.Subscription.Id + &quot;-${i}&quot;${n('+')})" />
			</when>
			<otherwise>
				<set-query-parameter name="q${i}" exists-action="append">
					<value>${i}</value>
				</set-query-parameter>
			</otherwise>
		</choose>`;
}

function policyOfSize(bytes: number, ownShapes = false): string {
  const parts = ['<policies>\n\t<inbound>\n\t\t<base />'];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const b = block(i, ownShapes);
    parts.push(b);
    size += b.length;
  }
  parts.push('\n\t</inbound>\n\t<backend>\n\t\t<base />\n\t</backend>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n</policies>\n');
  return parts.join('');
}

function policyOfLines(lines: number): string {
  const parts = ['<policies>\n\t<inbound>\n\t\t<base />'];
  let n = 3;
  for (let i = 0; n < lines - 8; i++) {
    const b = block(i);
    parts.push(b);
    n += b.split('\n').length - 1;
  }
  parts.push('\n\t</inbound>\n\t<backend>\n\t\t<base />\n\t</backend>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n</policies>\n');
  return parts.join('');
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function percentile(xs: number[], p: number): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/**
 * CPU time of this process in ms (user + system): steadier than wall time on a shared machine,
 * and fair to both sides of a ratio.
 */
function time(fn: () => void): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

function fmt(n: number): string {
  return n < 10 ? n.toFixed(2) : n.toFixed(0);
}

/** Median CPU times of our XML-level diagnostics and of XMLValidator on `text`, taking turns 7 times. */
function againstValidator(text: string): { ours: number; theirs: number } {
  const document = TextDocument.create('file:///bench/apis/a/policy.xml', 'apim-policy', 1, text);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < 7; i++) {
    theirs.push(time(() => XMLValidator.validate(text)));
    ours.push(time(() => service.doValidation(document)));
  }
  return { ours: median(ours), theirs: median(theirs) };
}

type Row = [string, string, string, string];

/** Wall time of a whole `apim-policy check --format json` process on `folder`, in ms. */
function timeCli(folder: string): Promise<number> {
  const cli = path.resolve(__dirname, '../../../dist/cli.js');
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, 'check', folder, '--format', 'json'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', d => { err += String(d); });
    child.on('error', reject);
    child.on('exit', code => (code === 0 || code === 1 ? resolve(performance.now() - t0) : reject(new Error(`check exited ${code}: ${err}`))));
  });
}

/** A field of /proc/<pid>/status in MB (VmRSS, VmHWM). */
function procMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat. */
function procCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.substring(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in clock ticks (USER_HZ 100)
}

interface ServerRun {
  /** Start of the server process to the end of the workspace pass. */
  total: number;
  /** The server's own figure for the pass (from after indexing to the last publish). */
  pass: number;
  index: number;
  files: number;
  rssMax: number;
  hwm: number;
  cpu: number;
  completions: number[];
}

/** One server over the repository: time to all published, memory, and completions while the checks run. */
async function serverRun(repo: ScaleRepo): Promise<ServerRun> {
  const t0 = performance.now();
  const client = await startClient(URI.file(repo.root).toString());
  const pid = client.process.pid!;
  let rssMax = 0;
  const sampler = setInterval(() => { rssMax = Math.max(rssMax, procMb(pid, 'VmRSS')); }, 50);
  try {
    const ready = await client.waitForLog(/indexed \d+ workspace files in \d+ ms/, 120_000);
    const index = Number(/in (\d+) ms/.exec(ready)![1]);
    // a policy open in the editor while the workspace is checked: completion in it
    const file = path.join(repo.root, 'apis/api-0000/operations/op-0/policy.xml');
    const uri = URI.file(file).toString();
    const text = fs.readFileSync(file, 'utf8');
    client.open(uri, text, 1);
    await client.diagnostics(uri, 1, 60_000);
    const lines = text.split('\n');
    const line = Math.min(2, lines.length - 1);
    const position = { line, character: Math.max(0, lines[line].indexOf('<') + 1) };
    const completions: number[] = [];
    const done = /^Checked (\d+) workspace files in (\d+) ms\.$/;
    while (!client.logs().some(l => done.test(l))) {
      const c0 = performance.now();
      await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
      completions.push(performance.now() - c0);
      await new Promise(resolve => setTimeout(resolve, 5));
    }
    const total = performance.now() - t0;
    const m = done.exec(client.logs().find(l => done.test(l))!)!;
    rssMax = Math.max(rssMax, procMb(pid, 'VmRSS'));
    return { total, pass: Number(m[2]), files: Number(m[1]), index, rssMax, hwm: procMb(pid, 'VmHWM'), cpu: procCpuMs(pid), completions };
  } finally {
    clearInterval(sampler);
    await client.close();
  }
}

const minMed = (xs: number[], unit: string) => `min ${fmt(Math.min(...xs))} ${unit}, median ${fmt(median(xs))} ${unit}`;

/** 6. The 5,000-policy repository. */
async function scale(runs: number): Promise<Row[]> {
  const repo = generateScaleRepo(CORPUS);
  const rows: Row[] = [];
  try {
    const what = `${repo.policies} policies + ${repo.fragments} fragments, ${(repo.bytes / (1024 * 1024)).toFixed(1)} MB`;
    await timeCli(repo.root); // the file system cache warm, as for a repository one works in
    const cli: number[] = [];
    for (let i = 0; i < runs; i++) cli.push(await timeCli(repo.root));
    rows.push([`apim-policy check --format json on a generated APIOps repository (${what}), whole process, ${runs} runs`, minMed(cli, 'ms'), `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`, '< 5 s']);
    const server: ServerRun[] = [];
    for (let i = 0; i < runs; i++) server.push(await serverRun(repo));
    // the first requests after open compile the completion code
    const warm = (r: ServerRun) => r.completions.slice(3);
    const all = server.flatMap(warm);
    rows.push([`Server: start to every workspace file's diagnostics published (${server[0].files} files), ${runs} runs`, minMed(server.map(r => r.total), 'ms'),
      `indexing ${minMed(server.map(r => r.index), 'ms')}; the checks ${minMed(server.map(r => r.pass), 'ms')}; server CPU ${minMed(server.map(r => r.cpu), 'ms')}`, '< 10 s']);
    rows.push(['Server resident memory during that run (VmRSS, sampled every 50 ms)', `max ${minMed(server.map(r => r.rssMax), 'MB')}`, `VmHWM ${minMed(server.map(r => r.hwm), 'MB')}`, '< 300 MB']);
    rows.push([`Completion in an open policy while the workspace is checked (${all.length} requests)`, `p50 ${fmt(percentile(all, 50))} ms, p99 ${fmt(percentile(all, 99))} ms`,
      `p99 per run ${server.map(r => fmt(percentile(warm(r), 99))).join(', ')} ms`, 'p99 < 10 ms']);
  } finally {
    repo.dispose();
  }
  return rows;
}

function print(rows: Row[]): void {
  console.log(`node ${process.version}, ${process.platform} ${process.arch}\n`);
  console.log('| measure | result | comparison | budget |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

async function main(): Promise<void> {
  const only = process.argv.find(a => a.startsWith('--only='))?.slice('--only='.length);
  const runs = Number(process.argv.find(a => a.startsWith('--runs='))?.slice('--runs='.length) ?? 3);
  if (only === 'scale') return print(await scale(runs));
  if (only !== undefined) throw new Error(`--only=${only}: only 'scale' runs alone`);
  const rows: Row[] = [];

  // 1. throughput against XMLValidator; then the same policy without {{named values}} (once, the
  // search for them went to the end of the document from every value)
  const big = policyOfSize(8 * 1024 * 1024);
  const mb = Buffer.byteLength(big) / (1024 * 1024);
  const strictOk = XMLValidator.validate(big);
  if (strictOk !== true) throw new Error(`generated policy is not valid XML: ${JSON.stringify(strictOk)}`);
  const withNamedValues = againstValidator(big);
  rows.push([`XML-level diagnostics, ${mb.toFixed(1)} MB policy (median of 7, CPU time)`, `${fmt(withNamedValues.ours)} ms (${fmt(mb / (withNamedValues.ours / 1000))} MB/s)`, `XMLValidator ${fmt(withNamedValues.theirs)} ms; ratio ${(withNamedValues.ours / withNamedValues.theirs).toFixed(2)}`, 'ratio <= 1.0']);
  const plain = againstValidator(big.replace(/\{\{(header-value-\d)\}\}/g, '$1'));
  rows.push(['XML-level diagnostics, the same policy without named values', `${fmt(plain.ours)} ms`, `XMLValidator ${fmt(plain.theirs)} ms; ratio ${(plain.ours / plain.theirs).toFixed(2)}`, 'ratio <= 1.0']);

  // 2. completion and hover through the server on 10,000 lines
  const tenK = policyOfLines(10_000);
  const client = await startClient();
  try {
    const uri = 'file:///bench/apis/a/operations/o/policy.xml';
    client.open(uri, tenK, 1);
    await client.diagnostics(uri, 1, 60_000);
    const lines = tenK.split('\n');
    const completion: number[] = [];
    const hover: number[] = [];
    for (let i = 0; i < 300; i++) {
      const line = 3 + ((i * 7919) % (lines.length - 12));
      const text = lines[line];
      const character = Math.max(0, text.indexOf('<') + 2);
      let t0 = performance.now();
      await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
      completion.push(performance.now() - t0);
      t0 = performance.now();
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
      hover.push(performance.now() - t0);
    }
    const warm = (xs: number[]) => xs.slice(20);
    rows.push(['Completion through the server, 10,000-line policy (300 requests)', `p50 ${fmt(percentile(warm(completion), 50))} ms, p99 ${fmt(percentile(warm(completion), 99))} ms`, '', 'p99 < 10 ms']);
    rows.push(['Hover through the server, 10,000-line policy (300 requests)', `p50 ${fmt(percentile(warm(hover), 50))} ms, p99 ${fmt(percentile(warm(hover), 99))} ms`, '', 'p99 < 10 ms']);
  } finally {
    await client.close();
  }

  // 3. start to first diagnostics; 4. a 250 KB policy, cold: once the server has warmed up, and
  // right after start. Two policies: expressions that differ in their strings (a few shapes, as
  // in real policies), and expressions that all have their own shape.
  const small = fs.readFileSync(path.resolve(__dirname, '../../../examples/apis/orders/operations/create-order/policy.xml'), 'utf8');
  const starts: number[] = [];
  let warmUpLine = '';
  for (const ownShapes of [false, true]) {
    const quarter = policyOfSize(250 * 1024, ownShapes);
    const warmed: number[] = [];
    const atOnce: number[] = [];
    for (let i = 0; i < 5; i++) {
      for (const wait of [true, false]) {
        const t0 = performance.now();
        const c = await startClient();
        c.open('file:///bench/apis/a/policy.xml', small, 1);
        await c.diagnostics('file:///bench/apis/a/policy.xml', 1);
        if (!wait) starts.push(performance.now() - t0);
        if (wait) warmUpLine = await c.waitForLog(/^Warmed up in /);
        const t1 = performance.now();
        c.open('file:///bench/apis/b/policy.xml', quarter, 1);
        const published = await c.diagnostics('file:///bench/apis/b/policy.xml', 1, 30_000);
        (wait ? warmed : atOnce).push(performance.now() - t1);
        if (published.diagnostics.some(d => d.severity === 1)) throw new Error('the generated policy has errors');
        await c.close();
      }
    }
    const expressions = parsePolicy(quarter).expressions;
    const distinct = new Set(expressions.map(e => quarter.substring(e.start, e.end))).size;
    const what = `Full diagnostics, ${Math.round(Buffer.byteLength(quarter) / 1024)} KB policy, ${distinct} distinct expressions ${ownShapes ? 'each of its own shape' : 'differing in their strings'}, none cached`;
    rows.push([`${what}: opened once the server has warmed up (median of 5)`, `${fmt(median(warmed))} ms`, `${fmt(Math.min(...warmed))}–${fmt(Math.max(...warmed))} ms`, '< 100 ms']);
    rows.push([`${what}: opened right after start (median of 5)`, `${fmt(median(atOnce))} ms`, `${fmt(Math.min(...atOnce))}–${fmt(Math.max(...atOnce))} ms`, '< 100 ms']);
  }
  rows.push(['Server start to first diagnostics (median of 10)', `${fmt(median(starts))} ms`, warmUpLine, '< 300 ms']);

  // 5. package size
  const vsix = path.resolve(__dirname, '../../../apim-policy-flow-auth.vsix');
  if (fs.existsSync(vsix)) rows.push(['VSIX size', `${(fs.statSync(vsix).size / (1024 * 1024)).toFixed(2)} MB`, '', '< 3 MB']);
  else rows.push(['VSIX size', 'not built (run npm run package)', '', '< 3 MB']);

  rows.push(...await scale(runs));
  print(rows);
}

main().catch(e => {
  console.error(e);
  process.exitCode = 1;
});
