'use strict';
/*
 * code-server as a child process we own: throw-away user-data-dir, extensions-dir, config and XDG
 * dirs; 127.0.0.1 with a free port chosen by the OS (bind-addr :0, the real port is read from its
 * log); no auth, no telemetry, no update checks. Started in its own process group (detached) so
 * stop() ends exactly it and the processes it spawned (extension hosts, pty host, watchers).
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { CODE_SERVER_DIR, log, run } = require('./setup');

const ENTRY = path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');

/** User settings for a quiet, deterministic workbench. */
const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'github.gitAuthentication': false,
  'json.schemaDownload.enable': false,
  'npm.autoDetect': 'off',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'editor.accessibilitySupport': 'off',
  'window.restoreWindows': 'none',
  'terminal.integrated.enablePersistentSessions': false,
};

function baseArgs(dirs) {
  return [
    '--config', dirs.config,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];
}

function baseEnv(dirs, extra) {
  const tmp = path.join(dirs.root, 'tmp'); // the extension host's IPC sockets and scratch files
  fs.mkdirSync(tmp, { recursive: true });
  return {
    ...process.env,
    TMPDIR: tmp,
    XDG_CONFIG_HOME: path.join(dirs.root, 'xdg-config'),
    XDG_DATA_HOME: path.join(dirs.root, 'xdg-data'),
    XDG_CACHE_HOME: path.join(dirs.root, 'xdg-cache'),
    ...extra,
  };
}

/** Creates the throw-away directories and settings under `root`. */
function prepareDirs(root) {
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    config: path.join(root, 'config.yaml'),
  };
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensions, { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  fs.writeFileSync(dirs.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  return dirs;
}

/** `code-server --install-extension <vsix>` into the throw-away extensions dir. */
function installExtension(dirs, vsix) {
  const res = run(process.execPath, [ENTRY, ...baseArgs(dirs), '--force', '--install-extension', vsix], {
    env: baseEnv(dirs), capture: true,
  });
  const out = `${res.stdout}${res.stderr}`;
  if (!/successfully installed/i.test(out)) throw new Error(`installing ${vsix} failed:\n${out}`);
  const list = run(process.execPath, [ENTRY, ...baseArgs(dirs), '--list-extensions', '--show-versions'], {
    env: baseEnv(dirs), capture: true,
  });
  return list.stdout.trim().split('\n').filter((l) => l.includes('@'));
}

/**
 * Starts code-server on 127.0.0.1 (free port) and resolves with { url, port, stop } once it listens.
 * `env` is added to its environment (it reaches the extension hosts it spawns).
 */
function start(dirs, { logFile, env = {}, timeoutMs = 60_000 } = {}) {
  const args = [
    ENTRY,
    ...baseArgs(dirs),
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-file-downloads',
    '--ignore-last-opened',
  ];
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    env: baseEnv(dirs, env),
    stdio: ['ignore', out, out],
    detached: true, // own process group: stop() kills the group, nothing else
  });
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });

  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await gone;
    clearTimeout(timer);
    // Children that outlived the leader (same group) get SIGKILL too.
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* none left */ }
  };
  /** Synchronous last resort for process 'exit'. */
  const killNow = () => {
    if (child.pid !== undefined) { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }
  };

  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const poll = setInterval(() => {
      const text = fs.readFileSync(logFile, 'utf8');
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+)\/?)/.exec(text);
      if (m) {
        clearInterval(poll);
        log(`code-server pid ${child.pid} listening on ${m[1]}`);
        resolve({ url: m[1].replace(/\/$/, ''), port: Number(m[2]), pid: child.pid, stop, killNow });
      } else if (exited) {
        clearInterval(poll);
        reject(new Error(`code-server exited (${JSON.stringify(exited)}) before listening:\n${text.slice(-3000)}`));
      } else if (Date.now() > deadline) {
        clearInterval(poll);
        killNow();
        reject(new Error(`code-server did not listen within ${timeoutMs} ms:\n${text.slice(-3000)}`));
      }
    }, 100);
  });
}

module.exports = { prepareDirs, installExtension, start, ENTRY };
