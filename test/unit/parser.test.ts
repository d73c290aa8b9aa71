import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createPolicyParser, elementsNamed, elementsOf, estimatedElementCount, expressionStartCount, parsePolicy, startTagCount } from '../../server/src/languageService/parser/policyParser';
import { expressionSource } from '../../server/src/languageService/expressions/expressionSource';
import { decodeXml } from '../../server/src/languageService/utils/xmlEntities';
import { namedValueEndAt, namedValuePattern } from '../../server/src/languageService/utils/namedValues';

function errorCodes(text: string): string[] {
  return parsePolicy(text).errors.map(e => e.code);
}

test('well-formed rawxml with raw quotes, < and && inside an attribute expression', () => {
  const text = '<policies><inbound><choose><when condition="@(context.Request.Headers.GetValueOrDefault("a","") == "x" && 1 < 2)"><set-header name="x" exists-action="override"><value>y</value></set-header></when></choose></inbound></policies>';
  const d = parsePolicy(text);
  assert.deepEqual(d.errors, []);
  const when = d.roots[0].children[0].children[0].children[0];
  assert.equal(when.name, 'when');
  const cond = when.attributes[0];
  assert.equal(cond.value, '@(context.Request.Headers.GetValueOrDefault("a","") == "x" && 1 < 2)');
  assert.ok(cond.expression?.closed);
  assert.equal(when.children[0].name, 'set-header');
});

test('escaped format: &quot; inside an expression is a C# quote', () => {
  const text = '<policies><inbound><set-variable name="a" value="@(context.Request.Headers.GetValueOrDefault(&quot;)&quot;,&quot;&quot;))" /></inbound></policies>';
  const d = parsePolicy(text);
  assert.deepEqual(d.errors, []);
  const expr = d.expressions[0];
  assert.equal(text.substring(expr.start, expr.end), '@(context.Request.Headers.GetValueOrDefault(&quot;)&quot;,&quot;&quot;))');
});

test('unclosed tag is reported at its name and extends to the parent end', () => {
  const text = '<policies><inbound><set-header name="a"></inbound></policies>';
  const d = parsePolicy(text);
  assert.deepEqual(d.errors.map(e => e.code), ['xml-unclosed-element']);
  assert.equal(text.substring(d.errors[0].start, d.errors[0].end), 'set-header');
  const inbound = d.roots[0].children[0];
  const setHeader = inbound.children[0];
  assert.equal(setHeader.end, text.indexOf('</inbound>'));
  assert.ok(inbound.closed);
});

test('stray end tag', () => {
  const text = '<policies><inbound></outbound></inbound></policies>';
  const d = parsePolicy(text);
  assert.deepEqual(d.errors.map(e => e.code), ['xml-unexpected-end-tag']);
  assert.equal(text.substring(d.errors[0].start, d.errors[0].end), 'outbound');
});

test('mismatched end tag closes the right element and reports the open one', () => {
  const text = '<fragment><llm-emit-token-metric><dimension name="a" /></azure-openai-emit-token-metric></fragment>';
  assert.deepEqual(errorCodes(text).sort(), ['xml-unclosed-element', 'xml-unexpected-end-tag']);
});

test('< at end of file', () => {
  const d = parsePolicy('<policies>\n<');
  assert.ok(d.errors.some(e => e.code === 'xml-unexpected-eof'));
  assert.ok(d.errors.some(e => e.code === 'xml-unclosed-element'));
});

test('unterminated attribute value', () => {
  const text = '<policies><inbound><set-header name="abc></inbound></policies>';
  const d = parsePolicy(text);
  assert.ok(d.errors.some(e => e.code === 'xml-unterminated-attribute-value'));
  // the rest of the document still parses
  assert.equal(d.roots[0].name, 'policies');
});

test('unterminated expression is reported where it starts and does not swallow the document', () => {
  const text = '<policies><inbound><set-variable name="a" value="@(context.Variables["x"" /></inbound><outbound /></policies>';
  const d = parsePolicy(text);
  const err = d.errors.find(e => e.code === 'xml-unterminated-expression');
  assert.ok(err);
  assert.equal(err.start, text.indexOf('@('));
  assert.deepEqual(d.roots[0].children.map(c => c.name), ['inbound', 'outbound']);
});

test('unterminated expression at offset 0', () => {
  const d = parsePolicy('@{ var x = "a"; ');
  assert.ok(d.errors.some(e => e.code === 'xml-unterminated-expression'));
});

test('expression strings holding ) } and " do not end it early', () => {
  const text = '<policies><inbound><set-body>@{ var s = ")}\\""; var c = \'}\'; var t = "</inbound>"; return s + c + t; }</set-body></inbound></policies>';
  const d = parsePolicy(text);
  assert.deepEqual(d.errors, []);
  const e = d.expressions[0];
  assert.ok(e.closed);
  assert.equal(text.substring(e.end - 1, e.end), '}');
  assert.equal(text.substring(e.end, e.end + 11), '</set-body>');
});

test('verbatim strings span lines and use doubled quotes', () => {
  const text = '<policies><inbound><set-body>@{ return @"line1\n"")}"" line2"; }</set-body></inbound></policies>';
  const d = parsePolicy(text);
  assert.deepEqual(d.errors, []);
  assert.deepEqual(d.expressions[0].problems, []);
});

test('interpolated strings with holes and nested strings', () => {
  const text = '<policies><inbound><set-header name="x" exists-action="override"><value>@($"a{(true ? "}" : ")")}b{{c}}")</value></set-header></inbound></policies>';
  const d = parsePolicy(text);
  assert.deepEqual(d.errors, []);
  assert.ok(d.expressions[0].closed);
  assert.equal(text.substring(d.expressions[0].end, d.expressions[0].end + 8), '</value>');
});

test('a regular string across a line break is an unterminated string (APIM rejects it)', () => {
  const text = '<policies><inbound><set-body>@{ var s = "abc\n"; return s; }</set-body></inbound></policies>';
  const d = parsePolicy(text);
  const first = d.expressions[0].problems[0];
  assert.equal(first.code, 'expr-unterminated-string');
  assert.equal(first.offset, text.indexOf('"abc'));
});

test('CDATA content, with an expression inside', () => {
  const text = '<policies><inbound><set-body><![CDATA[@{ return "<x>"; }]]></set-body></inbound></policies>';
  const d = parsePolicy(text);
  assert.deepEqual(d.errors, []);
  assert.equal(d.expressions[0].host, 'cdata');
  assert.ok(d.expressions[0].closed);
});

test('unterminated CDATA and comment', () => {
  assert.ok(errorCodes('<policies><![CDATA[ abc').includes('xml-unterminated-cdata'));
  assert.ok(errorCodes('<policies><!-- abc').includes('xml-unterminated-comment'));
});

test('comments are skipped, even holding markup', () => {
  const d = parsePolicy('<policies><!-- <inbound> "@( --><inbound /></policies>');
  assert.deepEqual(d.errors, []);
  assert.deepEqual(d.roots[0].children.map(c => c.name), ['inbound']);
});

test('BOM and XML declaration', () => {
  const d = parsePolicy('\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<policies />');
  assert.deepEqual(d.errors, []);
  assert.equal(d.roots[0].name, 'policies');
});

test('CRLF line ends', () => {
  const d = parsePolicy('<policies>\r\n  <inbound>\r\n    <base />\r\n  </inbound>\r\n</policies>\r\n');
  assert.deepEqual(d.errors, []);
  assert.equal(d.roots[0].children[0].children[0].name, 'base');
});

test('100,000-deep nesting parses without recursion', () => {
  const depth = 100_000;
  const text = '<a>'.repeat(depth) + '</a>'.repeat(depth);
  const d = parsePolicy(text);
  assert.deepEqual(d.errors, []);
  let el = d.roots[0];
  let n = 1;
  while (el.children.length) { el = el.children[0]; n++; }
  assert.equal(n, depth);
  assert.equal(d.findElementAt(text.length / 2)?.name, 'a');
});

test('DOCTYPE with an entity is never expanded', () => {
  const text = '<!DOCTYPE policies [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><policies>&b;</policies>';
  const d = parsePolicy(text);
  assert.ok(d.doctype);
  assert.equal(d.roots[0].name, 'policies');
  assert.equal(text.substring(d.roots[0].texts[0].start, d.roots[0].texts[0].end), '&b;');
});

test('NUL bytes and binary do not throw', () => {
  const bin = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
  assert.doesNotThrow(() => parsePolicy(bin));
  assert.doesNotThrow(() => parsePolicy('<policies>\0<inbound\0/></policies>'));
});

test('named values outside expressions; in Liquid bodies marked as such', () => {
  const text = '<policies><inbound><set-header name="k" exists-action="override"><value>{{api-key}}</value></set-header><set-body template="liquid">{{ body.x }} {{context.Variables.ip}}</set-body><set-variable name="u" value="@(&quot;{{base-url}}&quot;)" /></inbound></policies>';
  const d = parsePolicy(text);
  assert.deepEqual(d.namedValues.map(n => [n.name, n.inExpression, n.inLiquid]), [['api-key', false, false], ['context.Variables.ip', false, true], ['base-url', true, false]]);
});

test('named values: each found once, in order, wherever they are far apart or close together', () => {
  const parts: string[] = [];
  const expected: string[] = [];
  for (let i = 0; i < 300; i++) {
    // long stretches without any, then some in a row, in text, attributes and expressions
    if (i % 50 === 0) { parts.push(`<set-header name="a${i}" exists-action="override"><value>{{nv-${i}}}{{{nv-${i}b}}}</value></set-header>`); expected.push(`nv-${i}`, `nv-${i}b`); }
    else if (i % 75 === 1) { parts.push(`<set-variable name="v${i}" value="@(&quot;{{nv-${i}}}&quot;)" />`); expected.push(`nv-${i}`); }
    else parts.push(`<set-header name="h${i}" exists-action="override"><value>plain ${i}</value></set-header>`);
  }
  const d = parsePolicy(`<policies><inbound>${parts.join('\n')}</inbound></policies>`);
  assert.deepEqual(d.namedValues.map(n => n.name), expected);
});

test('entities in expressions: named, character references, and a lone &# that is no entity', () => {
  for (const [attr, body] of [
    ['@(&quot;a&quot; + &#34;b&#x22;)', '"a" + "b"'],
    ['@(&quot;&#12345678;&quot;)', '"&#12345678;"'],
    ['@(&quot;&#1' + '1'.repeat(20) + ';&quot;)', '"&#1' + '1'.repeat(20) + ';"'],
  ] as const) {
    const text = `<policies><inbound><set-variable name="v" value="${attr}" /></inbound></policies>`;
    const d = parsePolicy(text);
    assert.equal(d.expressions.length, 1);
    assert.equal(d.expressions[0].closed, true, attr);
    assert.equal(text.substring(d.expressions[0].start, d.expressions[0].end), attr);
    assert.equal(expressionSource(attr, true).text, body);
  }
});

test('attribute values decode the same entities as expressions', () => {
  assert.equal(decodeXml('a &quot;b&quot; &lt;&gt;&amp;&apos; &#65;&#x42; &bogus; &#1' + '1'.repeat(20) + '; & x'), 'a "b" <>&\' AB &bogus; &#1' + '1'.repeat(20) + '; & x');
  assert.equal(decodeXml('plain'), 'plain');
});

test('findElementAt returns the innermost element', () => {
  const text = '<policies><inbound><base /></inbound></policies>';
  const d = parsePolicy(text);
  assert.equal(d.findElementAt(text.indexOf('base'))?.name, 'base');
  assert.equal(d.findElementAt(text.indexOf('<base') - 1)?.name, 'inbound');
  assert.equal(d.findElementAt(text.length), undefined);
});

test('single-quoted attribute with an expression holding double quotes', () => {
  const d = parsePolicy('<policies><inbound><set-variable name="a" value=\'@(context.Request.Headers.GetValueOrDefault("x", ""))\' /></inbound></policies>');
  assert.deepEqual(d.errors, []);
  assert.ok(d.expressions[0].closed);
});

test('many unclosed attribute expressions in a row: each reported, the elements all still there', () => {
  const text = '<policies><inbound>' + '<a b="@(x" />'.repeat(3000) + '</inbound></policies>';
  const d = parsePolicy(text);
  assert.equal(d.errors.filter(e => e.code === 'xml-unterminated-expression').length, 3000);
  assert.equal(d.roots[0].children[0].children.length, 3000);
  assert.ok(d.roots[0].closed);
});

test('compact tree: a row has one handle, so identity holds (parent, children, Map keys)', () => {
  const text = '<policies><inbound><base /><set-header name="a" exists-action="override"><value>x</value></set-header></inbound></policies>';
  const d = parsePolicy(text);
  const inbound = d.roots[0].children[0];
  const setHeader = inbound.children[1];
  assert.equal(setHeader.parent, inbound);
  assert.equal(inbound.parent, d.roots[0]);
  assert.equal(d.findElementAt(text.indexOf('<value>') + 1), setHeader.children[0]);
  assert.equal(d.roots[0].children[0], inbound);
  assert.equal(setHeader.attributes[0], setHeader.attributes[0]);
  assert.equal(d.getAttribute(setHeader, 'exists-action')?.value, 'override');
  const seen = new Map([[setHeader, 1]]);
  assert.equal(seen.get(d.findElementAt(text.indexOf('name="a"'))!), 1);
});

test('compact tree: rows in document order, subtrees contiguous, attributes and texts by row', () => {
  const text = '<policies><inbound><a x="1" y="@(2)"><b/>t1<c z="3">t2</c>@(context.Variables["v"])</a><d/></inbound></policies>';
  const d = parsePolicy(text);
  const tree = d.tree;
  assert.deepEqual(Array.from({ length: tree.elementCount }, (_, i) => tree.name(i)), ['policies', 'inbound', 'a', 'b', 'c', 'd']);
  assert.equal(tree.subtreeEnd(2), 5);
  assert.equal(tree.subtreeEnd(0), tree.elementCount);
  const a = d.roots[0].children[0].children[0];
  assert.deepEqual(a.attributes.map(x => [x.name, x.value]), [['x', '1'], ['y', '@(2)']]);
  assert.equal(a.attributes[1].expression, d.expressions[0]);
  assert.equal(d.expressions[0].element, a);
  assert.equal(d.expressions[0].attribute, a.attributes[1]);
  assert.deepEqual(a.texts.map(t => text.substring(t.start, t.end)), ['t1', '@(context.Variables["v"])']);
  assert.equal(a.texts[1].expression?.element, a);
  assert.deepEqual(a.children[1].texts.map(t => text.substring(t.start, t.end)), ['t2']);
  assert.deepEqual(elementsNamed(d.roots, 'c').map(e => e.start), [text.indexOf('<c ')]);
  assert.deepEqual([...elementsOf(a.children)].map(e => e.name), ['b', 'c']);
  assert.equal(tree.attributeNamed(tree.rowOf(a), tree.nameId('y')), 1);
  assert.equal(tree.nameId('nowhere'), -1);
});

test('compact tree: end tags match by name id, also for names that share a hash', () => {
  // 'Aa' and 'BB' have the same 31-based string hash
  const text = '<policies><Aa><BB></BB></Aa></policies>';
  const d = parsePolicy(text);
  assert.deepEqual(d.errors, []);
  const aa = d.roots[0].children[0];
  assert.equal(aa.name, 'Aa');
  assert.equal(aa.children[0].name, 'BB');
  assert.ok(aa.closed && aa.children[0].closed);
  assert.deepEqual(parsePolicy('<Aa></BB>').errors.map(e => e.code).sort(), ['xml-unclosed-element', 'xml-unexpected-end-tag']);
});

test('a parser that reuses its working rows: each tree keeps its own rows, whatever is parsed next', () => {
  const parse = createPolicyParser();
  const first = '<policies><inbound><set-header name="a" exists-action="override"><value>x</value></set-header></inbound></policies>';
  const second = '<fragment><b x="1"/>text</fragment>';
  const d1 = parse(first);
  const d2 = parse(second);
  const d3 = parse('<a>' + '<c y="2"/>'.repeat(500) + '</a>');
  const shape = (d: ReturnType<typeof parsePolicy>) => [...elementsOf(d.roots)].map(e => [e.name, e.start, e.end, e.attributes.map(a => `${a.name}=${a.value}`).join(' '), e.texts.length]);
  assert.deepEqual(shape(d1), shape(parsePolicy(first)));
  assert.deepEqual(shape(d2), shape(parsePolicy(second)));
  assert.equal(d3.tree.elementCount, 501);
  assert.equal(d1.roots[0].children[0].children[0].attributes[1].value, 'override');
});

test('rows sized by the start tags: no parse has more elements than startTagCount, and the tree is the one of working rows', () => {
  const shapes = [
    '', 'text only', '<', '<a', '<a<b<c', '< a>', '<1/>', '<a/><b/><c/>', '<_x:y.z-1/>', '<\u00e9l/>',
    '<!-- <x/> --><a><![CDATA[<y/>]]></a>', '<a b="<c"/>', '<a>@(x < y && a<b>(c))</a>', '<a x="@(new List<string>())"/>',
    '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "<b/>">]><a/>', '</a></b><c>', '<a>' + '<b/>'.repeat(300) + '</a>',
  ];
  const shape = (d: ReturnType<typeof parsePolicy>) => [...elementsOf(d.roots)].map(e => [e.name, e.start, e.end, e.closed, e.attributes.map(a => `${a.name}=${a.value}`).join(' '), e.texts.length]);
  const working = createPolicyParser();
  for (const text of shapes) {
    const d = parsePolicy(text);
    assert.ok(d.tree.elementCount <= startTagCount(text), text);
    assert.deepEqual(shape(d), shape(working(text)), text);
    assert.deepEqual(d.errors, working(text).errors, text);
    const expressions = (e: ReturnType<typeof parsePolicy>) => e.expressions.map(x => [x.start, x.end, x.host, x.kind, x.closed, x.element?.start, x.attribute?.nameStart]);
    assert.deepEqual(expressions(d), expressions(working(text)), text);
    assert.ok(d.tree.expressionCount <= expressionStartCount(text), text);
  }
  assert.equal(startTagCount('<a><b/></a><!-- <c --> < d'), 3);
});

test('expressions are rows: handles made on demand, one per row, with the host, kind and problems the scan found', () => {
  const text = '@(0)<policies><a x="@(1)"><![CDATA[ @("c") ]]></a>@{ return "x; }<b y=\'@(/* x\'/></policies>';
  const d = parsePolicy(text);
  assert.equal(d.tree.expressionCount, 5);
  // no handle yet: the tree answers from its rows
  assert.deepEqual(d.tree.lexProblems().map(p => p.code), ['expr-unterminated-string']);
  const list = d.expressions;
  assert.deepEqual(list.map(e => [text.substring(e.start, e.start + 2), e.host, e.kind, e.closed, e.problems.map(p => p.code), e.element?.name, e.attribute?.name]), [
    ['@(', 'text', 'inline', true, [], undefined, undefined],
    ['@(', 'attribute', 'inline', true, [], 'a', 'x'],
    ['@(', 'cdata', 'inline', true, [], 'a', undefined],
    ['@{', 'text', 'block', false, ['expr-unterminated-string'], 'policies', undefined],
    ['@(', 'attribute', 'inline', false, [], 'b', 'y'],
  ]);
  assert.equal(d.expressions, list);
  const root = d.roots[0];
  assert.equal(root.children[0].attributes[0].expression, list[1]);
  assert.equal(root.children[0].texts[0].expression, list[2]);
  assert.equal(root.texts[0].expression, list[3]);
  assert.equal(list[4].attribute, root.children[1].attributes[0]);
  assert.deepEqual(d.tree.lexProblems(), list.flatMap(e => e.problems));
  assert.equal(d.tree.expressionCount <= expressionStartCount(text), true);
});

test('namedValueEndAt is the named-value grammar by hand: it agrees with the pattern at every {{ of random texts', () => {
  const alphabet = ['{{', '{{', '}}', '}}', '{', '}', 'a', 'Zb', '9', '.', '_', '-', ' ', 'é', '@', '"'];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 0x100000000;
  const sticky = new RegExp(namedValuePattern().source, 'y');
  let references = 0;
  for (let round = 0; round < 3000; round++) {
    let text = '';
    for (let n = Math.floor(rnd() * 12); n > 0; n--) text += alphabet[Math.floor(rnd() * alphabet.length)];
    for (let at = text.indexOf('{{'); at >= 0; at = text.indexOf('{{', at + 1)) {
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      assert.equal(namedValueEndAt(text, at), m ? at + m[0].length : -1, JSON.stringify([text, at]));
      if (m) references++;
    }
  }
  assert.ok(references > 100);
});

test('handles of a large tree: one per row across chunks of rows, whichever is asked for first', () => {
  const d = parsePolicy('<a>' + '<b x="@(1)"/>'.repeat(3000) + '</a>');
  const tree = d.tree;
  const late = tree.element(2900);
  assert.equal(tree.element(2900), late);
  assert.equal(d.roots[0].children[2899], late);
  assert.equal(late.parent, d.roots[0]);
  assert.equal(tree.rowOf(late), 2900);
  assert.equal(tree.attribute(2899), late.attributes[0]);
  assert.equal(late.attributes[0].expression, d.expressions[2899]);
  assert.equal(d.expressions[2899].element, late);
  assert.equal(new Set(d.roots[0].children).size, 3000);
});

test('rows sized from an estimate that falls short grow, and the tree is the same', () => {
  // start tags only where the sampling windows do not look (eight windows of 16 KiB, spread evenly)
  const length = 1 << 20;
  const windows = Array.from({ length: 8 }, (_, w) => Math.floor(((length - 16384) * w) / 7));
  let text = '<a>';
  for (const from of windows) {
    if (text.length < from) text += '<c/>'.repeat(Math.floor((from - text.length) / 4));
    text += 'x'.repeat(from + 16384 - text.length);
  }
  text += '</a>';
  const d = parsePolicy(text);
  assert.ok(estimatedElementCount(text) < d.tree.elementCount / 10);
  assert.equal(d.tree.elementCount, startTagCount(text));
  assert.deepEqual(d.errors, []);
  assert.equal(d.roots[0].children.length, d.tree.elementCount - 1);
  assert.equal(d.roots[0].children[d.tree.elementCount - 2].parent, d.roots[0]);
});

test('a large parse takes its rows from spare memory while it has room: the same tree, whatever the memory held', () => {
  const block = (i: number) => `<set-variable name="v${i}" value="@(context.Request.Headers.GetValueOrDefault(&quot;x-${i}&quot;, &quot;&quot;))" /><choose><when condition="@(${i} > 1)"><set-header name="h${i}" exists-action="override"><value>{{nv-${i % 7}}}</value></set-header></when></choose>text ${i}`;
  const text = `<policies><inbound><base />${Array.from({ length: 3000 }, (_, i) => block(i)).join('\n')}</inbound></policies>`;
  const shape = (d: ReturnType<typeof parsePolicy>) => [...elementsOf(d.roots)].map(e => [e.name, e.start, e.end, e.closed, e.attributes.map(a => `${a.name}=${a.value}`).join(' '), e.texts.map(t => t.start).join(' ')]);
  const expressions = (d: ReturnType<typeof parsePolicy>) => d.expressions.map(x => [x.start, x.end, x.host, x.kind, x.closed, x.element?.start, x.attribute?.nameStart]);
  const plain = parsePolicy(text);
  for (const fill of [0x00, 0xff, 0x5a]) {
    // the memory a file was read into holds its bytes, not zeros: every field of a row must be written
    const spare = new ArrayBuffer(text.length + 64);
    new Uint8Array(spare).fill(fill);
    const d = createPolicyParser()(text, undefined, spare);
    assert.equal(d.tree['el'].buffer, spare, 'the element rows are in the spare memory');
    assert.deepEqual(shape(d), shape(plain));
    assert.deepEqual(expressions(d), expressions(plain));
    assert.deepEqual(d.namedValues.map(n => [n.start, n.end]), plain.namedValues.map(n => [n.start, n.end]));
    assert.deepEqual(d.errors, plain.errors);
  }
  // too small for any rows: all fresh, and the tree is the same
  const tiny = new ArrayBuffer(16);
  const d = parsePolicy(text, undefined, tiny);
  assert.notEqual(d.tree['el'].buffer, tiny);
  assert.deepEqual(shape(d), shape(plain));
  // a small text is parsed in the parser's working rows: spare memory is not taken
  const small = createPolicyParser()('<policies><inbound /></policies>', undefined, new ArrayBuffer(1 << 20));
  assert.equal(small.roots[0].children[0].name, 'inbound');
});
