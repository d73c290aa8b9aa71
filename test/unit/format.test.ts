import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/languageService/languageService';
import { parsePolicy, type PolicyDocument, type PolicyElement } from '../../server/src/languageService/parser/policyParser';
import { format, type FormatOptions } from '../../server/src/languageService/services/policyFormat';
import { createLocator, findPolicyFiles } from '../../server/src/node/policyFiles';
import { CORPUS, corpusSkip } from '../util/corpus';

const SPACES4: FormatOptions = { tabSize: 4, insertSpaces: true };

function formatText(text: string, options: FormatOptions = SPACES4, range?: Range, uri = 'file:///ws/apis/a/policy.xml'): string {
  const document = TextDocument.create(uri, 'apim-policy', 1, text);
  return TextDocument.applyEdits(document, format(document, parsePolicy(text), range, options));
}

/** Formats, checks that a second run changes nothing, returns the result. */
function formatStable(text: string, options: FormatOptions = SPACES4, range?: Range): string {
  const once = formatText(text, options, range);
  assert.equal(formatText(once, options, range), once, 'formatting twice changes the text again');
  return once;
}

const lines = (...ls: string[]) => ls.join('\n');

test('format: nested sections and self-closing elements by depth', () => {
  const text = lines(
    '<policies>',
    '<inbound>',
    '      <base />',
    '<set-header name="x" exists-action="override">',
    '<value>1</value>',
    '</set-header>',
    '  </inbound>',
    '<backend><base /></backend>',
    '</policies>',
  );
  assert.equal(formatStable(text), lines(
    '<policies>',
    '    <inbound>',
    '        <base />',
    '        <set-header name="x" exists-action="override">',
    '            <value>1</value>',
    '        </set-header>',
    '    </inbound>',
    '    <backend><base /></backend>',
    '</policies>',
  ));
});

test('format: tabs or spaces from the editor settings', () => {
  const text = '<policies>\n<inbound>\n<base />\n</inbound>\n</policies>';
  assert.equal(formatStable(text, { tabSize: 2, insertSpaces: true }), '<policies>\n  <inbound>\n    <base />\n  </inbound>\n</policies>');
  assert.equal(formatStable(text, { tabSize: 4, insertSpaces: false }), '<policies>\n\t<inbound>\n\t\t<base />\n\t</inbound>\n</policies>');
  // tabs turned into spaces
  assert.equal(formatStable('<policies>\n\t\t<inbound />\n</policies>'), '<policies>\n    <inbound />\n</policies>');
});

test('format: a multi-line expression keeps every character', () => {
  const text = lines(
    '<policies>',
    '<inbound>',
    '<set-variable name="x" value="@{',
    '  var a = "<b>"; // not a tag',
    '<c> is in a string? no: C# would not compile, and it is still not ours to move',
    '      return a;   ',
    '   }" />',
    '<set-body>@{',
    '    return "x";',
    '}</set-body>',
    '</inbound>',
    '</policies>',
  );
  assert.equal(formatStable(text), lines(
    '<policies>',
    '    <inbound>',
    '        <set-variable name="x" value="@{',
    '  var a = "<b>"; // not a tag',
    '<c> is in a string? no: C# would not compile, and it is still not ours to move',
    '      return a;   ',
    '   }" />',
    '        <set-body>@{',
    '    return "x";',
    '}</set-body>',
    '    </inbound>',
    '</policies>',
  ));
});

test('format: rawxml quotes, && and < inside attribute expressions', () => {
  const text = lines(
    '<policies>',
    '<inbound>',
    '<choose>',
    '<when condition="@(context.Request.Headers.GetValueOrDefault("a","") == "<x>" && true)">',
    '<set-variable name="v" value="@("\\"" + "<y>")" />',
    '</when>',
    '</choose>',
    '</inbound>',
    '</policies>',
  );
  const out = formatStable(text);
  assert.equal(out, lines(
    '<policies>',
    '    <inbound>',
    '        <choose>',
    '            <when condition="@(context.Request.Headers.GetValueOrDefault("a","") == "<x>" && true)">',
    '                <set-variable name="v" value="@("\\"" + "<y>")" />',
    '            </when>',
    '        </choose>',
    '    </inbound>',
    '</policies>',
  ));
});

test('format: comments are indented as a whole, their inside is kept', () => {
  const text = lines(
    '<!--',
    '   header comment',
    '      <inbound> is not a tag here',
    '-->',
    '<policies>',
    '<!-- one line -->',
    '<inbound>',
    '      <!-- two',
    '   lines -->',
    '<base />',
    '</inbound>',
    '</policies>',
  );
  assert.equal(formatStable(text), lines(
    '<!--',
    '   header comment',
    '      <inbound> is not a tag here',
    '-->',
    '<policies>',
    '    <!-- one line -->',
    '    <inbound>',
    '        <!-- two',
    '   lines -->',
    '        <base />',
    '    </inbound>',
    '</policies>',
  ));
});

test('format: CDATA is left alone, inside and at its line start', () => {
  const text = lines(
    '<policies>',
    '<inbound>',
    '<set-body>',
    '  <![CDATA[',
    '<not-a-tag>   ',
    '  ]]>',
    '</set-body>',
    '</inbound>',
    '</policies>',
  );
  assert.equal(formatStable(text), lines(
    '<policies>',
    '    <inbound>',
    '        <set-body>',
    '  <![CDATA[',
    '<not-a-tag>   ',
    '  ]]>',
    '        </set-body>',
    '    </inbound>',
    '</policies>',
  ));
});

test('format: markup inside a body or template keeps every character, only the body tags move', () => {
  // a SOAP envelope in a Liquid template, indented with tabs, in a document indented with spaces
  const body = [
    '\t<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">   ',
    '\t\t<soap:Body>',
    '\t\t\t{% if body.order.customerId %}',
    '<customerId>{{body.order.customerId}}</customerId>',
    '\t\t\t{% endif %}',
    '\t\t</soap:Body>',
    '\t</soap:Envelope>',
  ];
  const text = lines(
    '<policies>',
    '<inbound>',
    '<set-body template="liquid">  ',
    ...body,
    '</set-body>',
    '<return-response>',
    '<set-body>',
    '<error><code>42</code>',
    '   <detail/></error>',
    '</set-body>',
    '</return-response>',
    '</inbound>',
    '<outbound>',
    '<xsl-transform>',
    '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">',
    ' <xsl:template match="/"><out/></xsl:template>',
    '</xsl:stylesheet>',
    '</xsl-transform>',
    '</outbound>',
    '</policies>',
  );
  assert.equal(formatStable(text), lines(
    '<policies>',
    '    <inbound>',
    '        <set-body template="liquid">  ',
    ...body,
    '        </set-body>',
    '        <return-response>',
    '            <set-body>',
    '<error><code>42</code>',
    '   <detail/></error>',
    '            </set-body>',
    '        </return-response>',
    '    </inbound>',
    '    <outbound>',
    '        <xsl-transform>',
    '            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">',
    ' <xsl:template match="/"><out/></xsl:template>',
    '            </xsl:stylesheet>',
    '        </xsl-transform>',
    '    </outbound>',
    '</policies>',
  ));
  // with tabs nothing inside changes either
  const tabbed = formatStable(text, { tabSize: 4, insertSpaces: false });
  assert.ok(tabbed.includes(body.join('\n')), tabbed);
  // and the range of one body line asks for nothing
  assert.deepEqual(formatText(text, SPACES4, { start: { line: 4, character: 0 }, end: { line: 4, character: 5 } }), text);
});

test('format: trailing white space goes on lines that begin with a tag, not inside text and values', () => {
  const text = '<policies>   \n<inbound>\t\n<set-header name="a  \n  b" exists-action="override">  \n<value>text   \nmore</value>  \n<value>x</value>  \n</set-header>\n<set-body>  \n{ }</set-body>\n</inbound>\n</policies>  ';
  // lines that begin inside a value or text keep their ends; so does text after a start tag
  assert.equal(formatStable(text),
    '<policies>\n    <inbound>\n        <set-header name="a  \n  b" exists-action="override">  \n            <value>text   \nmore</value>  \n            <value>x</value>\n        </set-header>\n        <set-body>  \n{ }</set-body>\n    </inbound>\n</policies>');
});

test('format: CRLF line ends are kept', () => {
  const text = '<policies>\r\n<inbound>\r\n<base />   \r\n</inbound>\r\n</policies>\r\n';
  assert.equal(formatStable(text), '<policies>\r\n    <inbound>\r\n        <base />\r\n    </inbound>\r\n</policies>\r\n');
});

test('format: a BOM stays in front', () => {
  assert.equal(formatStable('\uFEFF  <policies>\n<inbound />\n</policies>'), '\uFEFF<policies>\n    <inbound />\n</policies>');
});

test('format: lines that do not begin with a tag are not touched', () => {
  const text = lines(
    '<policies>',
    '<inbound>',
    '<set-header',
    '      name="x"',
    '  exists-action="delete" />',
    '<set-variable name="t" value="1" />  text after',
    '</inbound>',
    '</policies>',
  );
  assert.equal(formatStable(text), lines(
    '<policies>',
    '    <inbound>',
    '        <set-header',
    '      name="x"',
    '  exists-action="delete" />',
    '        <set-variable name="t" value="1" />  text after',
    '    </inbound>',
    '</policies>',
  ));
});

test('format: range formatting touches only the lines of the range', () => {
  const text = '<policies>\n<inbound>\n<base />\n<set-header name="a" exists-action="delete" />\n</inbound>\n</policies>';
  const range = { start: { line: 2, character: 3 }, end: { line: 3, character: 0 } };
  // the range ends at the start of line 3, which it does not touch
  assert.equal(formatStable(text, SPACES4, range), '<policies>\n<inbound>\n        <base />\n<set-header name="a" exists-action="delete" />\n</inbound>\n</policies>');
  const two = { start: { line: 1, character: 0 }, end: { line: 3, character: 1 } };
  assert.equal(formatStable(text, SPACES4, two), '<policies>\n    <inbound>\n        <base />\n        <set-header name="a" exists-action="delete" />\n</inbound>\n</policies>');
});

test('format: a broken document is formatted up to its first error', () => {
  const text = lines(
    '<policies>',
    '<inbound>',
    '<base />',
    '<set-header name="a" exists-action="override">',
    '<value>@(context.Request.Headers.GetValueOrDefault("x", "")</value>',
    '</set-header>',
    '<base />',
    '</inbound>',
    '</policies>',
  );
  assert.equal(formatStable(text), lines(
    '<policies>',
    '    <inbound>',
    '        <base />',
    '        <set-header name="a" exists-action="override">',
    '<value>@(context.Request.Headers.GetValueOrDefault("x", "")</value>',
    '</set-header>',
    '<base />',
    '</inbound>',
    '</policies>',
  ));
  // an element never closed: the lines from its start tag on are not understood
  const unclosed = '<policies>\n<inbound>\n<choose>\n<when condition="@(true)">\n</choose>\n</inbound>\n</policies>';
  assert.equal(formatStable(unclosed), '<policies>\n    <inbound>\n        <choose>\n<when condition="@(true)">\n</choose>\n</inbound>\n</policies>');
  // nothing understood at all
  for (const broken of ['', '<', '<policies', '@(', '<policies><inbound>', '<!-- <a>\n<b>', '<a b="\n<c>']) {
    assert.doesNotThrow(() => formatStable(broken));
  }
  assert.equal(formatStable('<policies>\n  <inbound>\n'), '<policies>\n  <inbound>\n');
});

test('format: nesting deeper than the cap is left as it is, without blowing up', () => {
  const depth = 5000;
  const text = Array.from({ length: depth }, () => '<a>').join('\n') + '\n' + Array.from({ length: depth }, () => '</a>').join('\n');
  const out = formatStable(text, { tabSize: 1, insertSpaces: true });
  assert.ok(out.length < text.length + 200 * 101 * 2, 'indentation is capped');
  assert.equal(out.split('\n')[3], '   <a>');
});

test('format: a tree of another text (a stale cache entry) is parsed again, not trusted', () => {
  const text = '<policies>\n<inbound />\n</policies>';
  const document = TextDocument.create('file:///ws/apis/a/policy.xml', 'apim-policy', 1, text);
  const stale = parsePolicy('<other />');
  assert.deepEqual(format(document, stale, undefined, SPACES4), format(document, getLanguageService().parse(document), undefined, SPACES4));
  assert.equal(TextDocument.applyEdits(document, format(document, stale, undefined, SPACES4)), '<policies>\n    <inbound />\n</policies>');
});

test('format: declarations, processing instructions and a DOCTYPE stay at the top level', () => {
  const text = '  <?xml version="1.0"?>\n <!DOCTYPE policies [\n   <!ENTITY a "b">\n ]>\n<policies>\n<?pi inside?>\n</policies>\n  <!-- after -->';
  assert.equal(formatStable(text), '<?xml version="1.0"?>\n<!DOCTYPE policies [\n   <!ENTITY a "b">\n ]>\n<policies>\n    <?pi inside?>\n</policies>\n<!-- after -->');
});

// --- every corpus file -----------------------------------------------------------------------

const corpus = CORPUS;
const skip = corpusSkip();

/** Ranges whose characters a formatter must not touch, from the original tree. */
function protectedRanges(doc: PolicyDocument): { hard: Array<[number, number]>; text: Array<[number, number]> } {
  const hard: Array<[number, number]> = [];
  const text: Array<[number, number]> = [];
  for (const e of doc.expressions) hard.push([e.start, e.end]);
  for (const c of doc.comments) hard.push([c.start, c.end]);
  const stack: PolicyElement[] = [...doc.roots];
  while (stack.length) {
    const el = stack.pop()!;
    for (const a of el.attributes) if (a.valueStart !== undefined && a.valueEnd !== undefined) hard.push([a.valueStart, a.valueEnd]);
    for (const t of el.texts) text.push([t.start, t.end]);
    stack.push(...el.children);
  }
  return { hard, text };
}

const within = (ranges: Array<[number, number]>, start: number, end: number) => ranges.some(([s, e]) => s < end && start < e);

interface Line { start: number; content: string; eol: string }

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, content: text.substring(start, m.index), eol: m[0] });
    start = m.index + m[0].length;
  }
  out.push({ start, content: text.substring(start), eol: '' });
  return out;
}

/** Why `after` is not `before` with only allowed white space changed, or undefined when it is. */
function illegalChange(before: string, after: string): string | undefined {
  if (before.replace(/\s/g, '') !== after.replace(/\s/g, '')) return 'non-white-space characters changed';
  const doc = parsePolicy(before);
  const { hard, text } = protectedRanges(doc);
  const a = splitLines(before);
  const b = splitLines(after);
  if (a.length !== b.length) return `line count ${a.length} -> ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.eol !== y.eol) return `line ${i + 1}: line end changed`;
    if (x.content === y.content) continue;
    const bom = i === 0 && x.content.startsWith('\uFEFF') ? 1 : 0;
    const lead = (s: string) => s.length - s.substring(bom).replace(/^[ \t]+/, '').length - bom;
    const trail = (s: string) => s.length - s.replace(/[ \t]+$/, '').length;
    const core = (s: string) => s.substring(bom + lead(s), s.length - trail(s));
    if (core(x.content) !== core(y.content)) return `line ${i + 1}: more than white space at its ends changed`;
    if (bom && !y.content.startsWith('\uFEFF')) return 'BOM lost';
    const first = x.start + bom + lead(x.content);
    if (x.content.substring(bom, bom + lead(x.content)) !== y.content.substring(bom, bom + lead(y.content))) {
      if (before.charAt(first) !== '<' || before.startsWith('<![CDATA[', first)) return `line ${i + 1}: re-indented a line that does not begin with a tag`;
      // a comment may begin at the `<`; nothing may hold the indentation or the `<`
      if (hard.some(([s, e]) => s < first && e > x.start)) return `line ${i + 1}: re-indented inside an expression, value or comment`;
    }
    if (trail(x.content) !== trail(y.content) || x.content.substring(x.content.length - trail(x.content)) !== y.content.substring(y.content.length - trail(y.content))) {
      const end = x.start + x.content.length;
      if (within(hard, end - trail(x.content), end) || within(text, end - trail(x.content), end)) return `line ${i + 1}: trailing white space changed inside protected text`;
    }
  }
  return undefined;
}

test('format: the checker of allowed changes catches what it should', () => {
  assert.equal(illegalChange('<a>\n  <b/>\n</a>', '<a>\n<b/>\n</a>'), undefined);
  assert.match(illegalChange('<a>\n  text\n</a>', '<a>\ntext\n</a>')!, /does not begin with a tag/);
  assert.match(illegalChange('<a>\n<b/>\n</a>', '<a>\n<b/></a>')!, /line count/);
  assert.match(illegalChange('<a>text  \n</a>', '<a>text\n</a>')!, /protected text/);
  assert.match(illegalChange('<a b="@{\n  <c>}"/>', '<a b="@{\n<c>}"/>')!, /inside an expression/);
});

test('format: every corpus file changes only white space it may change, keeps its diagnostics, and is stable', { skip }, () => {
  const service = getLanguageService({ locate: createLocator() });
  const files = findPolicyFiles([path.join(corpus, 'policies'), path.join(corpus, 'apiops')]).files;
  assert.ok(files.length > 300, `expected the whole corpus, found ${files.length} files`);
  const problems: string[] = [];
  let changed = 0;
  const diagKey = (d: { range: Range; code?: number | string; severity?: number }) => `${d.range.start.line}:${d.code}:${d.severity}`;
  for (const file of files) {
    const rel = path.relative(corpus, file);
    const text = fs.readFileSync(file, 'utf8');
    for (const options of [SPACES4, { tabSize: 2, insertSpaces: false }]) {
      const document = TextDocument.create(file, 'apim-policy', 1, text);
      const edits = format(document, service.parse(document), undefined, options);
      const out = TextDocument.applyEdits(document, edits);
      if (out !== text) changed++;
      const why = illegalChange(text, out);
      if (why) { problems.push(`${rel}: ${why}`); continue; }
      const again = TextDocument.create(file, 'apim-policy', 2, out);
      if (format(again, service.parse(again), undefined, options).length) problems.push(`${rel}: formatting twice changes it again`);
      const before = service.doValidation(document).map(diagKey).sort();
      const after = service.doValidation(again).map(diagKey).sort();
      if (JSON.stringify(before) !== JSON.stringify(after)) problems.push(`${rel}: diagnostics changed ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
    }
  }
  console.log(`format corpus: ${files.length} files, ${changed} formatted results differ from the original`);
  assert.deepEqual(problems, []);
});
