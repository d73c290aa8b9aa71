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

// ---- the list of codes the `apimPolicy.rules` setting offers ----

import { RULE_CODES, RULE_SEVERITIES } from '../../server/src/languageService/services/ruleSeverity';

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(e => e.isFile() && e.name.endsWith('.ts'))
    .map(e => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'));
}

test('RULE_CODES holds every code a diagnostic is made with in the sources', () => {
  const known = new Set(RULE_CODES);
  const found = new Set<string>();
  for (const source of sourcesUnder(path.join(repo, 'server/src'))) {
    for (const m of source.matchAll(/\bcode: '([a-z][a-z0-9-]*)'/g)) found.add(m[1]);
    // problemAt(uri, node, 'warning', 'pa-invalid-caller', …) and the scanner's error(offset, length, 'xml-…', …)
    for (const m of source.matchAll(/'(?:error|warning|information)', '([a-z][a-z0-9-]*)'/g)) if (!(RULE_SEVERITIES as readonly string[]).includes(m[1])) found.add(m[1]);
    for (const m of source.matchAll(/\berror\([^;'`]*?'(xml-[a-z0-9-]+)'/g)) found.add(m[1]);
  }
  // the trigger checks become `flow-<id>`; the token's own checks (header, signature, times) never fail on a predicted token
  const tokenOnly = new Set(['header-alg', 'header-crit', 'header-kid', 'header-typ', 'signature', 'time-exp', 'time-nbf', 'token', 'token-format', 'lifetime', 'scheme', 'result']);
  for (const source of sourcesUnder(path.join(repo, 'server/src/languageService/auth'))) {
    for (const m of source.matchAll(/\bid: '([a-z][a-z0-9-]*)'/g)) if (!tokenOnly.has(m[1])) found.add(`flow-${m[1]}`);
  }
  assert.ok(found.size > 100, `${found.size} codes found: the patterns no longer match the sources`);
  const missing = [...found].filter(c => !known.has(c));
  assert.deepEqual(missing, [], 'codes reported but missing from RULE_CODES (and so from the apimPolicy.rules schema)');
  assert.equal(new Set(RULE_CODES).size, RULE_CODES.length, 'a code twice in RULE_CODES');
});

test('RULE_CODES: every code a rule declares, no code no rule or table knows', () => {
  const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
  const table = readme.substring(readme.indexOf('## Rules'), readme.indexOf('### Notes on rules'));
  const documented = [...table.matchAll(/^\| ([^|]+) \|/gm)].flatMap(m => [...m[1].matchAll(/`([^`]+)`/g)].map(c => c[1]));
  for (const rule of rules) {
    for (const code of rule.codes) {
      if (code.endsWith('*')) assert.ok(RULE_CODES.some(c => covers(code, c)), `no code in RULE_CODES for ${code}`);
      else assert.ok(RULE_CODES.includes(code), `${code} is declared by a rule but not in RULE_CODES`);
    }
  }
  for (const code of RULE_CODES) assert.ok(documented.some(d => covers(d, code)), `'${code}' is in RULE_CODES but not in the README rule table`);
  for (const d of documented.filter(x => !x.endsWith('*'))) assert.ok(RULE_CODES.includes(d), `the README documents '${d}', which RULE_CODES does not have`);
});

test('package.json: apimPolicy.rules offers exactly RULE_CODES, each with the five severities, and flags anything else', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const setting = pkg.contributes.configuration.properties['apimPolicy.rules'];
  assert.equal(setting.type, 'object');
  assert.equal(setting.additionalProperties, false, 'an unknown code is marked in settings.json');
  assert.deepEqual(Object.keys(setting.properties).sort(), [...RULE_CODES].sort(), 'regenerate the properties from RULE_CODES');
  for (const [code, schema] of Object.entries<{ enum: string[] }>(setting.properties)) assert.deepEqual(schema.enum, [...RULE_SEVERITIES], code);
});
