/**
 * The variables a policy sets, read from the tree's rows: the same list, in the same order, as a
 * walk of the element and attribute objects finds (the walk it replaced, kept here as the
 * reference), on every corpus policy and on the cases a scan of rows could get wrong.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parsePolicy, type PolicyDocument, type PolicyElement } from '../../server/src/languageService/parser/policyParser';
import { VALUE_TYPES, variableDefinitions, type VariableDefinition } from '../../server/src/languageService/expressions/variables';
import { findPolicyFiles } from '../../server/src/node/policyFiles';
import { CORPUS, corpusSkip } from '../util/corpus';

/** The walk over element and attribute objects that variableDefinitions was. */
function byWalk(doc: PolicyDocument, uri?: string): VariableDefinition[] {
  const out: VariableDefinition[] = [];
  const stack: PolicyElement[] = doc.roots.slice().reverse();
  while (stack.length) {
    const el = stack.pop()!;
    for (const attr of el.attributes) {
      const sets = attr.name === 'variable-name' || attr.name.endsWith('-variable-name') || (el.name === 'set-variable' && attr.name === 'name');
      if (!sets || attr.expression || attr.valueStart === undefined) continue;
      const name = attr.value?.trim();
      if (!name) continue;
      const start = attr.valueStart + (attr.quote ? 1 : 0);
      out.push({ name, element: el.name, attribute: attr.name, valueType: VALUE_TYPES[`${el.name} ${attr.name}`], uri, start, end: start + (attr.value?.length ?? 0) });
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  }
  return out;
}

test('variableDefinitions: the rows give what the walk gave, on hand-made cases', () => {
  const cases = [
    '<policies><inbound><set-variable name="a" value="1" /><set-variable name=" b " value="2" /></inbound></policies>',
    // no value, an empty one, an expression, a name only set-variable may use
    '<policies><inbound><set-variable name value="1" /><set-variable name="" /><set-variable name="@(&quot;x&quot;)" /><set-header name="h" /></inbound></policies>',
    // result variables of other policies, unquoted and single-quoted values, nesting
    "<policies><inbound><send-request response-variable-name='r'><set-url>u</set-url></send-request><choose><when condition=\"@(true)\"><cache-lookup-value key=\"k\" variable-name=\"c\" /><validate-jwt header-name=\"h\" output-token-variable-name=\"jwt\" /></when></choose></inbound><outbound><rate-limit-by-key retry-after-variable-name=x /></outbound></policies>",
    // unclosed and broken markup, several roots, a fragment
    '<policies><inbound><set-variable name="a" value="1"><set-variable name="b" /></inbound>',
    '<fragment><set-variable name="f" value="1" /></fragment><policies><set-variable name="g" /></policies>',
    '',
    'not xml at all',
  ];
  for (const text of cases) {
    const doc = parsePolicy(text);
    assert.deepEqual(variableDefinitions(doc, 'file:///f.xml'), byWalk(doc, 'file:///f.xml'), text);
  }
  assert.deepEqual(variableDefinitions(parsePolicy(cases[0])).map(d => d.name), ['a', 'b']);
});

test('variableDefinitions: the rows give what the walk gave, on every corpus policy', { skip: corpusSkip() }, () => {
  const files = findPolicyFiles([path.join(CORPUS, 'policies'), path.join(CORPUS, 'apiops'), path.join(CORPUS, 'iac')]).files;
  assert.ok(files.length > 300);
  let found = 0;
  for (const file of files) {
    const doc = parsePolicy(fs.readFileSync(file, 'utf8'));
    const expected = byWalk(doc);
    assert.deepEqual(variableDefinitions(doc), expected, file);
    found += expected.length;
  }
  assert.ok(found > 500, `variables found in the corpus: ${found}`);
});
