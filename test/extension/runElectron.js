#!/usr/bin/env node
'use strict';
/*
 * Runs the extension-host suite (test/extension/suite) in desktop VS Code with @vscode/test-electron:
 * `npm run test:extension` (builds first). It downloads VS Code into .vscode-test/ — which needs the
 * internet. Offline, it stops with a clear message; `npm run test:e2e` runs the same suite inside
 * code-server instead (test/e2e/run.js).
 *
 * Environment:
 *   VSCODE_EXECUTABLE_PATH  use this VS Code instead of downloading one
 *   VSCODE_TEST_VERSION     version to download: "stable" (default), "insiders", or e.g. "1.91.0"
 *   E2E_WORKSPACE           fixture workspace (default <repo>/examples; a throw-away copy is opened)
 *   APIM_EXT_TEST_GREP      only run tests whose full title matches
 * On Linux without a display, run it under `xvfb-run -a`.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { buildSuite } = require('./build');

const REPO = path.resolve(__dirname, '..', '..');
const DOWNLOAD_TIMEOUT = 30_000;

function offlineMessage(err) {
  return [
    `Could not download VS Code for the extension-host tests: ${err && err.message ? err.message : err}`,
    '',
    'This machine cannot reach the VS Code download service (no internet here).',
    '  - `npm run test:e2e` runs the same suite in a real VS Code served by code-server, offline;',
    '  - or set VSCODE_EXECUTABLE_PATH to a VS Code on this machine.',
  ].join('\n');
}

async function main() {
  const { runTests, downloadAndUnzipVSCode } = require('@vscode/test-electron');
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  if (!fs.existsSync(path.join(REPO, manifest.main))) throw new Error(`${manifest.main} is missing: run npm run build first`);
  const entry = await buildSuite({ quiet: true });

  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  if (!vscodeExecutablePath) {
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode({
        version: process.env.VSCODE_TEST_VERSION || 'stable',
        cachePath: path.join(REPO, '.vscode-test'),
        timeout: DOWNLOAD_TIMEOUT,
      });
    } catch (err) {
      console.error(offlineMessage(err));
      return 1;
    }
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-ext-electron-'));
  try {
    const src = path.resolve(process.env.E2E_WORKSPACE || path.join(REPO, 'examples'));
    const workspace = path.join(tmp, 'workspace', path.basename(src));
    fs.cpSync(src, workspace, { recursive: true });
    const results = path.join(tmp, 'results.json');
    let code = 0;
    try {
      await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: REPO,
        extensionTestsPath: entry,
        launchArgs: [
          workspace,
          '--disable-extensions', // other extensions; the one under development stays enabled
          '--disable-workspace-trust',
          '--skip-welcome',
          '--skip-release-notes',
          '--disable-telemetry',
          '--user-data-dir', path.join(tmp, 'user-data'),
        ],
        extensionTestsEnv: { APIM_EXT_TEST_RESULTS: results, APIM_EXT_UNDER_TEST: REPO },
      });
    } catch (err) {
      console.error(`VS Code exited with an error: ${err && err.message ? err.message : err}`);
      code = 1;
    }
    if (fs.existsSync(results)) {
      const { stats } = JSON.parse(fs.readFileSync(results, 'utf8'));
      console.log(`extension-host: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
      if (stats.failures > 0 || stats.tests === 0) code = 1;
    } else {
      console.error('the suite wrote no results');
      code = 1;
    }
    return code;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
