/**
 * `npm run bench`: the budgets of DESIGN.md and issue 18, measured (never asserted in tests).
 *  1. XML-level diagnostics vs fast-xml-parser's XMLValidator on a generated 8 MB policy: in this
 *     process (CPU time), and as whole processes (`apim-policy check --format json` against a node
 *     process running XMLValidator), in interleaved pairs; and the memory the tree keeps.
 *  2. Completion and hover p50/p99 through the server on a 10,000-line policy.
 *  3. Server start to first diagnostics.
 *  4. Diagnostics of a 250 KB policy in the server: the first publish (XML and structure) and the
 *     complete one (the C# checks of every expression: each is distinct, so none is cached), right
 *     after start and once the server has warmed up; and an edit of it, warm. Three variants: the
 *     expressions differ in their strings; each has a shape of its own; and the first with a code
 *     block in every tenth group (code blocks always wait for the C# parser).
 *  5. VSIX size, when one was built.
 *  6. Scale: a generated APIOps repository of 5,000 corpus policies (scaleRepo.ts, in a temp
 *     folder): `apim-policy check` on it (whole process), and the server's workspace diagnostics
 *     from start until all are published, its memory (VmRSS / VmHWM), and completion latency in
 *     an open policy while the checks run; `--runs=N` sets its runs (3 by default).
 * `--only=ratio,memory,completion,start,quarter,vsix,scale` runs only those parts (`start` includes the CLI's start with and without the code cache). Each figure is the
 * min and the median of interleaved runs: on a shared machine the min is the steadier one.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
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
function block(i: number, ownShape = false, codeBlock = false): string {
  const n = (op: string) => (ownShape ? ` ${op} ${i}` : '');
  // a code block (never plain: the parser checks it) in every tenth group
  const body = codeBlock && i % 10 === 0
    ? `\n\t\t<set-body>@{ var b = context.Request.Body.As&lt;JObject&gt;(preserveContent: true); b[&quot;seq&quot;] = ${i}; return b.ToString(); }</set-body>`
    : '';
  return `${body}
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

function policyOfSize(bytes: number, ownShapes = false, codeBlocks = false): string {
  const parts = ['<policies>\n\t<inbound>\n\t\t<base />'];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const b = block(i, ownShapes, codeBlocks);
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

/** `min / median` of a list of figures (ms unless told). */
function minMed(xs: number[], unit = 'ms'): string {
  return `${fmt(Math.min(...xs))} / ${fmt(median(xs))} ${unit}`;
}

const only = (process.argv.find(a => a.startsWith('--only='))?.substring('--only='.length).split(',')) ?? undefined;
const wanted = (part: string) => !only || only.includes(part);

const root = path.resolve(__dirname, '../../..');
const cpuReport = path.resolve(__dirname, 'cpuReport.js');

interface ProcessRun {
  wall: number;
  cpu: number;
  maxRssMb: number;
}

/** Runs `node args…` with cpuReport.js preloaded (and `env` over this process's); its wall time, CPU time and peak memory. */
function runNode(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--require', cpuReport, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', d => { err += String(d); });
    child.on('error', reject);
    child.on('exit', () => {
      const wall = performance.now() - t0;
      const m = /cpu-report (\S+) (\S+)/.exec(err);
      if (!m) return reject(new Error(`no CPU report from node ${args.join(' ')}: ${err}`));
      resolve({ wall, cpu: Number(m[1]), maxRssMb: Number(m[2]) });
    });
  });
}

/** CPU times of our XML-level diagnostics and of XMLValidator on `text`, taking turns 7 times. */
function againstValidator(text: string): { ours: number[]; theirs: number[] } {
  const document = TextDocument.create('file:///bench/apis/a/policy.xml', 'apim-policy', 1, text);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < 7; i++) {
    theirs.push(time(() => XMLValidator.validate(text)));
    ours.push(time(() => service.doValidation(document)));
  }
  return { ours, theirs };
}

type Row = [string, string, string, string];

/**
 * The 8 MB policy as a user meets it: `apim-policy check --format json FILE` against a node process
 * that reads the file and runs XMLValidator, in 7 interleaved pairs (both start node and read the file).
 */
async function wholeProcessRatio(file: string, mb: number): Promise<Row[]> {
  const ours: ProcessRun[] = [];
  const theirs: ProcessRun[] = [];
  const validator = `require('fast-xml-parser').XMLValidator.validate(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`;
  // an untimed start first: it writes the code cache when a build has just removed it (see codeStart)
  await runNode([path.join(root, 'dist/cli.js'), '--version']);
  for (let i = 0; i < 7; i++) {
    theirs.push(await runNode(['-e', validator]));
    ours.push(await runNode([path.join(root, 'dist/cli.js'), 'check', '--format', 'json', file]));
  }
  const ratio = (pick: (r: ProcessRun) => number) => {
    const rs = ours.map((o, i) => pick(o) / pick(theirs[i]));
    return `${Math.min(...rs).toFixed(2)} / ${median(rs).toFixed(2)}`;
  };
  return [
    [`8 MB ratio, whole process: check --format json vs node + XMLValidator, ${mb.toFixed(1)} MB (min / median of 7 pairs)`,
      `wall ${minMed(ours.map(r => r.wall))}, CPU ${minMed(ours.map(r => r.cpu))}, peak ${Math.max(...ours.map(r => r.maxRssMb)).toFixed(0)} MB`,
      `XMLValidator wall ${minMed(theirs.map(r => r.wall))}, CPU ${minMed(theirs.map(r => r.cpu))}, peak ${Math.max(...theirs.map(r => r.maxRssMb)).toFixed(0)} MB; ratio wall ${ratio(r => r.wall)}, CPU ${ratio(r => r.cpu)}`,
      'ratio <= 1.0'],
  ];
}

/**
 * What the code cache (server/src/node/codeCache.ts) does for a CLI start: `check --format json` of
 * a small policy without expressions, 9 interleaved rounds of the first start after a build (it writes the cache), a
 * start with the cache, and one with it turned off.
 */
async function codeStart(): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-bench-start-'));
  const file = path.join(dir, 'policy.xml');
  // no expression: the C# parser's load (some 150 ms, and as noisy) would hide what the start costs
  fs.writeFileSync(file, '<policies>\n\t<inbound>\n\t\t<base />\n\t\t<set-header name="x-api" exists-action="override">\n\t\t\t<value>orders</value>\n\t\t</set-header>\n\t</inbound>\n\t<backend>\n\t\t<base />\n\t</backend>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n\t<on-error>\n\t\t<base />\n\t</on-error>\n</policies>\n');
  const cache = path.join(root, 'dist/cliMain.js.v8cache');
  const args = [path.join(root, 'dist/cli.js'), 'check', '--format', 'json', file];
  const first: number[] = [];
  const cached: number[] = [];
  const off: number[] = [];
  try {
    for (let i = 0; i < 9; i++) {
      fs.rmSync(cache, { force: true });
      first.push((await runNode(args)).wall);
      cached.push((await runNode(args)).wall);
      off.push((await runNode(args, { APIM_POLICY_CODE_CACHE: 'off' })).wall);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return [['CLI start: check --format json of a small policy without expressions, whole process (min / median of 9 rounds)', `with the code cache ${minMed(cached)}`, `the first start after a build (writes it) ${minMed(first)}; without it (APIM_POLICY_CODE_CACHE=off) ${minMed(off)}`, '']];
}

/** The memory the tree and the diagnostics of the 8 MB policy keep, after a full GC (a child process with --expose-gc). */
async function memoryKept(file: string): Promise<Row[]> {
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', __filename, '--memory-child', file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', d => { text += String(d); });
    child.on('error', reject);
    child.on('exit', () => resolve(text));
  });
  const r = JSON.parse(out) as { kept: number; chars: number };
  return [['Memory kept by the parsed and checked 8 MB policy (heap and array buffers after a full GC, text excluded)', `${(r.kept / 1048576).toFixed(1)} MB: ${(r.kept / r.chars).toFixed(2)}× the text`, '', '< 3× the text']];
}

/** In the --memory-child process: parse and check `file`, keep the result, and print what it holds. */
function memoryChild(file: string): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const text = fs.readFileSync(file, 'utf8');
  const document = TextDocument.create('file:///bench/apis/a/policy.xml', 'apim-policy', 1, text);
  const checker = getLanguageService();
  gc();
  gc();
  // the heap and the typed arrays' buffers (the parsed tree keeps its columns in those, outside the heap)
  const used = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
  const before = used();
  const doc = checker.parse(document);
  const diagnostics = checker.doValidation(document, doc);
  gc();
  gc();
  const kept = used() - before;
  process.stdout.write(JSON.stringify({ kept, chars: text.length, held: [doc.roots.length, diagnostics.length] }));
}

/**
 * Start to first diagnostics (a small policy), then a 250 KB policy opened right after start and
 * once the server has warmed up: its first publish (XML, structure) and the complete one (C#
 * checks); then an edit of one of its values, warm (one publish). Five rounds of each, interleaved.
 */
async function serverFigures(): Promise<Row[]> {
  const rows: Row[] = [];
  const small = fs.readFileSync(path.resolve(root, 'examples/apis/orders/operations/create-order/policy.xml'), 'utf8');
  const starts: number[] = [];
  let warmUpLine = '';
  for (const variant of ['strings', 'shapes', 'blocks'] as const) {
    const ownShapes = variant === 'shapes';
    const quarter = policyOfSize(250 * 1024, ownShapes, variant === 'blocks');
    const first = { warmed: [] as number[], atOnce: [] as number[] };
    const complete = { warmed: [] as number[], atOnce: [] as number[] };
    const edits: number[] = [];
    for (let i = 0; i < 5; i++) {
      for (const wait of [true, false]) {
        const t0 = performance.now();
        const c = await startClient();
        c.open('file:///bench/apis/a/policy.xml', small, 1);
        await c.diagnostics('file:///bench/apis/a/policy.xml', 1);
        if (!wait) starts.push(performance.now() - t0);
        if (wait) warmUpLine = await c.waitForLog(/^Warmed up in /, 60_000);
        const uri = 'file:///bench/apis/b/policy.xml';
        const t1 = performance.now();
        c.open(uri, quarter, 1);
        await c.diagnostics(uri, 1, 30_000);
        (wait ? first.warmed : first.atOnce).push(performance.now() - t1);
        // every expression is new: the C# checks come in a second publish
        const published = await c.diagnostics(uri, 1, 30_000);
        (wait ? complete.warmed : complete.atOnce).push(performance.now() - t1);
        if (published.diagnostics.some(d => d.severity === 1)) throw new Error('the generated policy has errors');
        if (wait) {
          const edited = quarter.replace('name="v7"', 'name="v7b"');
          const t2 = performance.now();
          c.change(uri, edited, 2);
          await c.diagnostics(uri, 2, 30_000);
          // the change is debounced (150 ms) before it is checked: that wait is not the check's
          edits.push(performance.now() - t2 - 150);
        }
        await c.close();
      }
    }
    const expressions = parsePolicy(quarter).expressions;
    const distinct = new Set(expressions.map(e => quarter.substring(e.start, e.end))).size;
    const kind = { strings: 'differing in their strings', shapes: 'each of its own shape', blocks: 'differing in their strings, a code block in every tenth group' }[variant];
    const what = `${Math.round(Buffer.byteLength(quarter) / 1024)} KB policy, ${distinct} distinct expressions ${kind}`;
    rows.push([`${what}, opened right after start: first diagnostics / complete (min / median of 5)`, `${minMed(first.atOnce)} / ${minMed(complete.atOnce)}`, '', '< 100 ms / < 200 ms']);
    rows.push([`${what}, opened once the server has warmed up: first / complete`, `${minMed(first.warmed)} / ${minMed(complete.warmed)}`, '', '< 100 ms / < 200 ms']);
    rows.push([`${what}, an edit once it is checked (warm; the 150 ms debounce left out)`, minMed(edits), '', '']);
  }
  rows.push(['Server start to first diagnostics (min / median of 10)', minMed(starts), warmUpLine, '< 300 ms']);
  return rows;
}

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
  /** The same completion once the pass is over: what it costs on this machine at this load without the pass. */
  idle: number[];
  /** The load average (1 min) when the pass ended. */
  load: number;
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
    const load = os.loadavg()[0];
    // the same requests, paced the same, once the pass is over
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) {
      const c0 = performance.now();
      await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
      idle.push(performance.now() - c0);
      await new Promise(resolve => setTimeout(resolve, 5));
    }
    if (process.env.BENCH_DEBUG) console.error(`completion once the pass is over: p50 ${fmt(percentile(idle, 50))} ms, p99 ${fmt(percentile(idle, 99))} ms`);
    const m = done.exec(client.logs().find(l => done.test(l))!)!;
    if (process.env.BENCH_DEBUG) console.error(client.logs().filter(l => /slowest|longest|indexed|Warmed|parser/.test(l)).join('\n'));
    rssMax = Math.max(rssMax, procMb(pid, 'VmRSS'));
    return { total, pass: Number(m[2]), files: Number(m[1]), index, rssMax, hwm: procMb(pid, 'VmHWM'), cpu: procCpuMs(pid), completions, idle, load };
  } finally {
    clearInterval(sampler);
    await client.close();
  }
}


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
    rows.push(['Server resident memory during that run (VmRSS, sampled every 50 ms)', `max ${minMed(server.map(r => r.rssMax), 'MB')} (min / median)`, `VmHWM ${minMed(server.map(r => r.hwm), 'MB')}`, '< 300 MB']);
    const over = all.filter(ms => ms > 10).length;
    rows.push([`Completion in an open policy while the workspace is checked (${all.length} requests over the whole pass, ${over} over 10 ms)`, `p50 ${fmt(percentile(all, 50))} ms, p99 ${fmt(percentile(all, 99))} ms`,
      `p99 per run ${server.map(r => fmt(percentile(warm(r), 99))).join(', ')} ms; load average ${server.map(r => r.load.toFixed(1)).join(', ')} at the end of each pass`, 'p99 < 10 ms']);
    const idle = server.flatMap(r => r.idle.slice(3));
    rows.push([`The same completion once the pass is over (${idle.length} requests): the floor at this load`, `p50 ${fmt(percentile(idle, 50))} ms, p99 ${fmt(percentile(idle, 99))} ms`,
      `p99 per run ${server.map(r => fmt(percentile(r.idle.slice(3), 99))).join(', ')} ms`, '']);
  } finally {
    repo.dispose();
  }
  return rows;
}


async function main(): Promise<void> {
  const memoryArg = process.argv.indexOf('--memory-child');
  if (memoryArg >= 0) return memoryChild(process.argv[memoryArg + 1]);
  const rows: Row[] = [];

  // 1. throughput against XMLValidator; then the same policy without {{named values}} (once, the
  // search for them went to the end of the document from every value)
  const big = policyOfSize(8 * 1024 * 1024);
  const mb = Buffer.byteLength(big) / (1024 * 1024);
  const bigFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'apim-bench-')), 'policy.xml');
  if (wanted('ratio') || wanted('memory')) {
    const strictOk = XMLValidator.validate(big);
    if (strictOk !== true) throw new Error(`generated policy is not valid XML: ${JSON.stringify(strictOk)}`);
    fs.writeFileSync(bigFile, big);
  }
  if (wanted('ratio')) {
    const withNamedValues = againstValidator(big);
    const ratios = withNamedValues.ours.map((o, i) => o / withNamedValues.theirs[i]);
    rows.push([`XML-level diagnostics in process, ${mb.toFixed(1)} MB policy (CPU time, min / median of 7 pairs)`, `${minMed(withNamedValues.ours)} (${fmt(mb / (median(withNamedValues.ours) / 1000))} MB/s)`, `XMLValidator ${minMed(withNamedValues.theirs)}; ratio ${Math.min(...ratios).toFixed(2)} / ${median(ratios).toFixed(2)}`, 'ratio <= 1.0']);
    const plain = againstValidator(big.replace(/\{\{(header-value-\d)\}\}/g, '$1'));
    rows.push(['XML-level diagnostics in process, the same policy without named values', minMed(plain.ours), `XMLValidator ${minMed(plain.theirs)}; ratio ${(median(plain.ours) / median(plain.theirs)).toFixed(2)}`, 'ratio <= 1.0']);
    rows.push(...await wholeProcessRatio(bigFile, mb));
  }
  if (wanted('memory')) rows.push(...await memoryKept(bigFile));
  fs.rmSync(path.dirname(bigFile), { recursive: true, force: true });

  // 2. completion and hover through the server on 10,000 lines
  if (wanted('completion')) {
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
  }

  // 3. start to first diagnostics; 4. a 250 KB policy, first phase and complete
  if (wanted('start') || wanted('quarter')) rows.push(...await serverFigures());
  if (wanted('start')) rows.push(...await codeStart());

  // 5. package size
  if (wanted('vsix')) {
    const vsix = path.resolve(root, 'apim-policy-flow-auth.vsix');
    if (fs.existsSync(vsix)) rows.push(['VSIX size', `${(fs.statSync(vsix).size / (1024 * 1024)).toFixed(2)} MB`, '', '< 3 MB']);
    else rows.push(['VSIX size', 'not built (run npm run package)', '', '< 3 MB']);
  }

  // 6. the 5,000-policy repository
  if (wanted('scale')) rows.push(...await scale(Number(process.argv.find(a => a.startsWith('--runs='))?.slice('--runs='.length) ?? 3)));

  console.log(`node ${process.version}, ${process.platform} ${process.arch}\n`);
  console.log('| measure | result | comparison | budget |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

main().catch(e => {
  console.error(e);
  process.exitCode = 1;
});
