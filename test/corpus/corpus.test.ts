/**
 * Every real policy of ../shared/corpus through the service: no error on valid files, at least
 * one on each known-broken file; warnings counted and kept low. A differential check against
 * fast-xml-parser on the masked text (expressions replaced by filler of the same length) shows
 * that our well-formedness errors are real XML errors.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { XMLValidator } from 'fast-xml-parser';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, loadCSharpParser } from '../../server/src/languageService/languageService';
import { parsePolicy } from '../../server/src/languageService/parser/policyParser';
import { createLocator, findPolicyFiles } from '../../server/src/node/policyFiles';
import { CORPUS, corpusSkip } from '../util/corpus';

const corpus = CORPUS;
const expectations = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../test/corpus/expectations.json'), 'utf8')) as {
  broken: Array<{ file: string; reason: string }>;
  maxWarnings: number;
};
const skip = corpusSkip();

function corpusFiles(): string[] {
  return findPolicyFiles([path.join(corpus, 'policies'), path.join(corpus, 'apiops')]).files;
}

/** The text with every expression replaced by same-length filler, line breaks kept. */
export function mask(text: string): string {
  const doc = parsePolicy(text);
  const chars = text.split('');
  for (const e of doc.expressions) {
    for (let i = e.start; i < e.end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = 'x';
  }
  return chars.join('');
}

test('corpus: no error on valid files, an error on each broken file (C# checks included)', { skip }, async () => {
  // the same service as the server and the CLI: with the C# parser of expressions
  const service = getLanguageService({ locate: createLocator(), csharp: await loadCSharpParser() });
  const broken = new Set(expectations.broken.map(b => path.join(corpus, b.file)));
  const files = corpusFiles();
  assert.ok(files.length > 300, `expected the whole corpus, found ${files.length} files`);
  const falseErrors: string[] = [];
  const missed: string[] = [];
  let warnings = 0;
  let errors = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const document = TextDocument.create(file, 'apim-policy', 1, text);
    const diags = service.doValidation(document);
    const errs = diags.filter(d => d.severity === DiagnosticSeverity.Error);
    warnings += diags.filter(d => d.severity === DiagnosticSeverity.Warning).length;
    errors += errs.length;
    if (broken.has(file)) {
      if (errs.length === 0) missed.push(path.relative(corpus, file));
    } else {
      for (const e of errs) falseErrors.push(`${path.relative(corpus, file)}:${e.range.start.line + 1} ${e.code} ${e.message}`);
    }
  }
  console.log(`corpus: ${files.length} files, ${errors} errors (all in known-broken files), ${warnings} warnings`);
  assert.deepEqual(falseErrors, [], 'false errors on valid corpus files');
  assert.deepEqual(missed, [], 'known-broken files without an error');
  assert.ok(warnings <= expectations.maxWarnings, `${warnings} warnings, budget ${expectations.maxWarnings}`);
});

test('corpus: our XML errors agree with fast-xml-parser on the masked text', { skip }, () => {
  const disagreements: string[] = [];
  for (const file of corpusFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    const ours = parsePolicy(text).errors.filter(e => e.code.startsWith('xml-'));
    const strict = XMLValidator.validate(mask(text).replace(/^\uFEFF/, ''));
    const strictOk = strict === true;
    if (ours.length === 0 && !strictOk) disagreements.push(`${path.relative(corpus, file)}: fast-xml-parser says ${JSON.stringify(strict)}`);
    if (ours.length > 0 && strictOk) disagreements.push(`${path.relative(corpus, file)}: we say ${ours[0].code}, fast-xml-parser accepts it`);
  }
  assert.deepEqual(disagreements, []);
});
