/**
 * The command and view ids are declared once (common/commands.ts) and listed again in
 * package.json for VS Code: the two lists must not drift apart.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { Commands, Views } from '../../common/protocol';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: Array<{ command: string }>;
    views: Record<string, Array<{ id: string }>>;
    menus: Record<string, Array<{ command: string }>>;
  };
};

const sorted = (ids: Iterable<string>) => [...ids].sort();

test('the command ids of common/commands.ts are exactly package.json\'s contributes.commands', () => {
  assert.deepEqual(sorted(Object.values(Commands)), sorted(manifest.contributes.commands.map(c => c.command)));
});

test('the view ids of common/commands.ts are exactly package.json\'s contributes.views', () => {
  assert.deepEqual(sorted(Object.values(Views)), sorted(Object.values(manifest.contributes.views).flat().map(v => v.id)));
});

test('every command a menu names is a declared command', () => {
  const declared = new Set<string>(Object.values(Commands));
  for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
    for (const item of items) assert.ok(declared.has(item.command), `${menu} names ${item.command}`);
  }
});
