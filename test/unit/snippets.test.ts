/**
 * Every snippet of snippets/apim-policy.code-snippets, expanded the way VS Code would with its
 * first choice, its defaults and empty tab stops, must be a policy the service finds no error in,
 * in each section where its policies are allowed. Each other choice is tried too, and the choice
 * lists of enum attributes must be the catalog's values. The server's completion offers each
 * snippet exactly there (the file is not contributed to VS Code, whose snippet provider would
 * offer every snippet everywhere, attribute lists included).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, DiagnosticSeverity } from 'vscode-languageserver-types';
import { getLanguageService, type SnippetFile } from '../../server/src/languageService/languageService';
import { parsePolicy, type PolicyElement } from '../../server/src/languageService/parser/policyParser';
import { createRoleResolver, findAttribute, SECTIONS, type Section } from '../../server/src/languageService/catalog';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
  scope?: string;
  isFileTemplate?: boolean;
}

const file = path.resolve(__dirname, '../../../snippets/apim-policy.code-snippets');
const raw = fs.readFileSync(file, 'utf8');
const snippets = JSON.parse(raw) as Record<string, Snippet>;
const service = getLanguageService();

// --- snippet syntax (https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar) ---

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: Node[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: Node[] };

/** Parses snippet syntax; throws on anything VS Code would not read as we mean it. */
export function parseSnippet(src: string): Node[] {
  let pos = 0;
  const fail = (why: string): never => { throw new Error(`${why} at ${pos} in ${JSON.stringify(src)}`); };
  const int = (): number => {
    const m = /^\d+/.exec(src.substring(pos));
    if (!m) fail('expected a tab stop number');
    pos += m![0].length;
    return Number(m![0]);
  };
  const name = (): string | undefined => {
    const m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(src.substring(pos));
    if (!m) return undefined;
    pos += m[0].length;
    return m[0];
  };
  /** Nodes up to an unescaped `}` when `nested`, else to the end. */
  const any = (nested: boolean): Node[] => {
    const out: Node[] = [];
    let text = '';
    const flush = () => { if (text) out.push({ kind: 'text', value: text }); text = ''; };
    while (pos < src.length) {
      const c = src[pos];
      if (c === '\\' && (src[pos + 1] === '$' || src[pos + 1] === '}' || src[pos + 1] === '\\')) {
        text += src[pos + 1];
        pos += 2;
        continue;
      }
      if (c === '}' && nested) { flush(); return out; }
      if (c !== '$') { text += c; pos++; continue; }
      const n = src[pos + 1];
      if (n !== undefined && /\d/.test(n)) { flush(); pos++; out.push({ kind: 'tabstop', index: int() }); continue; }
      if (n !== undefined && /[_a-zA-Z]/.test(n)) { flush(); pos++; out.push({ kind: 'variable', name: name()! }); continue; }
      if (n !== '{') { text += c; pos++; continue; } // a lone `$` is text
      flush();
      pos += 2;
      if (/\d/.test(src[pos] ?? '')) {
        const index = int();
        if (src[pos] === '}') { pos++; out.push({ kind: 'tabstop', index }); continue; }
        if (src[pos] === ':') { pos++; const children = any(true); expect('}'); out.push({ kind: 'placeholder', index, children }); continue; }
        if (src[pos] === '|') { pos++; out.push({ kind: 'choice', index, options: choiceOptions() }); continue; }
        fail('transforms are not supported here');
      }
      const v = name();
      if (!v) fail('expected a tab stop or a variable after ${');
      if (src[pos] === '}') { pos++; out.push({ kind: 'variable', name: v! }); continue; }
      if (src[pos] === ':') { pos++; const children = any(true); expect('}'); out.push({ kind: 'variable', name: v!, children }); continue; }
      fail('variable transforms are not supported here');
    }
    if (nested) fail('unclosed ${');
    flush();
    return out;
  };
  const expect = (s: string) => {
    if (!src.startsWith(s, pos)) fail(`expected ${s}`);
    pos += s.length;
  };
  const choiceOptions = (): string[] => {
    const options: string[] = [];
    let cur = '';
    while (pos < src.length) {
      const c = src[pos];
      if (c === '\\' && ',|\\$}'.includes(src[pos + 1] ?? '')) { cur += src[pos + 1]; pos += 2; continue; }
      if (c === ',') { options.push(cur); cur = ''; pos++; continue; }
      if (c === '|') { options.push(cur); pos++; expect('}'); return options; }
      cur += c;
      pos++;
    }
    return fail('unclosed choice');
  };
  return any(false);
}

/** Values VS Code gives the variables a snippet may use (as for an empty selection). */
const VARIABLES: Record<string, string> = {
  TM_SELECTED_TEXT: '', TM_CURRENT_LINE: '', TM_CURRENT_WORD: '', TM_LINE_INDEX: '0', TM_LINE_NUMBER: '1',
  TM_FILENAME: 'policy.xml', TM_FILENAME_BASE: 'policy', TM_DIRECTORY: '/ws/apis/a', TM_FILEPATH: '/ws/apis/a/policy.xml',
  CLIPBOARD: '', WORKSPACE_NAME: 'ws', UUID: '00000000-0000-4000-8000-000000000000', CURRENT_YEAR: '2025',
};

interface Expansion {
  text: string;
  /** Where each choice landed in `text`, with its options. */
  choices: Array<{ index: number; start: number; end: number; options: string[] }>;
}

/**
 * Expands like an accepted snippet: placeholders give their default (mirrors `$n` repeat it),
 * choices their option `picks[index]` (first by default), tab stops nothing.
 */
export function expandSnippet(src: string, picks: Record<number, number> = {}): Expansion {
  const nodes = parseSnippet(src);
  const defaults = new Map<number, Node>();
  const collect = (list: Node[]) => {
    for (const n of list) {
      if ((n.kind === 'placeholder' || n.kind === 'choice') && !defaults.has(n.index)) defaults.set(n.index, n);
      if (n.kind === 'placeholder' || (n.kind === 'variable' && n.children)) collect(n.kind === 'placeholder' ? n.children : n.children!);
    }
  };
  collect(nodes);
  const out: Expansion = { text: '', choices: [] };
  const emit = (list: Node[], depth: number) => {
    if (depth > 20) throw new Error('placeholders nest too deep (a mirror inside its own placeholder?)');
    for (const n of list) {
      switch (n.kind) {
        case 'text': out.text += n.value; break;
        case 'tabstop': {
          const d = defaults.get(n.index);
          if (d) emit([d], depth + 1);
          break;
        }
        case 'placeholder': emit(n.children, depth + 1); break;
        case 'choice': {
          const start = out.text.length;
          out.text += n.options[picks[n.index] ?? 0];
          out.choices.push({ index: n.index, start, end: out.text.length, options: n.options });
          break;
        }
        case 'variable':
          if (!(n.name in VARIABLES)) throw new Error(`unknown snippet variable $${n.name}`);
          if (VARIABLES[n.name]) out.text += VARIABLES[n.name];
          else if (n.children) emit(n.children, depth + 1);
          break;
      }
    }
  };
  emit(nodes, 0);
  return out;
}

const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixesOf = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

// --- where a snippet goes ----------------------------------------------------------------------

const URI = {
  api: 'file:///ws/apis/a/policy.xml',
  operation: 'file:///ws/apis/a/operations/o/policy.xml',
  product: 'file:///ws/products/p/policy.xml',
  fragment: 'file:///ws/policy%20fragments/f/policy.xml',
} as const;

/** Snippets meant for one section although their policies are allowed in more. */
const SECTION_OVERRIDES: Record<string, Section[]> = {
  'apim-on-error-response': ['on-error'],
};

type Placement =
  | { kind: 'document'; uri: string }
  | { kind: 'fragment'; uri: string }
  | { kind: 'section'; sections: Section[]; uri: string };

/** Policies (not their own child elements) in a snippet's expansion. */
function policiesIn(text: string): PolicyElement[] {
  const doc = parsePolicy(`<fragment>${text}</fragment>`);
  const roleOf = createRoleResolver(service.catalog);
  const found: PolicyElement[] = [];
  const stack = [...doc.roots];
  while (stack.length) {
    const el = stack.pop()!;
    if (roleOf(el).kind === 'policy') found.push(el);
    stack.push(...el.children);
  }
  return found;
}

function placementOf(prefix: string, text: string): Placement {
  const root = /^\s*<([\w-]+)/.exec(text)?.[1];
  if (root === 'policies') return { kind: 'document', uri: URI.api };
  if (root === 'fragment') return { kind: 'fragment', uri: URI.fragment };
  const policies = policiesIn(text).map(el => service.catalog.getElement(el.name)!);
  assert.ok(policies.length, `${prefix}: no policy in the snippet`);
  let sections = SECTIONS.filter(s => policies.every(p => p.sections.includes(s)));
  if (SECTION_OVERRIDES[prefix]) sections = SECTION_OVERRIDES[prefix];
  assert.ok(sections.length, `${prefix}: its policies share no section`);
  const scope = (['api', 'operation', 'product'] as const).find(s => policies.every(p => p.scopes.includes(s)));
  assert.ok(scope, `${prefix}: its policies share no scope`);
  return { kind: 'section', sections, uri: URI[scope!] };
}

/** The document a snippet is checked in, and where the snippet's text starts in it. */
function wrap(text: string, placement: Placement, section?: Section): { doc: string; offset: number } {
  if (placement.kind !== 'section') return { doc: text, offset: 0 };
  let doc = '<policies>\n';
  let offset = 0;
  for (const s of SECTIONS) {
    doc += `<${s}>\n<base />\n`;
    if (s === section) {
      offset = doc.length;
      doc += `${text}\n`;
    }
    doc += `</${s}>\n`;
  }
  return { doc: `${doc}</policies>\n`, offset };
}

function errorsIn(doc: string, uri: string): string[] {
  const document = TextDocument.create(uri, 'apim-policy', 1, doc);
  return service.doValidation(document)
    .filter(d => d.severity === DiagnosticSeverity.Error)
    .map(d => `${d.code} (line ${d.range.start.line + 1}): ${d.message}`);
}

// --- tests ---------------------------------------------------------------------------------------

test('snippet expansion handles the snippet syntax', () => {
  assert.equal(expandSnippet('a $1 ${2} ${3:x} ${4|p,q|} $0').text, 'a   x p ');
  assert.equal(expandSnippet('${1:outer ${2:inner}} $2 $1').text, 'outer inner inner outer inner');
  assert.equal(expandSnippet('\\$"{x}" ${1:{{nv\\}\\}} \\\\').text, '$"{x}" {{nv}} \\');
  assert.equal(expandSnippet('${1|a\\,b,c|}', { 1: 1 }).text, 'c');
  assert.equal(expandSnippet('${1|a\\,b,c|}').text, 'a,b');
  assert.equal(expandSnippet('<x>${TM_SELECTED_TEXT}$TM_FILENAME_BASE ${CLIPBOARD:none}</x>').text, '<x>policy none</x>');
  assert.equal(expandSnippet('cost $ 5').text, 'cost $ 5');
  assert.throws(() => expandSnippet('${1:open'));
  assert.throws(() => expandSnippet('${1/a/b/}'));
  assert.throws(() => expandSnippet('$NOT_A_VARIABLE'));
});

test('snippets: at least 40, unique prefixes, each with a description and a body that parses', () => {
  const names = Object.keys(snippets);
  assert.ok(names.length >= 40, `only ${names.length} snippets`);
  // JSON.parse keeps the last of two snippets with one name: count them in the text
  assert.equal(raw.match(/"prefix"\s*:/g)?.length, names.length, 'two snippets share a name');
  const seen = new Map<string, string>();
  for (const [name, s] of Object.entries(snippets)) {
    assert.equal(s.scope, undefined, `${name}: the server offers the snippets in policy files only; a scope means nothing here`);
    assert.ok(typeof s.description === 'string' && s.description.length > 10, `${name}: no description`);
    for (const p of prefixesOf(s)) {
      assert.match(p, /^apim-[a-z0-9-]+$/, `${name}: prefix ${p}`);
      assert.ok(!seen.has(p), `prefix ${p} used by ${seen.get(p)} and ${name}`);
      seen.set(p, name);
    }
    const { text } = expandSnippet(bodyOf(s));
    assert.ok(text.trim().startsWith('<'), `${name}: body does not start with markup`);
  }
});

test('snippets: the whole-document and fragment snippets are there', () => {
  const bodies = Object.values(snippets).map(s => expandSnippet(bodyOf(s)).text.trim());
  const full = bodies.find(b => b.startsWith('<policies>') && ['inbound', 'backend', 'outbound', 'on-error'].every(s => b.includes(`<${s}>\n\t\t<base />`)));
  assert.ok(full, 'a <policies> snippet with the four sections, each starting with <base />');
  assert.ok(bodies.some(b => b.startsWith('<fragment>')), 'a <fragment> snippet');
});

test('snippets: the managed identity patterns for Power Automate and Logic Apps', () => {
  const by = (prefix: string) => expandSnippet(bodyOf(Object.values(snippets).find(s => prefixesOf(s).includes(prefix))!)).text;
  const flow = by('apim-flow-managed-identity');
  assert.match(flow, /<set-header name="Authorization" exists-action="delete" \/>/);
  assert.match(flow, /<authentication-managed-identity resource="https:\/\/service\.flow\.microsoft\.com\/" \/>/);
  assert.match(flow, /<set-backend-service base-url="https:\/\/[^"]+\.environment\.api\.powerplatform\.com\/powerautomate\/automations\/direct\/workflows\/[^"]+\/triggers\/manual\/paths\/invoke\?api-version=1" \/>/);
  assert.ok(flow.indexOf('exists-action="delete"') < flow.indexOf('authentication-managed-identity'), 'the caller\'s token goes before APIM adds its own');
  const logicApp = by('apim-logicapp-managed-identity');
  assert.match(logicApp, /resource="https:\/\/management\.azure\.com\/"/);
  assert.match(logicApp, /base-url="https:\/\/prod-\d+\.[a-z]+\.logic\.azure\.com\/workflows\//);
  assert.doesNotMatch(logicApp, /sig=/, 'a bearer token and a SAS signature together are refused');
});

test('snippets: choice lists of enum and Boolean attributes come from the catalog', () => {
  const roleOf = createRoleResolver(service.catalog);
  let checked = 0;
  for (const [name, s] of Object.entries(snippets)) {
    const exp = expandSnippet(bodyOf(s));
    const placement = placementOf(prefixesOf(s)[0], exp.text);
    const { doc, offset } = wrap(exp.text, placement, placement.kind === 'section' ? placement.sections[0] : undefined);
    const tree = parsePolicy(doc);
    for (const choice of exp.choices) {
      const at = offset + choice.start;
      const el = tree.findElementAt(at);
      const attr = el?.attributes.find(a => a.valueStart !== undefined && a.valueEnd !== undefined && a.valueStart < at && at < a.valueEnd);
      if (!el || !attr) continue; // a choice in element text (a method, a dimension name list)
      const info = findAttribute(service.catalog, roleOf(el), attr.name);
      assert.ok(info, `${name}: ${el.name}@${attr.name} is not in the catalog`);
      if (info!.value.kind === 'enum') {
        assert.deepEqual([...choice.options].sort(), [...info!.value.values].sort(), `${name}: ${el.name}@${attr.name} choices`);
        checked++;
      } else if (info!.value.kind === 'bool') {
        assert.deepEqual([...choice.options].sort(), ['false', 'true'], `${name}: ${el.name}@${attr.name} choices`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 20, `only ${checked} enum/Boolean choice lists`);
});

for (const [name, s] of Object.entries(snippets)) {
  const prefix = prefixesOf(s)[0];
  test(`snippet ${prefix}: no error where it belongs`, () => {
    const first = expandSnippet(bodyOf(s));
    const placement = placementOf(prefix, first.text);
    const sections = placement.kind === 'section' ? placement.sections : [undefined];
    for (const section of sections) {
      const { doc } = wrap(first.text, placement, section);
      assert.deepEqual(parsePolicy(doc).errors.map(e => e.code), [], `${name}: the expansion does not parse\n${doc}`);
      assert.deepEqual(errorsIn(doc, placement.uri), [], `${name} in ${section ?? placement.kind}:\n${doc}`);
    }
    // every other option of every choice, one at a time, in the first section
    const indexes = [...new Set(first.choices.map(c => c.index))];
    for (const index of indexes) {
      const options = first.choices.find(c => c.index === index)!.options;
      for (let k = 1; k < options.length; k++) {
        const variant = expandSnippet(bodyOf(s), { [index]: k }).text;
        const { doc } = wrap(variant, placement, sections[0]);
        assert.deepEqual(errorsIn(doc, placement.uri), [], `${name} with choice $${index} = ${options[k]}:\n${doc}`);
      }
    }
  });
}

test('snippets: exactly the whole-document ones are file templates (offered for a new, empty file)', () => {
  const templates = Object.values(snippets).filter(s => s.isFileTemplate).map(s => expandSnippet(bodyOf(s)).text.trim());
  assert.equal(templates.length, 4);
  for (const t of templates) assert.match(t, /^<(policies|fragment)>/);
  const wholeDocuments = Object.values(snippets).filter(s => /^<(policies|fragment)>/.test(expandSnippet(bodyOf(s)).text.trim()));
  assert.equal(wholeDocuments.length, templates.length);
});

// --- where the server offers them ---------------------------------------------------------------

const completing = getLanguageService({ snippets: snippets as unknown as SnippetFile });

function offeredAt(text: string, uri: string): string[] {
  const offset = text.indexOf('|');
  const document = TextDocument.create(uri, 'apim-policy', 1, text.replace('|', ''));
  return completing.doComplete(document, document.positionAt(offset)).items.filter(i => i.kind === CompletionItemKind.Snippet).map(i => i.label);
}

const inSection = (section: Section) => `<policies>\n${SECTIONS.map(s => `<${s}>\n<base />\n${s === section ? '|\n' : ''}</${s}>\n`).join('')}</policies>`;

test('the snippets are not contributed to VS Code: the server offers them', () => {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
  assert.equal(pkg.contributes.snippets, undefined, 'VS Code would offer contributed snippets everywhere, inside start tags too');
});

for (const [name, s] of Object.entries(snippets)) {
  const prefix = prefixesOf(s)[0];
  test(`snippet ${prefix}: offered by completion where it belongs, and nowhere else`, () => {
    const placement = placementOf(prefix, expandSnippet(bodyOf(s)).text);
    const empty = offeredAt('|', placement.uri);
    if (placement.kind !== 'section') {
      assert.ok(empty.includes(prefix), `${name}: not offered in an empty document`);
      for (const section of SECTIONS) assert.ok(!offeredAt(inSection(section), URI.api).includes(prefix), `${name}: offered in <${section}>`);
      return;
    }
    assert.ok(!empty.includes(prefix), `${name}: offered as a whole document`);
    for (const section of placement.sections) assert.ok(offeredAt(inSection(section), placement.uri).includes(prefix), `${name}: not offered in <${section}>`);
    if (SECTION_OVERRIDES[prefix]) return;
    for (const section of SECTIONS.filter(x => !placement.sections.includes(x))) {
      assert.ok(!offeredAt(inSection(section), placement.uri).includes(prefix), `${name}: offered in <${section}>, where its policies are not allowed`);
    }
  });
}
