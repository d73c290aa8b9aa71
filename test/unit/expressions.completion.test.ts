/**
 * Completion and hover inside policy expressions, through the language service: the `context`
 * object model down the member chain, variable names, known values, types.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/languageService/languageService';
import { applyCompletion, withCursor } from '../util/service';

const service = getLanguageService();

function policy(inbound: string): string {
  return `<policies>\n<inbound>\n<base />\n<set-variable name="orderId" value="1" />\n<send-request response-variable-name="resp" mode="new"><set-url>https://example.test</set-url></send-request>\n${inbound}\n</inbound>\n</policies>`;
}

function complete(textWithCursor: string, svc = service, uri = 'file:///ws/apis/orders/policy.xml') {
  const { text, offset } = withCursor(textWithCursor);
  const document = TextDocument.create(uri, 'apim-policy', 1, text);
  return { items: svc.doComplete(document, document.positionAt(offset)).items, document };
}

function labels(textWithCursor: string): string[] {
  return complete(textWithCursor).items.map(i => i.label);
}

/** The document after applying the completion `label` (snippet syntax removed). */
function apply(textWithCursor: string, label: string): string {
  const { items, document } = complete(textWithCursor);
  const item = items.find(i => i.label === label);
  assert.ok(item, `no completion '${label}' in ${items.map(i => i.label).join(', ')}`);
  return applyCompletion(document, item as CompletionItem);
}

function hover(textWithCursor: string): { text: string; covered: string } | null {
  const { text, offset } = withCursor(textWithCursor);
  const document = TextDocument.create('file:///ws/apis/orders/policy.xml', 'apim-policy', 1, text);
  const h = service.doHover(document, document.positionAt(offset));
  if (!h) return null;
  return { text: (h.contents as MarkupContent).value, covered: h.range ? document.getText(h.range) : '' };
}

test('after context. the members of the context', () => {
  const l = labels(policy('<set-header name="a"><value>@(context.|)</value></set-header>'));
  for (const m of ['Api', 'Deployment', 'LastError', 'Request', 'Response', 'Subscription', 'User', 'Variables', 'Trace']) assert.ok(l.includes(m), m);
  assert.ok(!l.includes('set-header'), 'no policy elements inside an expression');
  assert.equal(apply(policy('<set-header name="a"><value>@(context.Req|)</value></set-header>'), 'Request'),
    policy('<set-header name="a"><value>@(context.Request)</value></set-header>'));
});

test('down the member chain: Request, Headers, Body.As<T>(), Url', () => {
  assert.deepEqual(labels(policy('<set-variable name="a" value="@(context.Request.|)" />')).filter(l => /^[A-Z]/.test(l)).slice(0, 9),
    ['Body', 'Certificate', 'Headers', 'IpAddress', 'MatchedParameters', 'Method', 'OriginalUrl', 'PrivateEndpointConnection', 'Url']);
  assert.ok(labels(policy('<set-variable name="a" value="@(context.Request.Headers.|)" />')).includes('GetValueOrDefault'));
  assert.ok(labels(policy('<set-variable name="a" value="@(context.Request.OriginalUrl.|)" />')).includes('Host'));
  assert.ok(labels(policy('<set-variable name="a" value="@(context.Subscription?.|)" />')).includes('Key'));
  assert.equal(apply(policy('<set-body>@(context.Request.Body.|)</set-body>'), 'As'),
    policy('<set-body>@(context.Request.Body.As<string>(preserveContent: true))</set-body>'));
  // the escaped format gets entities
  assert.equal(apply(policy('<set-variable name="a" value="@(context.Request.Body.|)" /><set-variable name="b" value="@(&quot;x&quot;)" />'), 'As'),
    policy('<set-variable name="a" value="@(context.Request.Body.As&lt;string&gt;(preserveContent: true))" /><set-variable name="b" value="@(&quot;x&quot;)" />'));
  // a type this model does not describe offers nothing rather than a guess
  assert.deepEqual(labels(policy('<set-variable name="a" value="@(context.Request.Body.As<JObject>(preserveContent: true).|)" />')), []);
});

test('casts, typed locals, extension methods and foreach variables', () => {
  assert.ok(labels(policy('<set-variable name="a" value="@(((IResponse)context.Variables[&quot;resp&quot;]).|)" />')).includes('StatusCode'));
  assert.ok(labels(policy('<set-body>@{ var r = (IResponse)context.Variables["resp"]; return r.| }</set-body>')).includes('Body'));
  assert.ok(labels(policy('<set-body>@(context.Request.Headers.GetValueOrDefault("Authorization", "").AsJwt().|)</set-body>')).includes('Claims'));
  assert.ok(labels(policy('<set-body>@{ Jwt jwt; if (context.Request.Headers.GetValueOrDefault("a", "").TryParseJwt(out jwt)) { return jwt.| } return ""; }</set-body>')).includes('Subject'));
  assert.deepEqual(labels(policy('<set-body>@{ foreach (var g in context.User.Groups) { return g.| } return ""; }</set-body>')).slice(0, 2), ['Id', 'Name']);
  assert.ok(labels(policy('<set-body>@(context.Variables.GetValueOrDefault<IResponse>("resp").|)</set-body>')).includes('StatusReason'));
});

test('variable names inside context.Variables["…"] and GetValueOrDefault("…")', () => {
  assert.deepEqual(labels(policy('<set-variable name="a" value="@(context.Variables[&quot;|&quot;])" />')).sort(), ['a', 'orderId', 'resp']);
  assert.equal(apply(policy('<set-variable name="a" value="@(context.Variables[&quot;or|&quot;])" />'), 'orderId'),
    policy('<set-variable name="a" value="@(context.Variables[&quot;orderId&quot;])" />'));
  assert.equal(apply(policy('<set-body>@(context.Variables.GetValueOrDefault<string>("|"))</set-body>'), 'orderId'),
    policy('<set-body>@(context.Variables.GetValueOrDefault<string>("orderId"))</set-body>'));
  // without a quote yet the name comes quoted, in the document's format
  assert.equal(apply(policy('<set-body>@(context.Variables[|])</set-body>'), 'resp'), policy('<set-body>@(context.Variables["resp"])</set-body>'));
  assert.equal(apply(policy('<set-variable name="a" value="@(context.Variables[|])" /><set-variable name="b" value="@(&quot;x&quot;)" />'), 'resp'),
    policy('<set-variable name="a" value="@(context.Variables[&quot;resp&quot;])" /><set-variable name="b" value="@(&quot;x&quot;)" />'));
  const item = complete(policy('<set-body>@(context.Variables["|"])</set-body>')).items.find(i => i.label === 'resp')!;
  assert.match(String(item.detail), /send-request response-variable-name.*IResponse/);
});

test('variables from fragments and parent policies through the workspace index', () => {
  const root = 'file:///repo/apim';
  const svc = getLanguageService();
  const index = svc.workspace;
  index.update(`${root}/policy%20fragments/auth/policy.xml`, '<fragment><validate-jwt header-name="Authorization" output-token-variable-name="token"><openid-config url="https://example.test" /></validate-jwt></fragment>');
  index.update(`${root}/apis/orders/policy.xml`, '<policies><inbound><base /><set-variable name="tenant" value="1" /></inbound></policies>');
  const l = complete('<policies><inbound><base /><include-fragment fragment-id="auth" /><set-body>@(context.Variables["|"])</set-body></inbound></policies>', svc,
    `${root}/apis/orders/operations/get/policy.xml`).items.map(i => i.label).sort();
  assert.deepEqual(l, ['tenant', 'token']);
});

test('known values after a comparison: LastError.Reason, Request.Method', () => {
  const l = labels(policy('<set-body>@(context.LastError.Reason == "|")</set-body>'));
  assert.ok(l.includes('RateLimitExceeded') && l.includes('TokenExpired'));
  assert.equal(apply(policy('<set-body>@(context.Request.Method == |)</set-body>'), 'POST'), policy('<set-body>@(context.Request.Method == "POST")</set-body>'));
});

test('at the start of an operand: context, locals and the allowed types', () => {
  const l = labels(policy('<set-variable name="a" value="@(|)" />'));
  assert.equal(l[0], 'context');
  assert.ok(l.includes('JObject') && l.includes('DateTime'));
  assert.equal(apply(policy('<set-variable name="a" value="@(cont|)" />'), 'context'), policy('<set-variable name="a" value="@(context)" />'));
  assert.ok(labels(policy('<set-body>@{ var r = (IResponse)context.Variables["resp"]; return |')).includes('r'));
});

test('hover: a member\'s type and meaning, context, variables, types', () => {
  const h = hover(policy('<set-variable name="a" value="@(context.Req|uest.Method)" />'))!;
  assert.equal(h.covered, 'Request');
  assert.match(h.text, /Request: IRequest/);
  assert.match(h.text, /incoming request/);
  const m = hover(policy('<set-variable name="a" value="@(context.Request.Body.A|s&lt;JObject&gt;(preserveContent: true))" />'))!;
  assert.equal(m.covered, 'As');
  assert.match(m.text, /preserveContent/);
  assert.match(hover(policy('<set-variable name="a" value="@(con|text.Api.Name)" />'))!.text, /IProxyContext/);
  const v = hover(policy('<set-variable name="a" value="@(context.Variables[&quot;or|derId&quot;])" />'))!;
  assert.equal(v.covered, 'orderId');
  assert.match(v.text, /set-variable name="orderId"/);
  const t = hover(policy('<set-variable name="a" value="@(System.IO.Fi|le.Exists(&quot;x&quot;))" />'))!;
  assert.equal(t.covered, 'System.IO.File');
  assert.match(t.text, /not allowed/);
  assert.match(hover(policy('<set-variable name="a" value="@(context.LastError.Rea|son)" />'))!.text, /RateLimitExceeded/);
  assert.equal(hover(policy('<set-variable name="a" value="@(1 +| 2)" />')), null);
  // outside expressions the element hover still answers
  assert.match(hover(policy('<set-var|iable name="a" value="@(1)" />'))!.text, /set-variable/);
});
