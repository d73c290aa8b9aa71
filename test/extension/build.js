#!/usr/bin/env node
/*
 * Compiles the extension-host suite (test/extension/suite/*.ts) to test/extension/.build/*.js with
 * esbuild (the repo's own devDependency), one CommonJS file per source, `vscode` and `mocha` left
 * as runtime requires. Deliberately NOT under out/test/: `node --test out/test/` must not pick these
 * files up (they only run inside VS Code's extension host).
 *
 * Usage: node test/extension/build.js        (prints the entry file path)
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const SRC = path.join(__dirname, 'suite');
const OUT = path.join(__dirname, '.build');
const ENTRY = path.join(OUT, 'index.js');

async function buildSuite({ quiet = false } = {}) {
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch {
    throw new Error('esbuild is missing: run `npm ci` in the repository root first');
  }
  const entryPoints = fs.readdirSync(SRC).filter((f) => f.endsWith('.ts')).map((f) => path.join(SRC, f));
  fs.rmSync(OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: OUT,
    bundle: false,
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    sourcemap: 'inline',
    logLevel: quiet ? 'warning' : 'info',
  });
  return ENTRY;
}

module.exports = { buildSuite, ENTRY };

if (require.main === module) {
  buildSuite().then((entry) => console.log(entry), (err) => {
    console.error(err.message || err);
    process.exit(1);
  });
}
