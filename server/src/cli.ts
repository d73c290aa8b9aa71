#!/usr/bin/env node
/**
 * `apim-policy`: the language service on the command line, for CI pipelines.
 *   apim-policy check [paths…] [--format text|json|sarif] [--config apim-flows.json]
 * Exit codes: 0 no error, 1 at least one error, 2 bad usage.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import {
  DIAGNOSTIC_SOURCE, findIacLoads, getLanguageService, loadCSharpParser, MAX_CHECKED_TEXT, tooLargeToCheckMessage,
  type CSharpParser, type IacPolicyLoad, type InspectResult, type LanguageService,
} from './languageService/languageService';
import { createLocator, createUriReader, findPolicyFiles, findServiceRoot, indexCapWarning, readIndexedFiles, reason } from './node/policyFiles';
import { createConfinedReader, isInside, MAX_JWKS_BYTES, readConfined } from './node/confinedFiles';
import { findIacFiles, mayBeIacFile } from './node/iacFiles';

const VERSION = '0.1.0';

type Format = 'text' | 'json' | 'sarif';

interface CheckOptions {
  paths: string[];
  format: Format;
  config?: string;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

class UsageError extends Error {}

const USAGE = `Usage:
  apim-policy check [paths…] [--format text|json|sarif] [--config apim-flows.json]
  apim-policy token [TOKEN|-] [--flow NAME] [--config FILE] [--jwks FILE] [--now ISO] [--clock-skew SECONDS] [--format text|json]
  apim-policy init-flows [folder]
  apim-policy --help | --version

check   Reports problems in APIM policy files. Folders are walked: policy.xml and *.policy.xml
        files, and other .xml files whose root is <policies> or <fragment>; policies embedded in
        Bicep (.bicep), Terraform (.tf) and ARM templates (.json) are reported in those files, and
        the files they load are checked with the loading resource's scope. Default path: .
        Exit codes: 0 no error found, 1 at least one error, 2 bad usage.
token   Decodes a bearer token (argument, or - / nothing for standard input; a leading "Bearer "
        is fine) and runs the checks the chosen flow's trigger would (apim-flows.json: --config,
        else ./apim-flows.json). The signature is checked only with --jwks; keys are never fetched.
        Exit codes: 0 accepted or undecided, 1 rejected, 2 bad input or usage.
init-flows  Prints the apim-flows.json that describes every Power Automate and Logic Apps trigger
        URL of the folder's policies, backends and named values (default: .), with placeholders
        to fill in. Writes nothing: an existing apim-flows.json is printed with the missing flows
        added. Exit codes: 0 printed, 2 bad usage.`;

const SEVERITY_NAME: Record<number, 'error' | 'warning' | 'information' | 'hint'> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
}

/**
 * Splits arguments into `--name value` / `--name=value` options (only the names given) and
 * positional arguments; `--` ends the options. Unknown options are usage errors.
 */
function splitArgs(args: string[], names: readonly string[]): { options: Map<string, string>; positional: string[] } {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.substring(0, eq) : a;
    if (!names.includes(name)) throw new UsageError(`Unknown option '${a}'.`);
    const value = eq > 0 ? a.substring(eq + 1) : args[++i];
    if (value === undefined) throw new UsageError(`${name} needs a value.`);
    options.set(name, value);
  }
  return { options, positional };
}

function parseCheckArgs(args: string[]): CheckOptions {
  const { options, positional } = splitArgs(args, ['--format', '--config']);
  const dash = positional.find(p => p.startsWith('-') && p !== '-');
  if (dash) throw new UsageError(`Unknown option '${dash}'.`);
  const format = options.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`Unknown format '${format}': use text, json or sarif.`);
  const opts: CheckOptions = { paths: positional, format, config: options.get('--config') };
  if (opts.paths.length === 0) opts.paths.push('.');
  return opts;
}

/**
 * Reads a file the user named on the command line (the file itself may be anywhere: the user
 * chose it), as a one-line error when it is not a regular file, too large or missing.
 */
function readFlagFile(flag: string, file: string, maxBytes?: number): string {
  const r = readConfined(file, { maxBytes });
  if (r.ok) return r.text;
  if (r.error === 'not found') throw new InputError(flag === '--config' ? `Config file not found: ${file}` : `${flag} ${file}: file not found`);
  throw new InputError(`${flag} ${file}: ${r.error}`);
}

function check(opts: CheckOptions, csharp: CSharpParser | undefined): CliResult {
  const configText = opts.config === undefined ? undefined : readFlagFile('--config', opts.config);
  const { service, warnings } = serviceOverTrees(opts.paths, opts.config, csharp);
  const index = service.workspace;
  if (opts.config !== undefined && configText !== undefined) {
    // an explicit config replaces the ones found in the tree
    for (const entry of index.flowConfigs()) index.remove(entry.uri);
    index.addFlowConfig(URI.file(path.resolve(opts.config)).toString(), configText);
  }
  // Bicep, Terraform and ARM templates: their policies are reported in them, and the policy files
  // they load are checked with the loading resource's scope
  const hosts = findIacFiles(opts.paths);
  const hostFiles = new Set(hosts.map(h => path.resolve(h.file)));
  const { files, unreadable } = findPolicyFiles(opts.paths.filter(p => !(mayBeIacFile(p) && hostFiles.has(path.resolve(p)))));
  const loads = new Map<string, IacPolicyLoad>();
  for (const h of hosts) for (const load of findIacLoads(h.uri, h.text)) if (!loads.has(load.uri)) loads.set(load.uri, load);
  const walked = new Set(files.map(f => URI.file(path.resolve(f)).toString()));
  // a file an IaC resource loads is read only inside the folders being checked, like a definition
  const loadedOnly = new Set<string>();
  for (const uri of loads.keys()) {
    const fsPath = URI.parse(uri).fsPath;
    if (walked.has(uri) || !fs.existsSync(fsPath)) continue;
    const file = path.relative(process.cwd(), fsPath) || fsPath;
    files.push(file);
    loadedOnly.add(file);
  }
  const readLoaded = createConfinedReader({ roots: checkedFolders(opts.paths), rootName: 'the checked folders', maxBytes: MAX_CHECKED_TEXT });
  const reports: FileReport[] = [];
  for (const h of hosts) {
    reports.push({ file: h.file, diagnostics: service.validateHostFile(TextDocument.create(h.uri, 'iac', 1, h.text)) });
  }
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const unreadableReport = (file: string, why: string): FileReport =>
    ({ file, diagnostics: [{ range: zero, severity: DiagnosticSeverity.Error, code: 'file-unreadable', message: `Cannot read: ${why}`, source: DIAGNOSTIC_SOURCE }] });
  for (const u of unreadable) reports.push(unreadableReport(u.file, u.reason));
  for (const file of files) {
    // past the parse ceiling the file is not even read: the service would skip it anyway
    const size = fileSize(file);
    if (size !== undefined && size > MAX_CHECKED_TEXT) {
      reports.push({ file, diagnostics: [{ range: zero, severity: DiagnosticSeverity.Error, code: 'document-too-large', message: tooLargeToCheckMessage(size), source: DIAGNOSTIC_SOURCE }] });
      continue;
    }
    const read = loadedOnly.has(file) ? readLoaded(file) : readConfined(file, { maxBytes: MAX_CHECKED_TEXT });
    if (!read.ok) {
      reports.push(unreadableReport(file, read.error));
      continue;
    }
    const uri = URI.file(path.resolve(file)).toString();
    const document = TextDocument.create(uri, 'apim-policy', 1, read.text);
    const load = loads.get(uri);
    reports.push({ file, diagnostics: load ? service.validateLoadedPolicy(document, load) : service.doValidation(document) });
  }
  reports.push(...configReports(service, opts));
  const all = reports.flatMap(r => r.diagnostics);
  const errors = all.filter(d => d.severity === DiagnosticSeverity.Error).length;
  const stdout = opts.format === 'json' ? formatJson(reports) : opts.format === 'sarif' ? formatSarif(reports) : formatText(reports, files.length + hosts.length);
  return { code: errors > 0 ? 1 : 0, stdout, stderr: warnings.map(w => `apim-policy: warning: ${w}\n`).join('') };
}

function fileSize(file: string): number | undefined {
  try {
    return fs.statSync(file).size;
  } catch {
    return undefined;
  }
}

/** The folders the CLI checks: each folder given, and the folder of each file given. */
function checkedFolders(paths: string[]): string[] {
  return paths.map(p => {
    try {
      return fs.statSync(p).isDirectory() ? path.resolve(p) : path.dirname(path.resolve(p));
    } catch {
      return path.dirname(path.resolve(p));
    }
  });
}

/**
 * Problems of the flow configs and the definition files they read, one report a file: the files
 * inside the checked paths (checking `iac/` says nothing about `flows/`), all of them with --config.
 */
function configReports(service: LanguageService, opts: CheckOptions): FileReport[] {
  const checked = opts.paths.map(p => path.resolve(p));
  const inChecked = (fsPath: string) => opts.config !== undefined || checked.some(c => fsPath === c || isInside(fsPath, c));
  return [...service.flowConfigDiagnostics()]
    .filter(([uri, diagnostics]) => diagnostics.length > 0 && inChecked(URI.parse(uri).fsPath))
    .map(([uri, diagnostics]) => {
      const fsPath = URI.parse(uri).fsPath;
      return { file: path.relative(process.cwd(), fsPath) || fsPath, diagnostics };
    });
}

/**
 * The folders whose files the index reads: the APIOps service each checked path belongs to (the
 * nearest ancestor that is one), and each folder named on the command line. A file outside any
 * APIOps tree adds nothing: the folder around it may be a home or temp folder of unrelated files
 * (FIFOs and devices among them), and a flow config found there is not this file's.
 */
function indexedFolders(paths: string[]): string[] {
  const folders = new Set<string>();
  for (const p of paths) {
    let isFolder: boolean;
    try {
      isFolder = fs.statSync(p).isDirectory();
    } catch {
      continue;
    }
    const dir = isFolder ? path.resolve(p) : path.dirname(path.resolve(p));
    const root = findServiceRoot(dir);
    // a service folder above the checked one holds the names its policies use
    if (root && isInside(dir, root)) folders.add(root);
    else if (isFolder) folders.add(dir);
  }
  return [...folders];
}

/**
 * The language service over the APIOps trees of the checked paths. The folders indexed are the
 * CLI's workspace: a definition file a config names must be inside one of them (or inside the
 * folder of the `--config` file).
 */
function serviceOverTrees(paths: string[], config: string | undefined, csharp: CSharpParser | undefined): { service: LanguageService; warnings: string[] } {
  const folders = indexedFolders(paths);
  const sorted = [...folders].sort((a, b) => a.length - b.length);
  const unique = sorted.filter((f, i) => !sorted.slice(0, i).some(o => f.startsWith(o + path.sep)));
  const roots = config === undefined ? unique : [...unique, path.dirname(path.resolve(config))];
  const service = getLanguageService({ locate: createLocator(), readFile: createUriReader(roots, 'the checked folders'), csharp });
  const warnings: string[] = [];
  for (const folder of unique) {
    const read = readIndexedFiles(folder);
    for (const f of read.files) service.workspace.update(URI.file(f.path).toString(), f.text);
    for (const s of read.skipped) warnings.push(`not indexed: ${s.path}: ${s.reason}`);
    if (read.capped) warnings.push(indexCapWarning(folder, read.capped));
  }
  return { service, warnings };
}

function formatText(reports: FileReport[], fileCount: number): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const sev = SEVERITY_NAME[d.severity ?? DiagnosticSeverity.Error];
      counts[sev]++;
      lines.push(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${sev} [${d.code}] ${d.message}`);
    }
  }
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  lines.push(`${plural(fileCount, 'file')} checked: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information.`);
  return lines.join('\n') + '\n';
}

function formatJson(reports: FileReport[]): string {
  const out = reports.flatMap(r => r.diagnostics.map(d => ({
    file: r.file,
    range: d.range,
    severity: SEVERITY_NAME[d.severity ?? DiagnosticSeverity.Error],
    code: String(d.code ?? ''),
    message: d.message,
  })));
  return JSON.stringify(out, null, 2) + '\n';
}

function formatSarif(reports: FileReport[]): string {
  const ruleIds = [...new Set(reports.flatMap(r => r.diagnostics.map(d => String(d.code ?? ''))))].sort();
  const level = (s: DiagnosticSeverity | undefined) => (s === DiagnosticSeverity.Error ? 'error' : s === DiagnosticSeverity.Warning ? 'warning' : 'note');
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'apim-policy', version: VERSION, informationUri: 'https://learn.microsoft.com/azure/api-management/api-management-policies', rules: ruleIds.map(id => ({ id })) } },
      results: reports.flatMap(r => r.diagnostics.map(d => ({
        ruleId: String(d.code ?? ''),
        level: level(d.severity),
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: r.file.split(path.sep).map(encodeURIComponent).join('/') },
            region: {
              startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
            },
          },
        }],
      }))),
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

interface TokenOptions {
  token?: string;
  flow?: string;
  config?: string;
  jwks?: string;
  now?: string;
  clockSkew?: number;
  format: 'text' | 'json';
}

function parseTokenArgs(args: string[]): TokenOptions {
  const { options, positional } = splitArgs(args, ['--flow', '--config', '--jwks', '--now', '--clock-skew', '--format']);
  if (positional.length > 1) throw new UsageError('Give one token.');
  const format = options.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`Unknown format '${format}': use text or json.`);
  const opts: TokenOptions = {
    token: positional[0], flow: options.get('--flow'), config: options.get('--config'), jwks: options.get('--jwks'), now: options.get('--now'), format,
  };
  const skew = options.get('--clock-skew');
  if (skew !== undefined) {
    const v = Number(skew);
    if (!Number.isFinite(v) || v < 0) throw new UsageError('--clock-skew takes a number of seconds.');
    opts.clockSkew = v;
  }
  return opts;
}

function readStdin(): string {
  try {
    return fs.readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

/** A bad token or file: a one-line message and exit code 2, never a stack trace. */
class InputError extends Error {}

async function token(opts: TokenOptions, stdin: () => string): Promise<CliResult> {
  const raw = opts.token === undefined || opts.token === '-' ? stdin() : opts.token;
  let now: Date | undefined;
  if (opts.now !== undefined) {
    now = new Date(opts.now);
    if (Number.isNaN(now.getTime())) throw new UsageError(`--now: not an ISO date-time: ${opts.now}`);
  }
  const configPath = opts.config ?? (fs.existsSync('apim-flows.json') ? 'apim-flows.json' : undefined);
  const configText = configPath === undefined ? undefined : readFlagFile('--config', configPath);
  if (opts.flow !== undefined && (configPath === undefined || configText === undefined)) {
    throw new InputError('--flow needs a flow config: --config FILE, or apim-flows.json in this folder.');
  }
  // what the config names stays inside the config's folder tree
  const service = getLanguageService({ readFile: createUriReader(configPath === undefined ? [] : [path.dirname(path.resolve(configPath))], 'the folder of the config') });
  const configUri = configPath === undefined ? undefined : URI.file(path.resolve(configPath)).toString();
  if (opts.flow !== undefined && configUri !== undefined && configText !== undefined) service.workspace.addFlowConfig(configUri, configText);
  const jwksText = opts.jwks === undefined ? undefined : readFlagFile('--jwks', opts.jwks, MAX_JWKS_BYTES);
  const r = await service.inspectToken(raw, { flow: opts.flow, configUri, jwksText, jwksSource: opts.jwks, now, clockSkewSeconds: opts.clockSkew });
  if (!r.ok) {
    switch (r.problem) {
      case 'token': throw new InputError(r.message);
      case 'flow': throw new InputError(`No flow '${r.flow}' in ${configPath} (flows: ${r.flows.join(', ') || 'none'}).`);
      case 'jwks': throw new InputError(`--jwks ${opts.jwks}: ${r.message}`);
    }
  }
  const stdout = opts.format === 'json' ? tokenJson(r.result) : tokenText(r.result);
  return { code: r.result.verdict === 'rejected' ? 1 : 0, stdout, stderr: '' };
}

function tokenJson(r: InspectResult): string {
  return JSON.stringify({
    header: r.claims.header,
    payload: r.claims.payload,
    verdict: r.verdict,
    checks: r.checks.map(c => ({ id: c.id, title: c.title, status: c.status, expected: c.expected, actual: c.actual, platformError: c.platformError })),
  }, null, 2) + '\n';
}

function tokenText(r: InspectResult): string {
  const e = r.explanation;
  const lines = ['Header'];
  for (const c of e.header) lines.push(`  ${c.name}: ${c.value}`);
  lines.push('Payload');
  for (const c of e.payload) lines.push(`  ${c.name}: ${c.value}${c.utc ? `  (${c.utc})` : ''}`);
  lines.push('', e.versionNote, '');
  lines.push(r.flow ? `Checks of flow '${r.flow}':` : 'Checks (no flow chosen: only the token\'s own):');
  const mark = { pass: 'pass', fail: 'FAIL', warn: 'warn', skip: 'skip' } as const;
  for (const c of r.checks) {
    if (c.id === 'result') continue;
    let line = `  [${mark[c.status]}] ${c.title}${c.outcome && c.status !== 'pass' ? `: ${c.outcome}` : ''}`;
    if (c.status === 'fail' || c.status === 'warn') {
      const values = [c.expected !== undefined ? `expected ${c.expected}` : '', c.actual !== undefined ? `the token has ${c.actual}` : ''].filter(Boolean);
      if (values.length > 0) line += ` (${values.join('; ')})`;
      if (c.platformError) line += ` → ${c.platformError.status} ${c.platformError.code}${c.platformError.confirmed ? '' : ' (unconfirmed)'}`;
    }
    lines.push(line);
  }
  lines.push('', `Verdict: ${r.verdict}${r.unknownReasons?.length ? ` (${r.unknownReasons.join('; ')})` : ''}`);
  return lines.join('\n') + '\n';
}

/** `init-flows`: the scaffolded config on stdout (the VS Code command's text), nothing written. */
function initFlows(args: string[]): CliResult {
  const { positional } = splitArgs(args, []);
  if (positional.length > 1) throw new UsageError('Give one folder.');
  const folder = path.resolve(positional[0] ?? '.');
  let isFolder = false;
  try {
    isFolder = fs.statSync(folder).isDirectory();
  } catch {
    // reported below
  }
  if (!isFolder) throw new UsageError(`Not a folder: ${positional[0] ?? '.'}`);
  const { service, warnings } = serviceOverTrees([folder], undefined, undefined);
  const s = service.scaffoldFlowsConfig(URI.file(folder).toString());
  const where = path.relative(process.cwd(), URI.parse(s.configUri).fsPath) || 'apim-flows.json';
  const notes = warnings.map(w => `apim-policy: ${w}\n`);
  if (s.flows.length === 0 && !s.edit) {
    notes.push(s.exists ? `apim-policy: ${where} already describes every flow URL found.\n` : 'apim-policy: no Power Automate or Logic Apps trigger URL found in the policies, backends or named values.\n');
    return { code: 0, stdout: s.exists ? s.text : '', stderr: notes.join('') };
  }
  notes.push(s.exists
    ? `apim-policy: ${where} exists and was not changed; printed with ${s.flows.length} missing flow(s) added: ${s.flows.join(', ')}.\n`
    : `apim-policy: not written; save as ${where} and fill in the <placeholders>. Flows: ${s.flows.join(', ')}.\n`);
  return { code: 0, stdout: s.text, stderr: notes.join('') };
}

export function runCli(argv: string[]): CliResult | Promise<CliResult> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      return { code: command === undefined ? 2 : 0, stdout: command === undefined ? '' : USAGE + '\n', stderr: command === undefined ? USAGE + '\n' : '' };
    }
    if (command === '--version' || command === '-v') return { code: 0, stdout: VERSION + '\n', stderr: '' };
    if (command === 'check') {
      const opts = parseCheckArgs(rest);
      // the C# parser of policy expressions (WebAssembly) loads asynchronously
      return loadCSharpParser().then(csharp => check(opts, csharp), e => {
        const result = check(opts, undefined);
        return { ...result, stderr: `${result.stderr}apim-policy: policy expressions were not checked: the C# parser did not load (${reason(e)}).\n` };
      }).catch(failure);
    }
    if (command === 'token') return token(parseTokenArgs(rest), readStdin).catch(failure);
    if (command === 'init-flows') return initFlows(rest);
    throw new UsageError(`Unknown command '${command}'.`);
  } catch (e) {
    return failure(e);
  }
}

function failure(e: unknown): CliResult {
  if (e instanceof UsageError) return { code: 2, stdout: '', stderr: `apim-policy: ${e.message}\n${USAGE}\n` };
  if (e instanceof InputError) return { code: 2, stdout: '', stderr: `apim-policy: ${e.message}\n` };
  return { code: 2, stdout: '', stderr: `apim-policy: ${reason(e)}\n` };
}

if (require.main === module) {
  void Promise.resolve()
    .then(() => runCli(process.argv.slice(2)))
    .catch(failure)
    .then(result => {
      if (result.stdout) process.stdout.write(result.stdout);
      if (result.stderr) process.stderr.write(result.stderr);
      process.exitCode = result.code;
    });
}
