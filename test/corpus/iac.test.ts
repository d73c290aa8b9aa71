/**
 * Every file of ../shared/corpus/iac through the IaC readers and the service: the Bicep, ARM and
 * Terraform files report no error at their embedded policies, and every policy file a resource
 * loads reports none when checked with that resource's scope. False errors are the worst outcome.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { findIacLoads, getLanguageService, iacHostKind, loadCSharpParser, type IacPolicyLoad } from '../../server/src/languageService/languageService';
import { extractIacPolicies, readIacFile } from '../../server/src/languageService/workspace/iac';
import { CORPUS, corpusSkip } from '../util/corpus';

const root = path.join(CORPUS, 'iac');
/** Genuinely broken files (../shared/corpus/EXPECTED.md): each must get at least one error. */
const broken = ['Gabegi__Azure-API-Management-Terraform/src/policies/fragment.xml'];
const skip = corpusSkip('iac');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function describe(d: Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1} [${String(d.code)}] ${d.message}`;
}

test('IaC corpus: policies found in every host file, no error in them or in the files they load', { skip }, async () => {
  const service = getLanguageService({ csharp: await loadCSharpParser() });
  const files = walk(root).sort();
  const counts: string[] = [];
  const errors: string[] = [];
  const loads = new Map<string, IacPolicyLoad>();
  let hosts = 0;
  let policies = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const uri = URI.file(file).toString();
    const kind = iacHostKind(uri, text);
    if (!kind) continue;
    hosts++;
    const found = extractIacPolicies(kind, text);
    policies += found.length;
    counts.push(`${path.relative(root, file)}: ${found.length} (${found.map(p => `${p.scope ?? '?'}/${p.value.kind}`).join(', ')})`);
    const document = TextDocument.create(uri, kind, 1, text);
    for (const d of service.validateHostFile(document)) {
      if (d.severity === DiagnosticSeverity.Error) errors.push(`${path.relative(root, file)}:${describe(d)}`);
    }
    for (const load of findIacLoads(uri, text)) loads.set(load.uri, load);
  }
  let loaded = 0;
  for (const [uri, load] of loads) {
    const file = URI.parse(uri).fsPath;
    if (!fs.existsSync(file)) continue;
    loaded++;
    const document = TextDocument.create(uri, 'apim-policy', 1, fs.readFileSync(file, 'utf8'));
    for (const d of service.validateLoadedPolicy(document, load)) {
      if (d.severity === DiagnosticSeverity.Error) errors.push(`${path.relative(root, file)} (as ${load.scope}):${describe(d)}`);
    }
  }
  console.log(`IaC corpus: ${hosts} host files, ${policies} policies, ${loaded} loaded files checked\n  ${counts.join('\n  ')}`);
  assert.deepEqual(errors.filter(e => !broken.some(b => e.startsWith(b + ' '))), []);
  for (const b of broken) assert.ok(errors.some(e => e.startsWith(b + ' ')), `no error in ${b}`);
  // the visible corpus: 20 host files (9 Bicep, 4 ARM, 7 Terraform) holding policy resources
  assert.equal(hosts, 20);
  assert.ok(policies >= 25, `only ${policies} policies found`);
});

test('IaC corpus: named values the templates define are read, and no {{name}} they hold or load is unknown', { skip }, () => {
  // an empty APIOps workspace: the templates are the only source of named values
  const service = getLanguageService();
  const warnings: string[] = [];
  const loads = new Map<string, IacPolicyLoad>();
  const defined: string[] = [];
  for (const file of walk(root).sort()) {
    const text = fs.readFileSync(file, 'utf8');
    const uri = URI.file(file).toString();
    const kind = iacHostKind(uri, text);
    if (!kind) continue;
    for (const nv of readIacFile(kind, text).namedValues) defined.push(nv.displayName ?? '?');
    for (const d of service.validateHostFile(TextDocument.create(uri, kind, 1, text))) {
      if (d.code === 'unknown-named-value') warnings.push(`${path.relative(root, file)}:${describe(d)}`);
    }
    for (const load of findIacLoads(uri, text)) loads.set(load.uri, load);
  }
  for (const [uri, load] of loads) {
    const file = URI.parse(uri).fsPath;
    if (!fs.existsSync(file)) continue;
    const document = TextDocument.create(uri, 'apim-policy', 1, fs.readFileSync(file, 'utf8'));
    for (const d of service.validateLoadedPolicy(document, load)) {
      if (d.code === 'unknown-named-value') warnings.push(`${path.relative(root, file)}:${describe(d)}`);
    }
  }
  assert.deepEqual(warnings, []);
  // ronaldbosma's unprotected-api.bicep defines 7 (its loaded unprotected-api.xml uses one), the AVM test module params 2
  assert.ok(defined.includes('apim-gateway-url') && defined.length >= 9, defined.join(', '));
});
