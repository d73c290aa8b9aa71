// One build script for the extension: client, server and CLI bundles.
// Usage: node esbuild.js [--production] [--watch]
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
  // web-tree-sitter's ES module build finds its files through import.meta, which a CommonJS bundle lacks
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/tree-sitter.cjs' },
  // the server bundles snippets/apim-policy.code-snippets (JSON) and offers the snippets in its completion
  loader: { '.code-snippets': 'json' },
};

/**
 * The C# parser (web-tree-sitter's 180 KB of JavaScript) is a bundle of its own, `dist/csharpParser.js`:
 * the server and the CLI import it only when an expression is to be checked, so their start does
 * not compile it. This plugin leaves their import of it as a `require` of that file.
 */
const csharpParserApart = {
  name: 'csharp-parser-apart',
  setup(build) {
    build.onResolve({ filter: /\/expressions\/csharpParser$/ }, () => ({ path: './csharpParser.js', external: true }));
  },
};
/** Likewise the MCP SDK (`dist/mcpSdk.js`), which only `apim-policy mcp` loads. */
const mcpSdkApart = {
  name: 'mcp-sdk-apart',
  setup(build) {
    build.onResolve({ filter: /\/mcpSdk$/ }, () => ({ path: './mcpSdk.js', external: true }));
  },
};
/**
 * The policy catalog (250 KB, catalog/policies.generated.ts) goes into the bundles as JSON text
 * read by JSON.parse, not as an object literal: V8 reads JSON several times faster than the same
 * data as code (about 4 ms against 14 at each start of the server and the CLI).
 */
const catalogAsJson = {
  name: 'catalog-as-json',
  setup(build) {
    build.onLoad({ filter: /[\\/]catalog[\\/]policies\.generated\.ts$/ }, async args => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const marker = 'export const catalogData: CatalogData = ';
      const at = source.indexOf(marker);
      if (at < 0) throw new Error(`${args.path}: no '${marker}'`);
      const data = JSON.parse(source.substring(at + marker.length).trim().replace(/;$/, ''));
      return { contents: `export const catalogData = JSON.parse(${JSON.stringify(JSON.stringify(data))});\n`, loader: 'js' };
    });
  },
};
// a plain `require` of that file rather than `import()`, which would load it as an ES module namespace
const apart = { plugins: [csharpParserApart, catalogAsJson], supported: { 'dynamic-import': false } };

/**
 * The CLI and the server each start from a small entry (dist/cli.js, dist/server.js) that runs
 * their bundle (dist/cliMain.js, dist/serverMain.js) with V8's code cache: see server/src/node/codeCache.ts.
 */
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [catalogAsJson] },
  { ...common, entryPoints: ['server/src/serverEntry.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/serverMain.js', ...apart },
  { ...common, entryPoints: ['server/src/cliEntry.ts'], outfile: 'dist/cli.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cliMain.js', ...apart, plugins: [csharpParserApart, mcpSdkApart, catalogAsJson] },
  { ...common, entryPoints: ['server/src/mcpSdk.ts'], outfile: 'dist/mcpSdk.js' },
  { ...common, entryPoints: ['server/src/languageService/expressions/csharpParser.ts'], outfile: 'dist/csharpParser.js' },
];

/** The C# parser's WebAssembly (web-tree-sitter's runtime and the grammar), loaded beside the bundles at run time. */
const WASM = [
  require.resolve('web-tree-sitter/tree-sitter.wasm'),
  path.join(path.dirname(require.resolve('tree-sitter-c-sharp/package.json')), 'tree-sitter-c_sharp.wasm'),
];

function copyWasm() {
  fs.mkdirSync('dist', { recursive: true });
  for (const file of WASM) fs.copyFileSync(file, path.join('dist', path.basename(file)));
}

/** A rebuilt bundle's code cache is of no use (the loader would refuse it by its key anyway). */
function removeCodeCaches() {
  if (!fs.existsSync('dist')) return;
  for (const name of fs.readdirSync('dist')) if (name.includes('.v8cache')) fs.rmSync(path.join('dist', name), { force: true });
}

async function main() {
  copyWasm();
  removeCodeCaches();
  if (watch) {
    const contexts = await Promise.all(builds.map(b => esbuild.context(b)));
    await Promise.all(contexts.map(c => c.watch()));
    console.log('[watch] build started');
    return;
  }
  await Promise.all(builds.map(b => esbuild.build(b)));
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
