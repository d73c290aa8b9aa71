import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/languageService/languageService';

const root = 'file:///repo/apim';
const opUri = `${root}/apis/orders/operations/create/policy.xml`;

function service(files: Record<string, string>) {
  const s = getLanguageService();
  for (const [path, text] of Object.entries(files)) s.workspace.update(`${root}/${path}`, text);
  return s;
}

const GLOBAL = `<policies>
\t<inbound>
\t\t<set-header name="x-global" exists-action="override"><value>g</value></set-header>
\t</inbound>
\t<backend>
\t\t<forward-request />
\t</backend>
\t<outbound />
\t<on-error />
</policies>`;

const API = `<policies>
\t<inbound>
\t\t<base />
\t\t<set-backend-service base-url="https://orders.example.test" />
\t</inbound>
\t<backend><base /></backend>
\t<outbound><base /></outbound>
\t<on-error><base /></on-error>
</policies>`;

const OP = `<policies>
\t<inbound>
\t\t<set-variable name="before" value="1" />
\t\t<base />
\t\t<rewrite-uri template="/create" />
\t</inbound>
\t<backend><base /></backend>
\t<outbound><base /><set-header name="x-op" exists-action="delete" /></outbound>
\t<on-error><base /></on-error>
</policies>`;

const names = (e: { elements: { name: string; section: string; scope: string }[] }, section: string) =>
  e.elements.filter(x => x.section === section).map(x => `${x.scope}:${x.name}`);

test('effective policy: global → API → operation, <base /> where it stands', () => {
  const s = service({ 'policy.xml': GLOBAL, 'apis/orders/policy.xml': API, 'apis/orders/operations/create/policy.xml': OP });
  const e = s.effectivePolicy(opUri)!;
  assert.equal(e.scope, 'operation');
  assert.deepEqual(e.levels.map(l => l.scope), ['global', 'api', 'operation']);
  assert.deepEqual(names(e, 'inbound'), ['operation:set-variable', 'global:set-header', 'api:set-backend-service', 'operation:rewrite-uri']);
  assert.deepEqual(names(e, 'backend'), ['global:forward-request']);
  assert.deepEqual(names(e, 'outbound'), ['operation:set-header']);
  // each element's text is the source's, and its composed range holds exactly that text
  const lines = e.text.split('\n');
  for (const el of e.elements) {
    const composedLine = lines[el.composedRange.start.line];
    const source = s.workspace.policyText(el.uri)!.split('\n')[el.range.start.line];
    assert.equal(composedLine.substring(el.composedRange.start.character, el.composedRange.start.character + 10), source.substring(el.range.start.character, el.range.start.character + 10));
  }
  assert.match(e.text, /<!-- from: global \(policy\.xml\) -->\n\t\t<set-header name="x-global"/);
  assert.match(e.text, /<!-- from: api \(apis\/orders\/policy\.xml\) -->/);
  // the composed text is a policy document without errors
  const errors = s.doValidation(TextDocument.create('untitled:effective.xml', 'apim-policy', 1, e.text)).filter(d => d.severity === 1);
  assert.deepEqual(errors.map(d => d.message), []);
});

test('effective policy: a section without <base /> cuts the broader levels, and says so', () => {
  const op = OP.replace('<outbound><base /><set-header', '<outbound><set-header');
  const s = service({ 'policy.xml': GLOBAL.replace('<outbound />', '<outbound><set-header name="x-g-out" exists-action="delete" /></outbound>'), 'apis/orders/policy.xml': API, 'apis/orders/operations/create/policy.xml': op });
  const e = s.effectivePolicy(opUri)!;
  assert.deepEqual(names(e, 'outbound'), ['operation:set-header']);
  assert.match(e.text, /apis\/orders\/operations\/create\/policy\.xml has no <base \/> here/);
  // the API level cutting inbound drops global's statements but keeps the operation's
  const s2 = service({ 'policy.xml': GLOBAL, 'apis/orders/policy.xml': API.replace('<base />\n\t\t<set-backend', '<set-backend'), 'apis/orders/operations/create/policy.xml': OP });
  assert.deepEqual(names(s2.effectivePolicy(opUri)!, 'inbound'), ['operation:set-variable', 'api:set-backend-service', 'operation:rewrite-uri']);
  // a level with no policy file is APIM's default: <base /> everywhere
  const s3 = service({ 'policy.xml': GLOBAL, 'apis/orders/operations/create/policy.xml': OP });
  assert.deepEqual(names(s3.effectivePolicy(opUri)!, 'inbound'), ['operation:set-variable', 'global:set-header', 'operation:rewrite-uri']);
});

test('effective policy: fragments are pasted where they are included, their origin marked', () => {
  const s = service({
    'policy.xml': GLOBAL,
    'policy%20fragments/strip-auth/policy.xml': '<fragment>\n\t<set-header name="Authorization" exists-action="delete" />\n\t<set-variable name="f" value="1" />\n</fragment>',
    'apis/orders/policy.xml': API.replace('<base />\n', '<base />\n\t\t<include-fragment fragment-id="strip-auth" />\n'),
    'apis/orders/operations/create/policy.xml': OP,
  });
  const e = s.effectivePolicy(opUri)!;
  assert.deepEqual(names(e, 'inbound'), ['operation:set-variable', 'global:set-header', 'api:set-header', 'api:set-variable', 'api:set-backend-service', 'operation:rewrite-uri']);
  const pasted = e.elements.filter(x => x.fragment === 'strip-auth');
  assert.equal(pasted.length, 2);
  assert.equal(pasted[0].uri, `${root}/policy%20fragments/strip-auth/policy.xml`);
  assert.deepEqual(pasted[0].range.start, { line: 1, character: 1 });
  assert.match(e.text, /<!-- from: fragment strip-auth \(policy fragments\/strip-auth\/policy\.xml\), included at api \(apis\/orders\/policy\.xml\) -->/);
  // an unknown fragment stays as the include element
  const s2 = service({ 'apis/orders/policy.xml': API.replace('<base />\n', '<base />\n\t\t<include-fragment fragment-id="nope" />\n'), 'apis/orders/operations/create/policy.xml': OP });
  assert.ok(names(s2.effectivePolicy(opUri)!, 'inbound').includes('api:include-fragment'));
});

test('effective policy: products from the APIOps product folders, one chosen', () => {
  const product = (name: string) => `<policies><inbound><base /><set-variable name="product" value="${name}" /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>`;
  const s = service({
    'policy.xml': GLOBAL,
    'products/gold/policy.xml': product('gold'),
    'products/gold/apis/orders/productApiInformation.json': '{}',
    'products/bronze/policy.xml': product('bronze'),
    'products/bronze/apis/orders/productApiInformation.json': '{}',
    'products/other/policy.xml': product('other'),
    'products/other/apis/billing/productApiInformation.json': '{}',
    'apis/orders/policy.xml': API,
    'apis/orders/operations/create/policy.xml': OP,
  });
  const first = s.effectivePolicy(opUri)!;
  assert.deepEqual(first.products, ['bronze', 'gold']);
  assert.equal(first.product, 'bronze');
  assert.deepEqual(first.levels.map(l => l.scope), ['global', 'product', 'api', 'operation']);
  assert.deepEqual(names(first, 'inbound'), ['operation:set-variable', 'global:set-header', 'product:set-variable', 'api:set-backend-service', 'operation:rewrite-uri']);
  const gold = s.effectivePolicy(opUri, { product: 'gold' })!;
  assert.equal(gold.product, 'gold');
  assert.match(gold.text, /value="gold"/);
  assert.doesNotMatch(gold.text, /value="bronze"/);
  assert.match(gold.text, /Product: gold \(the API is in bronze, gold\)/);
  // a product's own effective policy: global → product
  const p = s.effectivePolicy(`${root}/products/gold/policy.xml`)!;
  assert.deepEqual(p.levels.map(l => l.scope), ['global', 'product']);
  assert.equal(p.product, 'gold');
  // fragments and unknown files have none
  assert.equal(s.effectivePolicy(`${root}/policy%20fragments/x/policy.xml`), undefined);
  assert.equal(s.effectivePolicy(`${root}/apis/nope/policy.xml`), undefined);
});

test('a CodeLens on <policies> of an operation names the levels and opens the effective policy', () => {
  const s = service({ 'policy.xml': GLOBAL, 'apis/orders/policy.xml': API, 'apis/orders/operations/create/policy.xml': OP });
  const document = TextDocument.create(opUri, 'apim-policy', 1, OP);
  const lenses = s.getCodeLenses(document);
  assert.equal(lenses.length, 1);
  assert.equal(lenses[0].command?.title, 'Effective policy: global → API → operation');
  assert.equal(lenses[0].command?.command, 'apimPolicy.showEffectivePolicy');
  assert.deepEqual(lenses[0].command?.arguments, [opUri]);
  assert.deepEqual(lenses[0].range.start, { line: 0, character: 0 });
  // none on the global policy (it runs alone) nor on a fragment
  const global = TextDocument.create(`${root}/policy.xml`, 'apim-policy', 1, GLOBAL);
  assert.deepEqual(s.getCodeLenses(global), []);
});
