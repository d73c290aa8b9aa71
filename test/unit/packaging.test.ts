/**
 * The VSIX (.vscodeignore is an allowlist) holds every bundle and WebAssembly file the build
 * writes to dist/: a bundle left out would fail only where it is loaded late (the C# parser, the
 * MCP SDK), in a user's editor rather than in a test.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { listFiles, PackageManager } from '@vscode/vsce';

const root = path.resolve(__dirname, '../../..');

test('the VSIX holds every file of dist/ but the source maps and the code caches', async () => {
  const files = fs.readdirSync(path.join(root, 'dist'));
  // a code cache belongs to the Node that wrote it (node/codeCache.ts): the user's VS Code writes its own
  const built = files.filter(f => !f.endsWith('.map') && !f.includes('.v8cache')).map(f => `dist/${f}`);
  assert.ok(['csharpParser.js', 'mcpSdk.js', 'cli.js', 'cliMain.js', 'server.js', 'serverMain.js'].every(f => built.includes(`dist/${f}`)), `the build wrote: ${built.join(', ')}`);
  const packaged = new Set(await listFiles({ cwd: root, packageManager: PackageManager.None }));
  assert.deepEqual(built.filter(f => !packaged.has(f)), []);
  assert.deepEqual([...packaged].filter(f => f.includes('.v8cache')), []);
});
