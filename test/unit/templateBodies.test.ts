/**
 * Bodies and templates: inside `set-body` (Liquid or not), a `return-response` / `send-request`
 * body, `value` elements and the other places the catalog marks as a body, markup is content.
 * No element checks there, and `{{…}}` in a Liquid template is Liquid unless it names a real
 * named value.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/languageService/languageService';
import { parsePolicy } from '../../server/src/languageService/parser/policyParser';
import { withCursor } from '../util/service';

const root = 'file:///repo/apim';
const opUri = `${root}/apis/soap/operations/submit/policy.xml`;

function serviceWithWorkspace() {
  const service = getLanguageService();
  service.workspace.update(`${root}/named%20values/channel/namedValueInformation.json`, JSON.stringify({ properties: { displayName: 'channel', secret: false, value: 'web' } }));
  service.workspace.update(`${root}/apis/soap/policy.xml`, '<policies><inbound><base /></inbound></policies>');
  return service;
}

function wrap(inbound: string, outbound = ''): string {
  return `<policies><inbound><base />${inbound}</inbound><backend><base /></backend><outbound><base />${outbound}</outbound><on-error><base /></on-error></policies>`;
}

function check(text: string): Array<[string | number | undefined, string]> {
  const service = serviceWithWorkspace();
  const document = TextDocument.create(opUri, 'apim-policy', 1, text);
  return service.doValidation(document).map(d => [d.code, document.getText(d.range)]);
}

const soapEnvelope = `<set-body template="liquid">
  <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns="http://tempuri.org/">
    <soap:Body>
      <SubmitOrder>
        {% if body.order.customerId %}
        <customerId>{{body.order.customerId}}</customerId>
        {% endif %}
        {% for line in body.order.lines %}<line sku="{{line.sku}}"><qty>{{ line.quantity }}</qty></line>{% endfor %}
      </SubmitOrder>
    </soap:Body>
  </soap:Envelope>
</set-body>`;

test('a Liquid set-body holding a SOAP envelope: no element checks, no named-value warnings', () => {
  assert.deepEqual(check(wrap(soapEnvelope)), []);
});

test('after a Liquid template ends, {{name}} is a named value again', () => {
  const text = wrap(`${soapEnvelope}<set-header name="x" exists-action="override"><value>{{body.order.customerId}}</value></set-header>`);
  assert.deepEqual(check(text), [['unknown-named-value', 'body.order.customerId']]);
});

test('a Liquid {{name}} that is a real named value still resolves (hover and definition)', () => {
  const service = serviceWithWorkspace();
  const { text, offset } = withCursor(wrap('<set-body template="liquid"><Order><channel>{{chan|nel}}</channel><id>{{body.id}}</id></Order></set-body>'));
  const document = TextDocument.create(opUri, 'apim-policy', 1, text);
  assert.deepEqual(service.doValidation(document), []);
  const hover = service.doHover(document, document.positionAt(offset));
  assert.match((hover?.contents as MarkupContent).value, /\{\{channel\}\}.*named value[\s\S]*Value: `web`/);
  assert.equal(service.findDefinition(document, document.positionAt(offset))[0]?.uri, `${root}/named%20values/channel/namedValueInformation.json`);
});

test('markup in bodies that are not Liquid is content too', () => {
  const bodies = [
    // set-body without a template: the XML is sent as it is written
    '<set-body><Order xmlns="urn:x"><id>1</id></Order></set-body>',
    // return-response's body, an HTML page with its own <base>
    '<return-response><set-status code="200" reason="OK" /><set-body><html><head><base href="/" /></head><body><p>Down for maintenance</p></body></html></set-body></return-response>',
    // send-request's body
    '<send-request mode="new" response-variable-name="r"><set-url>https://x.example</set-url><set-method>POST</set-method><set-body><ping><at>now</at></ping></set-body></send-request>',
    // a header value written as markup
    '<set-header name="x-doc" exists-action="override"><value><b>bold</b></value></set-header>',
    // a Liquid Dapr message
    '<publish-to-dapr topic="orders/new" template="liquid"><order id="{{body.id}}"><total>{{body.total}}</total></order></publish-to-dapr>',
  ];
  for (const b of bodies) assert.deepEqual(check(wrap(b)), [], b);
});

test('an element where a policy takes no children is still reported (not a body)', () => {
  assert.deepEqual(check(wrap('<set-variable name="v" value="1"><foo /></set-variable>')), [['unknown-child-element', 'foo']]);
});

test('the parser marks {{…}} in a Liquid template, in text and in attributes, and only there', () => {
  const d = parsePolicy(wrap(`<set-header name="a" exists-action="override"><value>{{before}}</value></set-header>${soapEnvelope}<set-body>{{after}}</set-body>`));
  assert.deepEqual(d.namedValues.map(n => [n.name, n.inLiquid]), [
    ['before', false], ['body.order.customerId', true], ['line.sku', true], ['after', false],
  ]);
});

test('the generated SOAP-to-REST example API has no warning or error', () => {
  const folder = path.resolve(__dirname, '../../../examples/apis/customer-orders-soap');
  const files = ['operations/get-open-orders/policy.xml', 'operations/submit-order/policy.xml', 'policy.xml'];
  const service = getLanguageService();
  const index = service.workspace;
  index.update('file:///examples/named%20values/orders-flow-url/namedValueInformation.json', JSON.stringify({ properties: { displayName: 'orders-flow-url', value: 'https://x.example' } }));
  for (const f of files) {
    const text = fs.readFileSync(path.join(folder, f), 'utf8');
    const document = TextDocument.create(`file:///examples/apis/customer-orders-soap/${f}`, 'apim-policy', 1, text);
    index.update(document.uri, text);
    const found = service.doValidation(document).filter(d => d.severity === 1 || d.severity === 2);
    assert.deepEqual(found.map(d => `${f}:${d.range.start.line + 1} ${d.code} ${d.message}`), []);
  }
});
