/**
 * Policy expressions as C#: the rules (syntax, a block without return, types outside the
 * allow-list, unknown `context` members, variables nothing sets), positions in both the raw and
 * the escaped format, the parse cache; on strings, through the language service.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService, loadCSharpParser, type CSharpParser, type LanguageService } from '../../server/src/languageService/languageService';

const parser = loadCSharpParser();
const services = parser.then(csharp => getLanguageService({ csharp }));

function policy(inbound: string): string {
  return `<policies>\n<inbound>\n<base />\n${inbound}\n</inbound>\n<backend><base /></backend>\n<outbound><base /></outbound>\n<on-error><base /></on-error>\n</policies>`;
}

function document(text: string, uri = 'file:///ws/apis/orders/policy.xml'): TextDocument {
  return TextDocument.create(uri, 'apim-policy', 1, text);
}

async function check(text: string, service?: LanguageService): Promise<{ diags: Diagnostic[]; doc: TextDocument }> {
  const doc = document(text);
  const diags = (service ?? await services).doValidation(doc).filter(d => String(d.code).startsWith('expr-'));
  return { diags, doc };
}

/** Each expression diagnostic as `code "covered text"`. */
async function found(text: string): Promise<string[]> {
  const { diags, doc } = await check(text);
  return diags.map(d => `${d.code} ${JSON.stringify(doc.getText(d.range))}`);
}

test('a C# syntax error is an error at its place', async () => {
  const { diags, doc } = await check(policy('<set-variable name="a" value="@(context.Request.Headers.GetValueOrDefault("a", "") "b")" />'));
  assert.equal(diags.length, 1);
  assert.equal(diags[0].code, 'expr-syntax');
  assert.equal(diags[0].severity, DiagnosticSeverity.Error);
  assert.equal(doc.getText(diags[0].range), '"b"');
});

test('positions in the escaped format count &quot; as six characters', async () => {
  const { diags, doc } = await check(policy('<set-variable name="a" value="@(context.Request.Headers.GetValueOrDefault(&quot;a&quot;, &quot;&quot;) &quot;b&quot;)" />'));
  assert.equal(diags.length, 1);
  assert.equal(doc.getText(diags[0].range), '&quot;b&quot;');
  const { diags: d2, doc: doc2 } = await check(policy('<set-variable name="n" value="1" />\n<choose><when condition="@(context.Variables.GetValueOrDefault&lt;int&gt;(&quot;n&quot;) &gt; 1 &amp;&amp; x y)"><set-status code="200" /></when></choose>'));
  assert.deepEqual(d2.map(d => [d.code, doc2.getText(d.range)]), [['expr-syntax', 'y']]);
});

test('in CDATA nothing is decoded; in element text entities are', async () => {
  assert.deepEqual(await found(policy('<set-body><![CDATA[@{ return "a &amp;" "b"; }]]></set-body>')), ['expr-syntax "\\"b\\""']);
  assert.deepEqual(await found(policy('<set-body><![CDATA[@{ return "a" + "b"; }]]></set-body>')), []);
  assert.deepEqual(await found(policy('<set-body>@{ return &quot;a&quot; + &quot;b&quot; &quot;c&quot;; }</set-body>')), ['expr-syntax "&quot;c&quot;"']);
  assert.deepEqual(await found(policy('<set-body>@{ return "a" &amp;&amp; "b" == "c" ? 1 : 2; }</set-body>')), []);
});

test('@(...) must be one expression', async () => {
  assert.deepEqual((await found(policy('<set-variable name="a" value="@(var x = 1)" />'))).map(s => s.split(' ')[0]), ['expr-syntax']);
  assert.deepEqual((await found(policy('<set-variable name="a" value="@(1; 2)" />'))).map(s => s.split(' ')[0]), ['expr-syntax']);
  assert.deepEqual(await found(policy('<set-variable name="a" value="@()" />')), ['expr-syntax "@()"']);
});

test('a code block with no return at all is an error; a return or a throw is enough', async () => {
  assert.deepEqual(await found(policy('<set-variable name="a" value="@{ var x = 1; }" />')), ['expr-block-no-return "@{"']);
  assert.deepEqual(await found(policy('<set-variable name="a" value="@{}" />')), ['expr-block-no-return "@{"']);
  assert.deepEqual(await found(policy('<set-variable name="a" value="@{ if (context.Request.Method == "GET") { return 1; } return 2; }" />')), []);
  assert.deepEqual(await found(policy('<set-variable name="a" value="@{ throw new Exception("no"); }" />')), []);
});

test('a C# statement missing its semicolon', async () => {
  const { diags, doc } = await check(policy('<set-body>@{\n  var x = 1\n  return x;\n}</set-body>'));
  assert.equal(diags.length, 1);
  assert.equal(diags[0].code, 'expr-syntax');
  assert.equal(diags[0].range.start.line, 5);
  assert.match(doc.getText(diags[0].range), /return/);
});

test('valid C# of every common shape gets no diagnostic', async () => {
  const inline = [
    'context.Variables.GetValueOrDefault<bool>("isMobile")',
    '(string)context.Variables["name"]',
    '((IResponse)context.Variables["r"]).Body.As<JObject>()["a"]["b"].ToString()',
    'context.Request.Body?.As<JObject>(preserveContent: true)?["x"]?.Value<string>()',
    '$"Bearer {context.Variables["t"]}"',
    '$"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}"',
    'context.Response.StatusCode switch { 200 => "ok", >= 500 => "err", _ => "other" }',
    'new JObject(new JProperty("a", 1), new JProperty("b", new JArray(1, 2))).ToString(Newtonsoft.Json.Formatting.None)',
    'new [] {"a", "b"}.Contains(context.Request.Method)',
    'context.Request.Headers.GetValueOrDefault("Authorization","").AsJwt()?.Claims.GetValueOrDefault("aud", "")',
    'Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("x"))',
    'context.User.Groups.Select(g => g.Name).Any(n => n == "admins")',
    '(context.Request.IpAddress ?? "").Split(\',\')[0]',
    'Regex.Match("a", @"(\\d+)").Groups[1].Value',
    'context.Deployment.Gateway.Id + context.Deployment.Region',
    'context.Request.Headers.Where(h => !h.Key.StartsWith("x-")).ToDictionary(h => h.Key, h => h.Value)',
    '"{{named-value}}" + {{other-value}}',
  ];
  const problems = async (text: string) => (await found(text)).filter(f => !f.startsWith('expr-variable-not-set'));
  for (const e of inline) {
    assert.deepEqual(await problems(policy(`<set-body>@(${e.replace(/&/g, '&amp;').replace(/</g, '&lt;')})</set-body>`)), [], e);
  }
  const blocks = [
    'var b = context.Request.Body.As<JObject>(preserveContent: true); return b.ToString();',
    'string s; if (!context.Variables.TryGetValue("a", out object o)) { return ""; } return (string)o;',
    'foreach (var h in context.Request.Headers) { if (h.Key == "a") return h.Value[0]; } return null;',
    'try { return 1; } catch (Exception e) { return e.Message; }',
    'using (var sr = new StringReader("x")) { return sr.ReadToEnd(); }',
    'var d = new Dictionary<string, object> { ["a"] = 1 }; return d;',
    'switch (context.Request.Method) { case "GET": return "a"; default: return "b"; }',
    'var jwt = default(Jwt); if (context.Request.Headers.GetValueOrDefault("a","").TryParseJwt(out jwt)) { return jwt.Subject; } return null;',
    'var Path = "x"; return Path.Length; // a local may have a type\'s name',
  ];
  for (const b of blocks) {
    assert.deepEqual(await problems(policy(`<set-body><![CDATA[@{ ${b}\n}]]></set-body>`)), [], b);
  }
});

test('a character literal of several characters is an error; information in a deploy-time template', async () => {
  const { diags, doc } = await check(policy('<set-variable name="a" value="@(context.Request.Headers.ContainsKey(\'Retry-After\'))" />'));
  assert.deepEqual(diags.map(d => [d.code, d.severity, doc.getText(d.range)]), [['expr-char-literal', DiagnosticSeverity.Error, "'Retry-After'"]]);
  const template = await check(policy('<set-backend-service backend-id="{backend_id}" />\n<set-variable name="a" value="@(context.Request.Headers.ContainsKey(\'Retry-After\'))" />'));
  assert.deepEqual(template.diags.map(d => [d.code, d.severity]), [['expr-char-literal', DiagnosticSeverity.Information]]);
  assert.match(template.diags[0].message, /template/);
  assert.deepEqual(await found(policy('<set-variable name="a" value="@(\'a\' + \'\\n\' + \'\\u0041\')" />')), []);
});

test('Python-format doubled braces of a template read as nested blocks', async () => {
  assert.deepEqual(await found(policy('<set-backend-service backend-id="{backend_id}" />\n<set-variable name="a" value="@{{ if (context.Request.Method == "GET") {{ return 1; }} return 2; }}" />')), []);
});

test('.NET types outside the allow-list are errors naming the type; unknown ones are left alone', async () => {
  const got = await found(policy(`<set-body>@{
    var c = new HttpClient();
    var t = System.IO.File.ReadAllText("x");
    System.Diagnostics.Process.Start("x");
    System.Threading.Tasks.Task.Delay(1);
    var a = Assembly.GetExecutingAssembly();
    var e = Environment.NewLine;
    var ok = System.Text.Encoding.UTF8.GetString(new byte[0]) + JObject.Parse("{}") + Newtonsoft.Json.JsonConvert.SerializeObject(1);
    var unknown = System.Web.HttpUtility.UrlEncode("a");
    return ok;
  }</set-body>`));
  assert.deepEqual(got, [
    'expr-type-not-allowed "HttpClient"',
    'expr-type-not-allowed "System.IO.File"',
    'expr-type-not-allowed "System.Diagnostics.Process"',
    'expr-type-not-allowed "System.Threading.Tasks.Task"',
    'expr-type-not-allowed "Assembly"',
    'expr-type-not-allowed "Environment"',
  ]);
  const { diags } = await check(policy('<set-variable name="a" value="@(System.IO.File.Exists(&quot;x&quot;))" />'));
  assert.equal(diags[0].severity, DiagnosticSeverity.Error);
  assert.match(diags[0].message, /System\.IO\.File is not allowed/);
});

test('a member the context does not have is a warning with a suggestion, where the type is known', async () => {
  const { diags, doc } = await check(policy('<set-variable name="a" value="@(context.Requests.Method + context.Request.Headerz.Count + ((IResponse)context.Variables[&quot;r&quot;]).StatusCod)" />\n<send-request response-variable-name="r" mode="new"><set-url>https://example.test</set-url></send-request>'));
  assert.deepEqual(diags.map(d => [d.code, d.severity, doc.getText(d.range)]), [
    ['expr-unknown-member', DiagnosticSeverity.Warning, 'Requests'],
    ['expr-unknown-member', DiagnosticSeverity.Warning, 'Headerz'],
    ['expr-unknown-member', DiagnosticSeverity.Warning, 'StatusCod'],
  ]);
  assert.match(diags[0].message, /Did you mean 'Request'\?/);
  assert.deepEqual((diags[0].data as { suggestions: string[] }).suggestions[0], 'Request');
  // open types (dictionaries, strings, objects) and unmodelled ones get no warning
  assert.deepEqual(await found(policy('<set-variable name="x" value="1" />\n<set-variable name="a" value="@(context.Request.Headers.Any() + context.Variables[&quot;x&quot;].Foo + context.Request.Body.As&lt;JObject&gt;().Bar + context.Request.Method.Baz())" />')), []);
});

test('typed locals and casts carry the type down the chain', async () => {
  const got = await found(policy(`<set-variable name="r" value="1" />\n<set-body><![CDATA[@{
    var r = (IResponse)context.Variables["r"];
    var jwt = context.Request.Headers.GetValueOrDefault("Authorization", "").AsJwt();
    return r.StatusCodes + jwt.Subjectt + (context.Variables["r"] as IResponse).Bodyy;
  }]]></set-body>`));
  assert.deepEqual(got, ['expr-unknown-member "StatusCodes"', 'expr-unknown-member "Subjectt"', 'expr-unknown-member "Bodyy"']);
});

test('a variable read that nothing sets is information; guarded reads and set variables are fine', async () => {
  const text = policy(`<set-variable name="orderId" value="1" />
<send-request response-variable-name="resp" mode="new"><set-url>https://example.test</set-url></send-request>
<cache-lookup-value key="k" variable-name="cached" />
<validate-jwt header-name="Authorization" output-token-variable-name="jwt"><openid-config url="https://example.test" /></validate-jwt>
<set-body>@{
  return (string)context.Variables["orderId"] + context.Variables.GetValueOrDefault<string>("cached") + ((IResponse)context.Variables["resp"]).StatusCode
    + ((Jwt)context.Variables["jwt"]).Subject + context.Variables["missing"] + context.Variables.GetValueOrDefault<string>("other", "")
    + context.Variables.ContainsKey("maybe");
}</set-body>`);
  const { diags, doc } = await check(text);
  assert.deepEqual(diags.map(d => [d.code, d.severity, doc.getText(d.range)]), [['expr-variable-not-set', DiagnosticSeverity.Information, 'missing']]);
});

test('variables set by fragments and by the policies that run before come from the workspace index', async () => {
  const csharp = await parser;
  const root = 'file:///repo/apim';
  const service = getLanguageService({ csharp });
  const index = service.workspace;
  index.update(`${root}/policy%20fragments/auth/policy.xml`, '<fragment><set-variable name="fromFragment" value="1" /></fragment>');
  index.update(`${root}/apis/orders/policy.xml`, '<policies><inbound><base /><set-variable name="fromApi" value="1" /></inbound></policies>');
  index.update(`${root}/policy.xml`, '<policies><inbound><set-variable name="fromGlobal" value="1" /></inbound></policies>');
  const uri = `${root}/apis/orders/operations/get/policy.xml`;
  const text = policy('<include-fragment fragment-id="auth" />\n<set-body>@((string)context.Variables["fromFragment"] + context.Variables["fromApi"] + context.Variables["fromGlobal"] + context.Variables["nowhere"])</set-body>');
  const doc = TextDocument.create(uri, 'apim-policy', 1, text);
  const diags = service.doValidation(doc).filter(d => d.code === 'expr-variable-not-set');
  assert.deepEqual(diags.map(d => doc.getText(d.range)), ['nowhere']);
  assert.match(diags[0].message, /policies that run before it/);
  // an included fragment the index does not know could set anything: no report
  const unknown = TextDocument.create(uri, 'apim-policy', 1, policy('<include-fragment fragment-id="elsewhere" />\n<set-body>@((string)context.Variables["nowhere"])</set-body>'));
  assert.deepEqual(service.doValidation(unknown).filter(d => d.code === 'expr-variable-not-set'), []);
});

test('a fragment reads variables its includer sets: no report there', async () => {
  const text = '<fragment><set-header name="x" exists-action="override"><value>@((string)context.Variables["fromPolicy"])</value></set-header></fragment>';
  const doc = document(text, 'file:///ws/policy%20fragments/f/policy.xml');
  assert.deepEqual((await services).doValidation(doc).filter(d => d.code === 'expr-variable-not-set'), []);
});

test('an expression the lexer already reported is not reported twice', async () => {
  const { diags } = await check(policy('<set-variable name="a" value="@(&quot;abc\n&quot;)" />'));
  assert.deepEqual(diags.map(d => d.code), ['expr-unterminated-string']);
});

test('each expression is parsed once and cached by its text; an edit parses only what changed', async () => {
  const csharp = await parser;
  let parses = 0;
  const counting: CSharpParser = { check: (kind, body) => { parses++; return csharp.check(kind, body); } };
  const service = getLanguageService({ csharp: counting });
  // code blocks (always parsed), a number in each: no two have the same shape
  const body = Array.from({ length: 20 }, (_, i) => `<set-body>@{ return context.Request.Headers.GetValueOrDefault("h", "").Length + ${i}; }</set-body>`).join('\n');
  service.doValidation(document(policy(body)));
  assert.equal(parses, 20);
  service.doValidation(document(policy(body)));
  assert.equal(parses, 20, 'nothing changed: nothing parsed again');
  service.doValidation(document(policy(body.replace('Length + 7;', 'Length + 77;'))));
  assert.equal(parses, 21, 'one expression changed: one parse');
  // another service has its own cache
  getLanguageService({ csharp: counting }).doValidation(document(policy(body)));
  assert.equal(parses, 41);
});

test('expressions that differ only in their strings are parsed once; errors are found in each', async () => {
  const csharp = await parser;
  const parsed: string[] = [];
  const counting: CSharpParser = { check: (kind, body) => { parsed.push(body); return csharp.check(kind, body); } };
  const service = getLanguageService({ csharp: counting });
  const same = Array.from({ length: 20 }, (_, i) => `<set-body>@{ return context.Request.Headers.GetValueOrDefault("x-${i}", "none ${i} {a} <b> 'c'"); }</set-body>`).join('\n');
  const { diags } = await check(policy(same), service);
  assert.deepEqual(diags, []);
  assert.equal(parsed.length, 1, 'one shape, one parse');
  // a verbatim string, an escape sequence: other shapes, or none
  await check(policy(`<set-body>@{ return context.Request.Headers.GetValueOrDefault(@"x-1", ""); }</set-body>
<set-body>@{ return context.Request.Headers.GetValueOrDefault(@"x-2", ""); }</set-body>
<set-body>@{ return context.Request.Headers.GetValueOrDefault("x\\t3", ""); }</set-body>`), service);
  assert.equal(parsed.length, 4);
  // a shape with an error is never taken as checked: each expression gets its own parse and places
  const { diags: errors, doc } = await check(policy('<set-variable name="a" value="@(&quot;a&quot; &quot;b&quot;)" />\n<set-variable name="b" value="@(&quot;cc&quot; &quot;ddd&quot;)" />'), service);
  assert.deepEqual(errors.map(d => [d.code, doc.getText(d.range)]), [['expr-syntax', '&quot;b&quot;'], ['expr-syntax', '&quot;ddd&quot;']]);
  assert.equal(parsed.length, 6);
});

test('plainly valid @(…) expressions are not parsed at all; the others are', async () => {
  const csharp = await parser;
  const parsed: string[] = [];
  const counting: CSharpParser = { check: (kind, body) => { parsed.push(body); return csharp.check(kind, body); } };
  const service = getLanguageService({ csharp: counting });
  const { diags, doc } = await check(policy(`<set-variable name="a" value="@(context.Request.Headers.GetValueOrDefault(&quot;x&quot;, &quot;&quot;).Length &gt; 3 ? &quot;long&quot; : &quot;short&quot;)" />
<set-variable name="b" value="@((string)context.Variables[&quot;a&quot;] + context.Requests.Method)" />
<set-variable name="c" value="@(context.Request.Headers.Where(h =&gt; h.Key.StartsWith(&quot;x-&quot;)).Count())" />
<set-variable name="d" value="@($&quot;id-{context.RequestId}&quot;)" />
<set-body>@{ return "x"; }</set-body>`), service);
  assert.deepEqual(parsed, ['$"id-{context.RequestId}"', ' return "x"; '], 'the interpolated string and the block only');
  // what needs no parse is still checked for everything else
  assert.deepEqual(diags.map(d => [d.code, doc.getText(d.range)]), [['expr-unknown-member', 'Requests']]);
});

test('without the C# parser expressions get no diagnostics', async () => {
  const { diags } = await check(policy('<set-variable name="a" value="@(context.Requests + System.IO.File.Exists(&quot;a&quot;) &quot;x&quot;)" />'), getLanguageService());
  assert.deepEqual(diags, []);
});

test('unterminated expressions are left to the XML rules', async () => {
  const doc = document(policy('<set-variable name="a" value="@(context.Request.Method" />'));
  const codes = (await services).doValidation(doc).map(d => String(d.code));
  assert.ok(codes.includes('xml-unterminated-expression'));
  assert.ok(!codes.some(c => c.startsWith('expr-syntax')));
});

/** The quick fixes offered for the diagnostics of `text` with `code`, applied. */
async function fixed(text: string, code: string): Promise<Array<{ title: string; message: string; result: string }>> {
  const service = await services;
  const doc = document(text);
  const diags = service.doValidation(doc).filter(d => d.code === code);
  assert.ok(diags.length > 0, `no ${code} diagnostic`);
  return service.doCodeActions(doc, diags).map(a => ({
    title: a.title,
    message: a.diagnostics?.[0]?.message ?? '',
    result: TextDocument.applyEdits(doc, a.edit!.changes![doc.uri]),
  }));
}

test('a misspelt context member has a quick fix to the member it resembles', async () => {
  const text = policy('<set-body>@(context.LastError.Mesage)</set-body>');
  const [f] = await fixed(text, 'expr-unknown-member');
  assert.match(f.message, /Did you mean 'Message'\?/);
  assert.equal(f.title, "Change to 'Message'");
  assert.equal(f.result, policy('<set-body>@(context.LastError.Message)</set-body>'));
});

test('a variable read under a misspelt name suggests the set one, with a quick fix', async () => {
  const text = policy('<set-variable name="cancelReason" value="late" />\n<set-body>@((string)context.Variables["cancelReson"])</set-body>');
  const fixes = await fixed(text, 'expr-variable-not-set');
  assert.match(fixes[0].message, /Did you mean 'cancelReason'\?/);
  assert.deepEqual(fixes.map(f => f.title), ["Change to 'cancelReason'"]);
  assert.equal(fixes[0].result, policy('<set-variable name="cancelReason" value="late" />\n<set-body>@((string)context.Variables["cancelReason"])</set-body>'));
  // in the escaped format the name between the entities is what changes
  const escaped = policy('<set-variable name="cancelReason" value="late" />\n<set-header name="x" exists-action="override"><value>@((string)context.Variables[&quot;cancelReson&quot;])</value></set-header>');
  assert.equal((await fixed(escaped, 'expr-variable-not-set'))[0].result, escaped.replace('cancelReson', 'cancelReason'));
});
