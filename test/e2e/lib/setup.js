'use strict';
/*
 * Installs what the e2e run needs, offline (the npm registry and Debian's packages only), and skips
 * whatever is already in place:
 *   - Debian: chromium, ripgrep, libkrb5-dev (gssapi headers for code-server's `kerberos` addon),
 *     with `apt-get update` first; only as root.
 *   - npm: code-server + playwright-core into test/e2e/node_modules from test/e2e/package.json
 *     (+ package-lock.json), with @vscode/ripgrep's download cache pre-seeded from Debian's rg.
 *   - then checks that code-server's postinstall really ran (lib/vscode/node_modules with its native
 *     addons built) and runs it by hand if npm skipped it.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');

const E2E_DIR = path.resolve(__dirname, '..');
const NODE_MODULES = path.join(E2E_DIR, 'node_modules');
const CODE_SERVER_DIR = path.join(NODE_MODULES, 'code-server');
const VSCODE_DIR = path.join(CODE_SERVER_DIR, 'lib', 'vscode');
const MARKER = path.join(NODE_MODULES, '.apim-e2e-installed.json');

// @vscode/ripgrep 1.15.11 (what code-server 4.100.3's VS Code uses) looks here before downloading.
const RIPGREP_CACHE = { dir: 'vscode-ripgrep-cache-1.15.11', asset: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' };

// Native addons of VS Code's server that must load for the workbench to work.
const VSCODE_NATIVE = ['node-pty', '@vscode/spdlog', '@parcel/watcher', 'kerberos', 'native-watchdog'];

function log(msg) {
  console.log(`[e2e] ${msg}`);
}

function run(cmd, args, opts = {}) {
  const started = Date.now();
  const res = spawnSync(cmd, args, { stdio: opts.capture ? 'pipe' : 'inherit', encoding: 'utf8', ...opts });
  if (res.error) throw new Error(`${cmd} ${args.join(' ')}: ${res.error.message}`);
  if (res.status !== 0 && !opts.allowFail) {
    const out = opts.capture ? `\n${res.stdout}\n${res.stderr}` : '';
    throw new Error(`${cmd} ${args.join(' ')} exited with ${res.status}${out}`);
  }
  res.seconds = (Date.now() - started) / 1000;
  return res;
}

function which(bin) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const p = path.join(dir, bin);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch { /* next */ }
  }
  return undefined;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Debian packages: what is missing, by a file each package provides. */
function ensureSystemPackages({ chromiumPath }) {
  const wanted = [
    { pkg: 'chromium', present: () => fs.existsSync(chromiumPath) },
    { pkg: 'ripgrep', present: () => !!which('rg') },
    { pkg: 'libkrb5-dev', present: () => fs.existsSync('/usr/include/gssapi/gssapi.h') || fs.existsSync('/usr/include/gssapi.h') },
  ];
  const missing = wanted.filter((w) => !w.present()).map((w) => w.pkg);
  if (missing.length === 0) return;
  if (!isRoot() || !which('apt-get')) {
    throw new Error(`missing system packages: ${missing.join(', ')} (install them with apt-get as root, or run this as root)`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
  const still = wanted.filter((w) => missing.includes(w.pkg) && !w.present()).map((w) => w.pkg);
  if (still.length) throw new Error(`apt-get did not provide: ${still.join(', ')}`);
}

function inputsHash() {
  const h = crypto.createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) {
    const p = path.join(E2E_DIR, f);
    if (fs.existsSync(p)) h.update(fs.readFileSync(p));
  }
  h.update(process.version.split('.')[0]);
  return h.digest('hex');
}

/** Returns a list of problems with the code-server install (empty = good). */
function checkCodeServer() {
  const problems = [];
  const need = [
    path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js'),
    path.join(VSCODE_DIR, 'out', 'server-main.js'),
    path.join(VSCODE_DIR, 'node_modules'),
    path.join(VSCODE_DIR, 'node_modules.asar'),
    path.join(VSCODE_DIR, 'extensions', 'node_modules'),
    path.join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'),
    path.join(NODE_MODULES, 'playwright-core', 'package.json'),
  ];
  for (const p of need) if (!fs.existsSync(p)) problems.push(`missing ${path.relative(E2E_DIR, p)}`);
  if (problems.length) return problems;
  // The native addons must load in this Node (a skipped or failed build leaves them missing).
  const probe = `
    const { createRequire } = require('node:module');
    const r = createRequire(${JSON.stringify(path.join(VSCODE_DIR, 'package.json'))});
    const bad = [];
    for (const m of ${JSON.stringify(VSCODE_NATIVE)}) { try { r(m); } catch (e) { bad.push(m + ': ' + String(e.message).split('\\n')[0]); } }
    if (bad.length) { console.log(bad.join('\\n')); process.exit(1); }`;
  const res = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  if (res.status !== 0) problems.push(`native modules of lib/vscode do not load:\n${res.stdout}${res.stderr}`);
  const rg = spawnSync(path.join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'), ['--version'], { encoding: 'utf8' });
  if (rg.status !== 0) problems.push('lib/vscode ripgrep binary does not run');
  return problems;
}

function seedRipgrepCache(tmpDir) {
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep (rg) is needed to seed @vscode/ripgrep offline');
  const dir = path.join(tmpDir, RIPGREP_CACHE.dir);
  fs.mkdirSync(dir, { recursive: true });
  const stage = fs.mkdtempSync(path.join(tmpDir, 'rg-stage-'));
  fs.copyFileSync(rg, path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  run('tar', ['-czf', path.join(dir, RIPGREP_CACHE.asset), '-C', stage, 'rg']);
  fs.rmSync(stage, { recursive: true, force: true });
}

function npmEnv(tmpDir) {
  const env = {
    ...process.env,
    TMPDIR: tmpDir, // @vscode/ripgrep's cache is os.tmpdir()/vscode-ripgrep-cache-<version>
    npm_config_yes: 'true',
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root without it
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  // Native addons (node-pty, kerberos, …) build against this Node's own headers, never downloaded.
  if (!env.npm_config_nodedir && fs.existsSync('/usr/include/node/node_api.h')) env.npm_config_nodedir = '/usr';
  return env;
}

/** Runs code-server's postinstall by hand (when npm skipped it): installs lib/vscode's deps. */
function runCodeServerPostinstall(env) {
  log('running code-server postinstall (lib/vscode dependencies, native builds)');
  const npmVersion = spawnSync('npm', ['--version'], { encoding: 'utf8' }).stdout.trim();
  run('sh', ['./postinstall.sh'], {
    cwd: CODE_SERVER_DIR,
    env: {
      ...env,
      npm_config_user_agent: `npm/${npmVersion} node/${process.version} ${process.platform} ${process.arch}`,
      // The nested installs (lib/vscode, lib/vscode/extensions) need their deps' build scripts.
      npm_config_dangerously_allow_all_scripts: 'true',
    },
  });
}

function ensureNodeModules() {
  const hash = inputsHash();
  if (fs.existsSync(MARKER)) {
    const marker = JSON.parse(fs.readFileSync(MARKER, 'utf8'));
    if (marker.hash === hash && checkCodeServer().length === 0) {
      log('code-server and playwright-core already installed');
      return;
    }
  }
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-e2e-npm-'));
  try {
    seedRipgrepCache(tmpDir);
    const env = npmEnv(tmpDir);
    const hasLock = fs.existsSync(path.join(E2E_DIR, 'package-lock.json'));
    log(`installing code-server and playwright-core (npm ${hasLock ? 'ci' : 'install'} in test/e2e, ~1-3 min)`);
    const res = run('npm', [hasLock ? 'ci' : 'install', '--no-audit', '--no-fund'], { cwd: E2E_DIR, env });
    log(`npm finished in ${res.seconds.toFixed(0)} s`);
    let problems = checkCodeServer();
    if (problems.length) {
      log(`code-server is not complete after npm (${problems[0].split('\n')[0]}); its postinstall probably did not run`);
      runCodeServerPostinstall(env);
      problems = checkCodeServer();
    }
    const rgBin = path.join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
    if (problems.some((p) => p.includes('ripgrep')) && which('rg')) {
      fs.mkdirSync(path.dirname(rgBin), { recursive: true });
      fs.copyFileSync(which('rg'), rgBin);
      fs.chmodSync(rgBin, 0o755);
      problems = checkCodeServer();
    }
    if (problems.length) throw new Error(`code-server install is broken:\n  ${problems.join('\n  ')}`);
    fs.writeFileSync(MARKER, JSON.stringify({ hash, at: new Date().toISOString() }, null, 2));
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

function codeServerVersion() {
  return JSON.parse(fs.readFileSync(path.join(CODE_SERVER_DIR, 'package.json'), 'utf8')).version;
}

function vscodeVersion() {
  const product = JSON.parse(fs.readFileSync(path.join(VSCODE_DIR, 'product.json'), 'utf8'));
  const pkg = JSON.parse(fs.readFileSync(path.join(VSCODE_DIR, 'package.json'), 'utf8'));
  return `${pkg.version} (${product.commit ? product.commit.slice(0, 10) : 'no commit'})`;
}

module.exports = {
  E2E_DIR, CODE_SERVER_DIR, VSCODE_DIR, log, run, which, isRoot,
  ensureSystemPackages, ensureNodeModules, checkCodeServer, codeServerVersion, vscodeVersion,
  seedRipgrepCache, npmEnv, runCodeServerPostinstall,
};
