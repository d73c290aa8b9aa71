#!/usr/bin/env node
'use strict';
/*
 * End-to-end tests in a real VS Code, offline: `node test/e2e/run.js` (npm run test:e2e).
 *
 *  1. installs what it needs (lib/setup.js): Debian chromium, ripgrep, libkrb5-dev (as root, when
 *     missing); code-server + playwright-core into test/e2e/node_modules; skipped when done;
 *  2. packages the extension (the repo root, already built into dist/) with vsce and installs the
 *     VSIX into a throw-away extensions dir;
 *  3. starts code-server on 127.0.0.1:<free port> (no auth, no telemetry, throw-away dirs), serving
 *     a throw-away copy of examples/ (the repo's files are never edited);
 *  4. phase "suite": opens the workbench in headless Chromium with VS Code's development payload
 *     (extensionDevelopmentPath = the repo, extensionTestsPath = the compiled test/extension suite):
 *     the extension host runs the Mocha suite and writes JSON results, which this script reads;
 *  5. phase "scenarios": opens the workbench again, with the installed VSIX, and runs
 *     test/e2e/scenarios/*.scenario.js with playwright-core, a screenshot each, into $E2E_OUT;
 *  6. stops only what it started (code-server's process group, Chromium), also on failure and on
 *     Ctrl-C, and exits non-zero when anything failed.
 *
 * Options: --only=suite|scenarios  --grep=REGEX (scenario names)  --skip-install  --keep (temp dirs)
 * Environment:
 *   E2E_OUT               screenshots, logs, results (default test/e2e/out)
 *   E2E_RETRIES           tries again for a failed browser scenario (default 1; flaky passes are reported)
 *   E2E_WORKSPACE         fixture workspace to copy and open (default <repo>/examples)
 *   E2E_EXTENSION_DIR     extension under test (default the repo root; must be built)
 *   E2E_EXTENSION_MODE    vsix (default: scenarios use the packaged VSIX) | dev (the folder itself)
 *   E2E_EXPECTED_PROBLEMS JSON file [{file, line, severity?}] for the Problems scenario
 *   E2E_SUITE_TIMEOUT     seconds for the extension-host suite (default 300)
 *   E2E_TIMEOUT           seconds for the whole run after installs (default 900)
 *   APIM_EXT_TEST_GREP    only run extension-host tests whose full title matches
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');

const setup = require('./lib/setup');
const codeServer = require('./lib/codeServer');
const { buildSuite } = require('../extension/build');

const { log } = setup;
const REPO = path.resolve(__dirname, '..', '..');
const args = parseArgs(process.argv.slice(2));
const OUT = path.resolve(process.env.E2E_OUT || path.join(__dirname, 'out'));
const WORKSPACE_SRC = path.resolve(process.env.E2E_WORKSPACE || path.join(REPO, 'examples'));
const EXT_DIR = path.resolve(process.env.E2E_EXTENSION_DIR || REPO);
const EXT_MODE = process.env.E2E_EXTENSION_MODE || 'vsix';
const SUITE_TIMEOUT = Number(process.env.E2E_SUITE_TIMEOUT || 300) * 1000;
const RUN_TIMEOUT = Number(process.env.E2E_TIMEOUT || 900) * 1000;
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

class SkipError extends Error {}

const state = { server: undefined, context: undefined, tmp: undefined, cleaning: undefined, signal: undefined };
const totals = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
/** How often a failed browser scenario is tried again (E2E_RETRIES, default 1; 0 turns it off). */
const RETRIES = Math.max(0, Number(process.env.E2E_RETRIES ?? 1) || 0);

function parseArgs(argv) {
  const out = { only: undefined, grep: undefined, skipInstall: false, keep: false };
  for (const a of argv) {
    if (a.startsWith('--only=')) out.only = a.slice(7);
    else if (a.startsWith('--grep=')) out.grep = new RegExp(a.slice(7), 'i');
    else if (a === '--skip-install') out.skipInstall = true;
    else if (a === '--keep') out.keep = true;
    else if (a === '--help' || a === '-h') {
      console.log(fs.readFileSync(__filename, 'utf8').split('*/')[0]);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return out;
}

function elapsed(t0) {
  return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

/** Removes only what earlier runs wrote into OUT (never a folder someone pointed us at). */
function cleanOut() {
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of fs.readdirSync(OUT)) {
    if (/\.(png|log|json)$/.test(f)) fs.rmSync(path.join(OUT, f), { force: true });
    if (f === 'logs') fs.rmSync(path.join(OUT, f), { recursive: true, force: true });
  }
}

function checkExtensionBuilt() {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'package.json'), 'utf8'));
  const main = path.join(EXT_DIR, manifest.main || 'extension.js');
  if (!fs.existsSync(main) && !fs.existsSync(`${main}.js`)) {
    throw new Error(`${path.relative(REPO, main)} does not exist: build the extension first (npm run build), or use npm run test:e2e`);
  }
  return manifest;
}

function packageExtension(manifest, tmp) {
  const vsce = require.resolve('@vscode/vsce/vsce', { paths: [REPO] });
  const vsix = path.join(tmp, `${manifest.name}-${manifest.version}.vsix`);
  const res = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], {
    cwd: EXT_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (res.status !== 0 || !fs.existsSync(vsix)) {
    throw new Error(`vsce package failed (${res.status}):\n${res.stdout}\n${res.stderr}\n(set E2E_EXTENSION_MODE=dev to test the folder without packaging)`);
  }
  return vsix;
}

function remoteUri(server, p) {
  return `vscode-remote://127.0.0.1:${server.port}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
}

function workbenchUrl(server, folder, payload) {
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload && payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

async function newPage(context, name) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  const consoleLog = path.join(OUT, 'browser-console.log');
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') fs.appendFileSync(consoleLog, `[${name}] ${m.type()}: ${m.text()}\n`);
  });
  page.on('pageerror', (e) => fs.appendFileSync(consoleLog, `[${name}] pageerror: ${e.stack || e}\n`));
  return page;
}

/** Phase 1: the Mocha suite of test/extension inside code-server's extension host. */
async function runSuite(context, server, workspace) {
  const t0 = Date.now();
  const entry = await buildSuite({ quiet: true });
  const results = path.join(state.tmp, 'extension-results.json');
  const progressFile = `${results}.progress`;
  fs.rmSync(results, { force: true });
  fs.rmSync(progressFile, { force: true });

  const page = await newPage(context, 'suite');
  let exitCode;
  await page.exposeFunction('codeAutomationExit', (code) => { exitCode = code; });
  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, EXT_DIR)],
    ['extensionTestsPath', remoteUri(server, entry)],
    ['skipWelcome', 'true'],
  ];
  log('extension-host suite: opening the workbench with the test payload');
  await page.goto(workbenchUrl(server, workspace, payload));

  // Stream progress as it comes; wait for the results file (written atomically at the end).
  let shown = 0;
  const showProgress = () => {
    if (!fs.existsSync(progressFile)) return;
    const lines = fs.readFileSync(progressFile, 'utf8').split('\n').filter(Boolean);
    for (const line of lines.slice(shown)) {
      const ev = JSON.parse(line);
      if (ev.event === 'passed') console.log(`  ✓ ${ev.title} (${ev.duration ?? 0} ms)`);
      else if (ev.event === 'failed') console.log(`  ✗ ${ev.title}\n      ${String(ev.error).split('\n').slice(0, 8).join('\n      ')}`);
      else if (ev.event === 'pending') console.log(`  - ${ev.title} (skipped)`);
      else if (ev.event === 'error') console.log(`  ! ${ev.error}`);
    }
    shown = lines.length;
  };
  const deadline = Date.now() + SUITE_TIMEOUT;
  let exitSeenAt;
  while (!fs.existsSync(results)) {
    showProgress();
    if (exitCode !== undefined) exitSeenAt ??= Date.now();
    if (exitSeenAt && Date.now() - exitSeenAt > 10_000) break; // host exited without results
    if (Date.now() > deadline) break;
    await page.waitForTimeout(250); // polling interval for the results file
  }
  showProgress();
  await page.screenshot({ path: path.join(OUT, 'extension-suite.png') }).catch(() => undefined);
  await page.close().catch(() => undefined);

  if (!fs.existsSync(results)) {
    const why = exitCode !== undefined ? `the extension host exited (code ${exitCode}) without writing results` : `no results after ${SUITE_TIMEOUT / 1000} s`;
    log(`extension-host suite FAILED: ${why} (see ${path.join(OUT, 'logs')}, code-server.log)`);
    totals.failed += 1;
    return;
  }
  const { stats } = JSON.parse(fs.readFileSync(results, 'utf8'));
  fs.copyFileSync(results, path.join(OUT, 'extension-results.json'));
  log(`extension-host suite: passed ${stats.passes}, failed ${stats.failures}, skipped ${stats.pending} in ${elapsed(t0)}`);
  totals.passed += stats.passes;
  totals.failed += stats.failures;
  totals.skipped += stats.pending;
  if (stats.tests === 0) {
    log('extension-host suite ran no test');
    totals.failed += 1;
  }
}

/** What the Problems scenario expects: env file, else the CLI's own answer on the same files. */
function expectedProblems(workspace) {
  if (process.env.E2E_EXPECTED_PROBLEMS) return JSON.parse(fs.readFileSync(process.env.E2E_EXPECTED_PROBLEMS, 'utf8'));
  const cli = path.join(EXT_DIR, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) return undefined;
  const res = spawnSync(process.execPath, [cli, 'check', '.', '--format', 'json'], { cwd: workspace, encoding: 'utf8' });
  if (res.status !== 0 && res.status !== 1) throw new Error(`apim-policy check failed (${res.status}): ${res.stderr}`);
  return JSON.parse(res.stdout)
    .filter((d) => d.severity === 'error' || d.severity === 'warning')
    .map((d) => ({
      file: path.relative(workspace, path.resolve(workspace, d.file)).split(path.sep).join('/'),
      line: d.range.start.line + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    }));
}

/** Phase 2: browser scenarios, one page, the installed extension. */
async function runScenarios(context, server, workspace) {
  const { Workbench } = require('./lib/workbench');
  const dir = path.join(__dirname, 'scenarios');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.scenario.js')).sort();
  const scenarios = files.map((f) => ({ file: f, id: f.replace(/\.scenario\.js$/, ''), ...require(path.join(dir, f)) }))
    .filter((s) => !args.grep || args.grep.test(s.id) || args.grep.test(s.name));

  const page = await newPage(context, 'scenarios');
  const payload = EXT_MODE === 'dev' ? [['extensionDevelopmentPath', remoteUri(server, EXT_DIR)]] : [];
  const t0 = Date.now();
  await page.goto(workbenchUrl(server, workspace, payload));
  const wb = new Workbench(page, { outDir: OUT, workspace });
  await wb.waitReady();
  log(`workbench ready in ${elapsed(t0)}`);

  const ctx = {
    page, wb, workspace, assert, log,
    extensionDir: EXT_DIR,
    manifest: JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'package.json'), 'utf8')),
    skip(reason) { throw new SkipError(reason); },
    /** Workspace-relative paths of files matching `re` (forward slashes), sorted. */
    files(re) {
      const found = [];
      const walk = (d) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) walk(p);
          else if (re.test(path.relative(workspace, p).split(path.sep).join('/'))) found.push(path.relative(workspace, p).split(path.sep).join('/'));
        }
      };
      walk(workspace);
      return found.sort();
    },
    read(rel) { return fs.readFileSync(path.join(workspace, rel), 'utf8'); },
    expectedProblems: () => expectedProblems(workspace),
  };

  for (const [i, s] of scenarios.entries()) {
    ctx.screenshot = (suffix) => wb.screenshot(suffix ? `${s.id}-${suffix}` : s.id);
    // A scenario that fails is run once more (as Playwright's `retries` does on CI); a pass on the
    // second try is reported as flaky with the first failure, never silently.
    let firstFailure;
    for (let attempt = 1; attempt <= 1 + RETRIES; attempt++) {
      const t = Date.now();
      try {
        if (i > 0 || attempt > 1) await wb.closeAllEditors();
        await s.run(ctx);
        totals.passed += 1;
        if (firstFailure) {
          totals.flaky += 1;
          console.log(`  ✓ ${s.name} (${elapsed(t)}) FLAKY: passed on try ${attempt}; the first try failed with:\n      ${firstFailure}`);
        } else console.log(`  ✓ ${s.name} (${elapsed(t)})`);
        break;
      } catch (err) {
        if (err instanceof SkipError) {
          totals.skipped += 1;
          console.log(`  - ${s.name} (skipped: ${err.message})`);
          break;
        }
        const text = String(err.stack || err).split('\n').slice(0, 12).join('\n      ');
        await wb.screenshot(`FAILED-${s.id}${attempt > 1 ? `-try${attempt}` : ''}`).catch(() => undefined);
        await wb.pressEscape(3).catch(() => undefined);
        if (attempt <= RETRIES) {
          firstFailure = text;
          console.log(`  … ${s.name} failed on try ${attempt} (${elapsed(t)}), trying again`);
          continue;
        }
        totals.failed += 1;
        console.log(`  ✗ ${s.name} (${elapsed(t)})\n      ${text}`);
      }
    }
  }
  await page.close().catch(() => undefined);
}

function copyLogs() {
  if (!state.tmp) return;
  const csLog = path.join(state.tmp, 'code-server.log');
  if (fs.existsSync(csLog)) fs.copyFileSync(csLog, path.join(OUT, 'code-server.log'));
  const logs = path.join(state.tmp, 'cs', 'user-data', 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(OUT, 'logs'), { recursive: true });
}

/** Stops what we started, once; safe to call from any path. */
function cleanup() {
  state.cleaning ??= (async () => {
    if (state.context) await Promise.race([state.context.close().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
    if (state.server) await state.server.stop();
    copyLogs();
    if (state.tmp && !args.keep) fs.rmSync(state.tmp, { recursive: true, force: true });
    else if (state.tmp) log(`kept ${state.tmp}`);
  })();
  return state.cleaning;
}

async function main() {
  const t0 = Date.now();
  cleanOut();
  if (args.skipInstall) {
    const problems = setup.checkCodeServer();
    if (problems.length) throw new Error(`--skip-install, but: ${problems.join('; ')}`);
  } else {
    setup.ensureSystemPackages({ chromiumPath: CHROMIUM });
    setup.ensureNodeModules();
  }
  log(`code-server ${setup.codeServerVersion()}, VS Code ${setup.vscodeVersion()}; setup took ${elapsed(t0)}`);

  const watchdog = setTimeout(async () => {
    log(`run timed out after ${RUN_TIMEOUT / 1000} s`);
    await cleanup();
    process.exit(1);
  }, RUN_TIMEOUT);
  watchdog.unref();

  const manifest = checkExtensionBuilt();
  if (!fs.existsSync(WORKSPACE_SRC)) throw new Error(`fixture workspace ${WORKSPACE_SRC} does not exist`);
  state.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-e2e-'));
  const workspace = path.join(state.tmp, 'workspace', path.basename(WORKSPACE_SRC));
  fs.cpSync(WORKSPACE_SRC, workspace, { recursive: true });
  const dirs = codeServer.prepareDirs(path.join(state.tmp, 'cs'));

  if (EXT_MODE === 'vsix' && args.only !== 'suite') {
    const t = Date.now();
    const vsix = packageExtension(manifest, state.tmp);
    const installed = codeServer.installExtension(dirs, vsix);
    log(`packaged and installed ${path.basename(vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB) in ${elapsed(t)}: ${installed.join(', ')}`);
  }

  // Inherited by code-server and so by the extension hosts it spawns (read by the suite's index).
  process.env.APIM_EXT_UNDER_TEST = EXT_DIR;
  process.env.APIM_EXT_TEST_RESULTS = path.join(state.tmp, 'extension-results.json');
  state.server = await codeServer.start(dirs, { logFile: path.join(state.tmp, 'code-server.log') });

  const { chromium } = require('playwright-core');
  state.context = await chromium.launchPersistentContext(path.join(state.tmp, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    // Chromium's own config/crash dirs go to the throw-away folder too, not to ~/.config.
    env: { ...process.env, XDG_CONFIG_HOME: path.join(state.tmp, 'chromium-xdg-config'), XDG_CACHE_HOME: path.join(state.tmp, 'chromium-xdg-cache') },
    handleSIGINT: false, // we stop everything ourselves, in order
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  for (const p of state.context.pages()) await p.close();

  if (args.only !== 'scenarios') await runSuite(state.context, state.server, workspace);
  if (args.only !== 'suite') {
    log('browser scenarios');
    await runScenarios(state.context, state.server, workspace);
  }
  log(`done in ${elapsed(t0)}; screenshots and logs in ${OUT}`);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    if (state.signal) return;
    state.signal = sig;
    log(`${sig}: stopping what this run started`);
    await cleanup();
    process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1));
  });
}
process.on('exit', () => state.server?.killNow());

main().then(
  async () => {
    await cleanup();
    console.log(`e2e: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped${totals.flaky ? `, ${totals.flaky} of the passes flaky (passed on a retry)` : ''}`);
    process.exit(totals.failed > 0 ? 1 : 0);
  },
  async (err) => {
    if (state.signal) return; // the signal handler reports and exits
    console.error(`[e2e] ERROR: ${err && err.stack ? err.stack : err}`);
    await cleanup();
    totals.failed += 1;
    console.log(`e2e: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped${totals.flaky ? `, ${totals.flaky} of the passes flaky (passed on a retry)` : ''}`);
    process.exit(1);
  },
);
