/**
 * `apim-policy`: the language service on the command line, for CI pipelines.
 *   apim-policy check [paths…] [--format text|json|sarif] [--config apim-flows.json]
 *   apim-policy mcp [folder]
 *   apim-policy effective <policy.xml|folder> [--product NAME] [--format xml|json]
 * Exit codes: 0 no error, 1 at least one error, 2 bad usage.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import {
  applyRuleSeverities, classifyArtifact, DIAGNOSTIC_SOURCE, findIacLoads, getLanguageService, parseRulesConfig, RULE_CODES, RULE_SEVERITIES, RULES_CONFIG_FILE,
  type RuleSeverities, type RuleSeverity, MAX_CHECKED_TEXT, MAX_EXPRESSIONS_CHECKED_TEXT, tooLargeToCheckMessage,
  type CSharpParser, type IacPolicyLoad, type InspectResult, type LanguageService,
} from './languageService/languageService';
import { createLocator, createUriReader, findPolicyFiles, findServiceRoot, indexCapWarning, readIndexedFiles, reason } from './node/policyFiles';
import { createConfinedReader, isInside, MAX_JWKS_BYTES, readConfined } from './node/confinedFiles';
import { findIacFiles, mayBeIacFile } from './node/iacFiles';
import { AgentToolInputError, diagnosticJson } from './agentTools';
import { serveMcp } from './mcpServer';
import { loadExpressionParser, mayHoldExpression } from './node/expressionParser';
import type { ReadAhead } from './node/readAhead';

const VERSION = '0.1.0';

type Format = 'text' | 'json' | 'sarif';

interface CheckOptions {
  paths: string[];
  format: Format;
  config?: string;
  /** `--rule code=severity`, in the order given (a later one wins). */
  rules: Array<[string, RuleSeverity]>;
  rulesConfig?: string;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

class UsageError extends Error {}

const USAGE = `Usage:
  apim-policy check [paths…] [--format text|json|sarif] [--config apim-flows.json]
                    [--rule CODE=SEVERITY]… [--rules-config FILE]
  apim-policy effective <policy.xml|folder> [--product NAME] [--format xml|json]
  apim-policy token [TOKEN|-] [--flow NAME] [--config FILE] [--jwks FILE] [--now ISO] [--clock-skew SECONDS] [--format text|json]
  apim-policy init-flows [folder]
  apim-policy mcp [folder]
  apim-policy --help | --version

check   Reports problems in APIM policy files. Folders are walked: policy.xml and *.policy.xml
        files, and other .xml files whose root is <policies> or <fragment>; policies embedded in
        Bicep (.bicep), Terraform (.tf) and ARM templates (.json) are reported in those files, and
        the files they load are checked with the loading resource's scope. Default path: .
        --rule CODE=SEVERITY (repeatable) sets a rule's severity: error, warning, information,
        hint or off; over the rules of --rules-config FILE, else of .apim-policy.json at the root
        of the first checked folder that has one ({"rules": {"flow-app-only": "off"}}).
        Exit codes: 0 no error found, 1 at least one error, 2 bad usage.
effective
        Prints the policy APIM runs for an operation, API or product policy of an APIOps tree
        (a policy.xml, or the folder that holds it): global → product → API → operation joined
        through <base />, fragments pasted where they are included, each statement under a comment
        naming its file. --product picks the product when the API is in several (default: the
        first by name). --format json lists the statements in execution order with
        { name, section, scope, file, range } (0-based lines and characters).
        Exit codes: 0 printed, 2 bad usage or not a policy of an APIOps tree.
token   Decodes a bearer token (argument, or - / nothing for standard input; a leading "Bearer "
        is fine) and runs the checks the chosen flow's trigger would (apim-flows.json: --config,
        else ./apim-flows.json). The signature is checked only with --jwks; keys are never fetched.
        Exit codes: 0 accepted or undecided, 1 rejected, 2 bad input or usage.
mcp     Serves the agent tools (apim_check_policy, apim_effective_policy, apim_simulate_flow,
        apim_policy_reference) over the Model Context Protocol on standard input and output, for coding agents. Confined to
        the folder given (default: the current folder): no tool reads a file outside it, and
        none takes or returns a bearer token.
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
function splitArgs(args: string[], names: readonly string[], repeated: Map<string, string[]> = new Map()): { options: Map<string, string>; positional: string[] } {
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
    repeated.set(name, [...(repeated.get(name) ?? []), value]);
  }
  return { options, positional };
}

function parseCheckArgs(args: string[]): CheckOptions {
  const all = new Map<string, string[]>();
  const { options, positional } = splitArgs(args, ['--format', '--config', '--rule', '--rules-config'], all);
  const dash = positional.find(p => p.startsWith('-') && p !== '-');
  if (dash) throw new UsageError(`Unknown option '${dash}'.`);
  const format = options.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`Unknown format '${format}': use text, json or sarif.`);
  const rules = (all.get('--rule') ?? []).map((r): [string, RuleSeverity] => {
    const eq = r.indexOf('=');
    const code = r.substring(0, eq).trim();
    const severity = r.substring(eq + 1).trim();
    if (eq <= 0 || !code) throw new UsageError(`--rule ${r}: write CODE=SEVERITY, for example --rule flow-app-only=off.`);
    if (!(RULE_SEVERITIES as readonly string[]).includes(severity)) throw new UsageError(`--rule ${r}: '${severity}' is not one of ${RULE_SEVERITIES.join(', ')}.`);
    return [code, severity as RuleSeverity];
  });
  const opts: CheckOptions = { paths: positional, format, config: options.get('--config'), rules, rulesConfig: options.get('--rules-config') };
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

/**
 * The rule severities of a check: `--rules-config FILE`, else `.apim-policy.json` at the root of
 * the first checked folder that has one (read like the checked files, confined to those folders),
 * then each `--rule`. Content that cannot be meant is an InputError; unknown codes are warnings.
 */
function ruleSeverities(opts: CheckOptions, warnings: string[]): RuleSeverities {
  let file = opts.rulesConfig;
  let text: string | undefined;
  if (file !== undefined) text = readFlagFile('--rules-config', file, MAX_JWKS_BYTES);
  else {
    const readInFolders = createConfinedReader({ roots: checkedFolders(opts.paths), rootName: 'the checked folders', maxBytes: MAX_JWKS_BYTES });
    for (const folder of checkedFolders(opts.paths)) {
      const candidate = path.join(folder, RULES_CONFIG_FILE);
      if (!fs.existsSync(candidate)) continue;
      const read = readInFolders(candidate);
      file = path.relative(process.cwd(), candidate) || candidate;
      if (!read.ok) throw new InputError(`${file}: ${read.error}`);
      text = read.text;
      break;
    }
  }
  const rules: Record<string, RuleSeverity> = {};
  if (text !== undefined) {
    const parsed = parseRulesConfig(text);
    if (!parsed.ok) throw new InputError(`${file}: ${parsed.error}.`);
    Object.assign(rules, parsed.reading.rules);
    for (const code of parsed.reading.unknownCodes) warnings.push(`${file}: '${code}' is not a rule code (see the README's rule table).`);
  }
  for (const [code, severity] of opts.rules) {
    if (!RULE_CODES.includes(code)) warnings.push(`--rule ${code}: not a rule code (see the README's rule table).`);
    rules[code] = severity;
  }
  return rules;
}

async function check(opts: CheckOptions, ahead?: ReadAhead): Promise<CliResult> {
  const unread = ahead && new Map(ahead);
  const configText = opts.config === undefined ? undefined : readFlagFile('--config', opts.config);
  const ruleWarnings: string[] = [];
  const rules = ruleSeverities(opts, ruleWarnings);
  const settings = { rules };
  // the C# parser of policy expressions (WebAssembly) is loaded by the first file that has one
  let notLoaded: unknown;
  const csharp = () => loadExpressionParser(e => { notLoaded = e; });
  const { service, warnings } = serviceOverTrees(opts.paths, opts.config, csharp);
  warnings.unshift(...ruleWarnings);
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
    if (mayHoldExpression(h.text)) await service.ready;
    reports.push({ file: h.file, diagnostics: service.validateHostFile(TextDocument.create(h.uri, 'iac', 1, h.text), settings) });
  }
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const unreadableReport = (file: string, why: string): FileReport =>
    ({ file, diagnostics: applyRuleSeverities([{ range: zero, severity: DiagnosticSeverity.Error, code: 'file-unreadable', message: `Cannot read: ${why}`, source: DIAGNOSTIC_SOURCE }], rules) });
  for (const u of unreadable) reports.push(unreadableReport(u.file, u.reason));
  for (const file of files) {
    const uri = URI.file(path.resolve(file)).toString();
    // the index read the policies of the tree already (confined the same way): not a second time
    const indexed = loadedOnly.has(file) ? undefined : index.policyText(uri);
    let text: string;
    // the memory a large file was read into: its rows take it (see ConfinedRead.spare)
    let spare: ArrayBuffer | undefined;
    if (indexed !== undefined && Buffer.byteLength(indexed) <= MAX_CHECKED_TEXT) {
      text = indexed;
    } else {
      // past the parse ceiling the file is not even read: the service would skip it anyway
      const size = fileSize(file);
      if (size !== undefined && size > MAX_CHECKED_TEXT) {
        reports.push({ file, diagnostics: applyRuleSeverities([{ range: zero, severity: DiagnosticSeverity.Error, code: 'document-too-large', message: tooLargeToCheckMessage(size), source: DIAGNOSTIC_SOURCE }], rules) });
        continue;
      }
      // taken once: its buffer becomes the rows of one tree (spare), never of two
      const absolute = path.resolve(file);
      const early = unread?.get(absolute);
      unread?.delete(absolute);
      const read = loadedOnly.has(file) ? readLoaded(file) : readConfined(file, { maxBytes: MAX_CHECKED_TEXT, ahead: early && (await early) });
      if (!read.ok) {
        reports.push(unreadableReport(file, read.error));
        continue;
      }
      text = read.text;
      spare = read.spare;
    }
    const document = TextDocument.create(uri, 'apim-policy', 1, text);
    // the parser loads for the first file whose expressions are checked (not for one past their size limit)
    if (text.length <= MAX_EXPRESSIONS_CHECKED_TEXT && mayHoldExpression(text)) await service.ready;
    const load = loads.get(uri);
    reports.push({ file, diagnostics: load ? service.validateLoadedPolicy(document, load, settings) : service.doValidation(document, service.parse(document, spare), settings) });
    // what the service kept for this file (its flow analysis) is not needed again: a 5,000-policy
    // tree would otherwise stay in memory to the end
    service.closeDocument(uri);
  }
  reports.push(...configReports(service, opts, rules));
  if (notLoaded !== undefined) warnings.push(`policy expressions were not checked: the C# parser did not load (${reason(notLoaded)}).`);
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
function configReports(service: LanguageService, opts: CheckOptions, rules: RuleSeverities): FileReport[] {
  const checked = opts.paths.map(p => path.resolve(p));
  const inChecked = (fsPath: string) => opts.config !== undefined || checked.some(c => fsPath === c || isInside(fsPath, c));
  return [...service.flowConfigDiagnostics(rules)]
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
function serviceOverTrees(paths: string[], config: string | undefined, csharp: (() => Promise<CSharpParser | undefined>) | undefined): { service: LanguageService; warnings: string[] } {
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
  const out = reports.flatMap(r => r.diagnostics.map(d => diagnosticJson(r.file, d)));
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

interface EffectiveOptions {
  target: string;
  product?: string;
  format: 'xml' | 'json';
}

function parseEffectiveArgs(args: string[]): EffectiveOptions {
  const { options, positional } = splitArgs(args, ['--product', '--format']);
  const dash = positional.find(p => p.startsWith('-'));
  if (dash) throw new UsageError(`Unknown option '${dash}'.`);
  if (positional.length !== 1) throw new UsageError('effective takes one policy.xml or the folder that holds it.');
  const format = options.get('--format') ?? 'xml';
  if (format !== 'xml' && format !== 'json') throw new UsageError(`Unknown format '${format}': use xml or json.`);
  return { target: positional[0], product: options.get('--product'), format };
}

/** The APIM default policy: what a level without a policy file runs. */
const DEFAULT_POLICY = '<policies>\n\t<inbound>\n\t\t<base />\n\t</inbound>\n\t<backend>\n\t\t<base />\n\t</backend>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n\t<on-error>\n\t\t<base />\n\t</on-error>\n</policies>\n';

/** A path for people: relative to the current folder when inside it. */
function displayPath(fsPath: string): string {
  const rel = path.relative(process.cwd(), fsPath);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : fsPath;
}

function effective(opts: EffectiveOptions): CliResult {
  let file = path.resolve(opts.target);
  let isFolder = false;
  try {
    isFolder = fs.statSync(file).isDirectory();
  } catch {
    throw new InputError(`${opts.target}: not found`);
  }
  if (isFolder) file = path.join(file, 'policy.xml');
  const { service, warnings } = serviceOverTrees([path.dirname(file)], undefined, undefined);
  const uri = URI.file(file).toString();
  if (classifyArtifact(uri)?.kind === 'fragment') throw new InputError(`${displayPath(file)}: a fragment has no effective policy of its own: it runs where it is included.`);
  // the policy through the confined reader: a file named on the command line may be anywhere (the
  // user chose it); the policy.xml of a named folder stays inside that folder's APIOps tree
  const dir = path.dirname(file);
  const read = isFolder
    ? createConfinedReader({ roots: [findServiceRoot(dir) ?? dir], maxBytes: MAX_CHECKED_TEXT })(file)
    : readConfined(file, { maxBytes: MAX_CHECKED_TEXT });
  let note = '';
  if (read.ok) service.workspace.update(uri, read.text);
  else if (read.error === 'not found' && isFolder) {
    // an operation or API without a policy file runs APIM's default policy: its parents' through <base />
    service.workspace.update(uri, DEFAULT_POLICY);
    note = `apim-policy: ${displayPath(path.dirname(file))} has no policy.xml: APIM's default (<base /> in each section) is composed.\n`;
  } else throw new InputError(`${displayPath(file)}: ${read.error}`);
  const scope = service.workspace.policyEntry(uri)?.location?.scope;
  if (!scope || scope === 'fragment') {
    throw new InputError(`${displayPath(file)}: not an operation, API, product or global policy of an APIOps tree (its place in the tree gives no scope).`);
  }
  if (opts.product !== undefined) {
    const products = service.workspace.productsOf(uri).map(p => p.name);
    if (scope !== 'api' && scope !== 'operation') throw new InputError(`--product applies to API and operation policies; ${displayPath(file)} is a ${scope} policy.`);
    if (!products.includes(opts.product)) {
      throw new InputError(`The API is in no product '${opts.product}' (${products.length ? `its products: ${products.join(', ')}` : 'no product folder lists it'}).`);
    }
  }
  const e = service.effectivePolicy(uri, { product: opts.product });
  if (!e) throw new InputError(`${displayPath(file)}: cannot compose its effective policy.`);
  const filePath = (u: string) => displayPath(URI.parse(u).fsPath);
  const stdout = opts.format === 'json'
    ? JSON.stringify({
      policy: filePath(e.uri),
      scope: e.scope,
      products: e.products,
      product: e.product ?? null,
      levels: e.levels.map(l => ({ scope: l.scope, file: filePath(l.uri) })),
      elements: e.elements.map(el => ({ name: el.name, section: el.section, scope: el.scope, file: filePath(el.uri), range: el.range, ...(el.fragment ? { fragment: el.fragment } : {}) })),
    }, null, 2) + '\n'
    : e.text;
  return { code: 0, stdout, stderr: note + warnings.map(w => `apim-policy: warning: ${w}\n`).join('') };
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

/** Serves MCP until the client closes standard input; nothing but the protocol goes to standard output. */
async function mcp(args: string[]): Promise<CliResult> {
  const { positional } = splitArgs(args, []);
  if (positional.length > 1) throw new UsageError('Give one folder.');
  const dash = positional.find(p => p.startsWith('-'));
  if (dash) throw new UsageError(`Unknown option '${dash}'.`);
  const csharp = loadExpressionParser(e => {
    process.stderr.write(`apim-policy mcp: policy expressions are not checked: the C# parser did not load (${reason(e)}).\n`);
  });
  try {
    await serveMcp({ root: positional[0] ?? '.', csharp, version: VERSION, warn: line => process.stderr.write(`apim-policy mcp: warning: ${line}\n`) });
  } catch (e) {
    if (e instanceof AgentToolInputError) throw new InputError(e.message);
    throw e;
  }
  return { code: 0, stdout: '', stderr: '' };
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

/** `ahead`: the large files `check` names, being read already (see node/readAhead.ts). */
export function runCli(argv: string[], ahead?: ReadAhead): CliResult | Promise<CliResult> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      return { code: command === undefined ? 2 : 0, stdout: command === undefined ? '' : USAGE + '\n', stderr: command === undefined ? USAGE + '\n' : '' };
    }
    if (command === '--version' || command === '-v') return { code: 0, stdout: VERSION + '\n', stderr: '' };
    if (command === 'check') {
      return check(parseCheckArgs(rest), ahead).catch(failure);
    }
    if (command === 'effective') return effective(parseEffectiveArgs(rest));
    if (command === 'token') return token(parseTokenArgs(rest), readStdin).catch(failure);
    if (command === 'mcp') return mcp(rest).catch(failure);
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

/** The command line of this process, run: what `dist/cli.js` (cliEntry.ts) calls once this bundle is loaded. */
export function main(ahead?: ReadAhead): void {
  void Promise.resolve()
    .then(() => runCli(process.argv.slice(2), ahead))
    .catch(failure)
    .then(result => {
      if (result.stdout) process.stdout.write(result.stdout);
      if (result.stderr) process.stderr.write(result.stderr);
      process.exitCode = result.code;
    });
}

if (require.main === module) main();
