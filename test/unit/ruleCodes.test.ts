/**
 * `Rule.codes` is the contract between the rules, the quick fixes and the README's rule table:
 * every code a rule file reports is declared by a rule of that file, and every declared code is
 * documented in the table.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { rules } from '../../server/src/languageService/services/validation';

const repo = path.resolve(__dirname, '../../..');
const validationDir = path.join(repo, 'server/src/languageService/services/validation');

/** `flow-*` covers `flow-audience`; a code without `*` covers itself. */
function covers(pattern: string, code: string): boolean {
  return pattern.endsWith('*') ? code.startsWith(pattern.slice(0, -1)) : pattern === code;
}

/**
 * The codes a rule file reports: the literals of its `code:` properties (both branches of a
 * ternary); a template `flow-${…}` as `flow-*`. Codes passed through from the scanner or the C#
 * checks (`code: e.code`) are covered by the rule's wildcard and not seen here.
 */
function reportedCodes(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/\bcode: ([^,}\n]+)/g)) {
    // the value, or the branches of a ternary (not the literals of its condition)
    for (const lit of m[1].matchAll(/(?:^|\? |: )'([a-z][a-z0-9-]*)'/g)) out.push(lit[1]);
    for (const tpl of m[1].matchAll(/`([a-z][a-z0-9-]*)\$\{/g)) out.push(`${tpl[1]}*`);
  }
  return out;
}

test('every code a rule file reports is declared in the codes of a rule of that file', () => {
  const declaredByFile = new Map<string, string[]>();
  for (const file of fs.readdirSync(validationDir).filter(f => f.endsWith('.ts') && f !== 'index.ts' && f !== 'types.ts')) {
    const source = fs.readFileSync(path.join(validationDir, file), 'utf8');
    const declared = rules.filter(r => r.codes.some(c => new RegExp(`codes: \\[[^\\]]*'${c.replace('*', '\\*')}'`).test(source))).flatMap(r => r.codes);
    declaredByFile.set(file, declared);
    for (const code of reportedCodes(source)) {
      assert.ok(declared.some(p => covers(p, code.replace(/\*$/, 'x'))), `${file} reports '${code}', which no rule of the file declares (declared: ${declared.join(', ')})`);
    }
  }
  assert.ok([...declaredByFile.values()].flat().length > 20, 'the rules were found in their files');
});

test('every declared code is in the README rule table', () => {
  const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
  const table = readme.substring(readme.indexOf('## Rules'), readme.indexOf('### Notes on rules'));
  const documented = [...table.matchAll(/^\| ([^|]+) \|/gm)].flatMap(m => [...m[1].matchAll(/`([^`]+)`/g)].map(c => c[1]));
  for (const rule of rules) {
    for (const code of rule.codes) {
      assert.ok(documented.some(d => d === code || covers(d, code) || (code.endsWith('*') && documented.some(x => covers(code, x)))), `'${code}' is not documented in the README rule table`);
    }
  }
});
