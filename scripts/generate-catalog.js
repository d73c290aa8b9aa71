#!/usr/bin/env node
/**
 * Turns the policy catalog data (server/src/languageService/catalog/data/policies.json) into
 * server/src/languageService/catalog/policies.generated.ts.
 *
 *   node scripts/generate-catalog.js           write the generated file
 *   node scripts/generate-catalog.js --check   exit 1 when the file on disk is stale
 *
 * The data is checked first by hand-written rules that mirror data/policies.schema.json (no
 * dependencies), plus the cross-references a schema cannot express: unique element names, and
 * every child name resolving to a policy, a structural element or the policy's own childElements.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const CATALOG_DIR = path.join('server', 'src', 'languageService', 'catalog');
const DATA_FILE = path.join(CATALOG_DIR, 'data', 'policies.json');
const OUTPUT_FILE = path.join(CATALOG_DIR, 'policies.generated.ts');

const SECTIONS = ['inbound', 'backend', 'outbound', 'on-error'];
const SCOPES = ['global', 'workspace', 'product', 'api', 'operation', 'graphql-resolver'];
const GATEWAYS = ['classic', 'v2', 'consumption', 'self-hosted', 'workspace'];
const KINDS = ['policy', 'structural'];
const VALUE_KINDS = ['string', 'enum', 'bool', 'bool-expression', 'int', 'number'];
const UNITS = ['seconds', 'milliseconds', 'bytes', 'kilobytes', 'calls'];
const ANY_POLICY = '*policy*';

const ELEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;
const SLUG = /^[a-z][a-z0-9-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SET_VARIABLE_TYPE = /^System\.[A-Za-z][A-Za-z0-9]*(\[\]|\?)?$/;
const LIQUID_FILTER = /^[A-Z][A-Za-z]*$/;

const ELEMENT_KEYS = ['name', 'kind', 'variantOf', 'variant', 'category', 'summary', 'sections', 'scopes', 'gateways',
  'attributes', 'children', 'childElements', 'content', 'body', 'doc', 'docDate', 'checked', 'constraints', 'notes', 'preview', 'deprecated'];
const CHECKED_KEYS = ['source', 'read', 'note'];
const ATTRIBUTE_KEYS = ['name', 'description', 'required', 'expressions', 'expressionsStated', 'default', 'value'];
const CHILD_KEYS = ['name', 'required', 'multiple', 'description'];
const CHILD_ELEMENT_KEYS = ['description', 'attributes', 'children', 'content', 'body'];

class CatalogDataError extends Error {
  constructor(where, message) {
    super(`${DATA_FILE.split(path.sep).join('/')}: ${where}: ${message}`);
    this.name = 'CatalogDataError';
  }
}

function fail(where, message) {
  throw new CatalogDataError(where, message);
}

function isObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(obj, allowed, required, where) {
  if (!isObject(obj)) fail(where, 'must be an object');
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) fail(where, `unknown property "${key}" (allowed: ${allowed.join(', ')})`);
  }
  for (const key of required) {
    if (!(key in obj)) fail(where, `missing required property "${key}"`);
  }
}

function checkText(v, where) {
  if (typeof v !== 'string' || v.length === 0) fail(where, 'must be a non-empty string');
}

function checkBool(v, where) {
  if (typeof v !== 'boolean') fail(where, 'must be true or false');
}

function checkName(v, where) {
  if (typeof v !== 'string' || !ELEMENT_NAME.test(v)) fail(where, `"${v}" is not a valid element or attribute name`);
}

function checkPattern(v, re, where) {
  if (typeof v !== 'string' || !re.test(v)) fail(where, `"${v}" does not match ${re}`);
}

function checkEnumList(list, allowed, where) {
  if (!Array.isArray(list)) fail(where, 'must be an array');
  const seen = new Set();
  list.forEach((v, i) => {
    if (!allowed.includes(v)) fail(`${where}[${i}]`, `"${v}" is not one of ${allowed.join(', ')}`);
    if (seen.has(v)) fail(`${where}[${i}]`, `"${v}" is listed twice`);
    seen.add(v);
  });
}

function checkTextList(list, where) {
  if (!Array.isArray(list)) fail(where, 'must be an array');
  list.forEach((v, i) => checkText(v, `${where}[${i}]`));
}

function checkValueType(v, where) {
  if (!isObject(v)) fail(where, 'must be an object');
  if (!VALUE_KINDS.includes(v.kind)) fail(where, `kind "${v.kind}" is not one of ${VALUE_KINDS.join(', ')}`);
  switch (v.kind) {
    case 'string':
    case 'bool':
    case 'bool-expression':
      checkKeys(v, ['kind'], ['kind'], where);
      break;
    case 'enum': {
      checkKeys(v, ['kind', 'values'], ['kind', 'values'], where);
      if (!Array.isArray(v.values) || v.values.length === 0) fail(`${where}.values`, 'must be a non-empty array');
      const seen = new Set();
      v.values.forEach((x, i) => {
        if (typeof x !== 'string') fail(`${where}.values[${i}]`, 'must be a string');
        if (seen.has(x)) fail(`${where}.values[${i}]`, `"${x}" is listed twice`);
        seen.add(x);
      });
      break;
    }
    case 'int':
      checkKeys(v, ['kind', 'min', 'max', 'unit'], ['kind'], where);
      for (const k of ['min', 'max']) {
        if (k in v && !Number.isInteger(v[k])) fail(`${where}.${k}`, 'must be an integer');
      }
      if ('unit' in v && !UNITS.includes(v.unit)) fail(`${where}.unit`, `"${v.unit}" is not one of ${UNITS.join(', ')}`);
      break;
    case 'number':
      checkKeys(v, ['kind', 'min', 'max'], ['kind'], where);
      for (const k of ['min', 'max']) {
        if (k in v && (typeof v[k] !== 'number' || !Number.isFinite(v[k]))) fail(`${where}.${k}`, 'must be a number');
      }
      break;
  }
  if ('min' in v && 'max' in v && v.min > v.max) fail(where, `min ${v.min} is greater than max ${v.max}`);
}

/** A default must be a value the attribute's own type accepts (defaults such as "system-assigned identity" only on strings). */
function checkDefault(attr, where) {
  const d = attr.default;
  const v = attr.value;
  switch (v.kind) {
    case 'bool':
      if (d !== 'true' && d !== 'false') fail(where, `default "${d}" is not true or false`);
      break;
    case 'enum':
      if (!v.values.includes(d)) fail(where, `default "${d}" is not one of its values (${v.values.join(', ')})`);
      break;
    case 'int':
      if (!/^-?\d+$/.test(d)) fail(where, `default "${d}" is not an integer`);
      break;
    case 'number':
      if (!Number.isFinite(Number(d))) fail(where, `default "${d}" is not a number`);
      break;
    default:
      break;
  }
}

function checkAttributes(list, where) {
  if (!Array.isArray(list)) fail(where, 'must be an array');
  const seen = new Set();
  list.forEach((a, i) => {
    const at = `${where}[${i}]${a && typeof a.name === 'string' ? ` (${a.name})` : ''}`;
    checkKeys(a, ATTRIBUTE_KEYS, ['name', 'required', 'expressions', 'value'], at);
    checkName(a.name, `${at}.name`);
    if (seen.has(a.name)) fail(at, `attribute "${a.name}" is listed twice`);
    seen.add(a.name);
    if ('description' in a) checkText(a.description, `${at}.description`);
    checkBool(a.required, `${at}.required`);
    checkBool(a.expressions, `${at}.expressions`);
    if ('expressionsStated' in a && a.expressionsStated !== false) fail(`${at}.expressionsStated`, 'is only written when false');
    checkValueType(a.value, `${at}.value`);
    if ('default' in a) {
      if (typeof a.default !== 'string') fail(`${at}.default`, 'must be a string');
      checkDefault(a, `${at}.default`);
    }
  });
}

function checkChildren(list, where) {
  if (!Array.isArray(list)) fail(where, 'must be an array');
  const seen = new Set();
  list.forEach((c, i) => {
    const at = `${where}[${i}]${c && typeof c.name === 'string' ? ` (${c.name})` : ''}`;
    checkKeys(c, CHILD_KEYS, ['name', 'required', 'multiple'], at);
    if (c.name !== ANY_POLICY) checkName(c.name, `${at}.name`);
    if (seen.has(c.name)) fail(at, `child "${c.name}" is listed twice`);
    seen.add(c.name);
    checkBool(c.required, `${at}.required`);
    checkBool(c.multiple, `${at}.multiple`);
    if ('description' in c) checkText(c.description, `${at}.description`);
  });
}

/** `body` is only written as true, and only on an element that takes no named children: its content is a body. */
function checkBody(e, where) {
  if (!('body' in e)) return;
  if (e.body !== true) fail(`${where}.body`, 'is only written when true');
  if (e.children.length) fail(`${where}.body`, 'a body holds content, not the child elements this entry lists');
}

/**
 * `checked`: the page this entry was last compared with, attribute by attribute. `source` is the page's
 * source (a version of the Markdown in MicrosoftDocs/azure-docs, or the rendered Learn page), `read` the day
 * it was read; the page's own date, where the source shows it, is the entry's docDate.
 */
function checkChecked(e, where) {
  const c = e.checked;
  checkKeys(c, CHECKED_KEYS, ['source', 'read'], where);
  checkPattern(c.source, /^https:\/\//, `${where}.source`);
  checkPattern(c.read, DATE, `${where}.read`);
  if ('note' in c) checkText(c.note, `${where}.note`);
  if ('docDate' in e && e.docDate > c.read) fail(where, `docDate ${e.docDate} is after the day the page was read (${c.read})`);
}

function checkElementShape(e, where) {
  checkKeys(e, ELEMENT_KEYS, ['name', 'kind', 'summary', 'sections', 'scopes', 'gateways', 'attributes', 'children', 'childElements', 'doc'], where);
  checkName(e.name, `${where}.name`);
  if (!KINDS.includes(e.kind)) fail(`${where}.kind`, `"${e.kind}" is not one of ${KINDS.join(', ')}`);
  if ('variantOf' in e !== 'variant' in e) fail(where, 'variantOf and variant go together');
  if ('variantOf' in e) {
    checkName(e.variantOf, `${where}.variantOf`);
    checkPattern(e.variant, SLUG, `${where}.variant`);
  }
  if ('category' in e) checkPattern(e.category, SLUG, `${where}.category`);
  checkText(e.summary, `${where}.summary`);
  checkEnumList(e.sections, SECTIONS, `${where}.sections`);
  checkEnumList(e.scopes, SCOPES, `${where}.scopes`);
  checkEnumList(e.gateways, GATEWAYS, `${where}.gateways`);
  checkAttributes(e.attributes, `${where}.attributes`);
  checkChildren(e.children, `${where}.children`);
  if (!isObject(e.childElements)) fail(`${where}.childElements`, 'must be an object');
  for (const [name, ce] of Object.entries(e.childElements)) {
    const at = `${where}.childElements["${name}"]`;
    checkName(name, at);
    checkKeys(ce, CHILD_ELEMENT_KEYS, ['attributes', 'children'], at);
    if ('description' in ce) checkText(ce.description, `${at}.description`);
    checkAttributes(ce.attributes, `${at}.attributes`);
    checkChildren(ce.children, `${at}.children`);
    if ('content' in ce) checkText(ce.content, `${at}.content`);
    checkBody(ce, at);
  }
  if ('content' in e) checkText(e.content, `${where}.content`);
  checkBody(e, where);
  checkPattern(e.doc, /^https:\/\//, `${where}.doc`);
  if ('docDate' in e) checkPattern(e.docDate, DATE, `${where}.docDate`);
  if ('checked' in e) checkChecked(e, `${where}.checked`);
  if ('constraints' in e) checkTextList(e.constraints, `${where}.constraints`);
  if ('notes' in e) checkTextList(e.notes, `${where}.notes`);
  if ('preview' in e) checkBool(e.preview, `${where}.preview`);
  if ('deprecated' in e) checkBool(e.deprecated, `${where}.deprecated`);
}

function checkStringList(list, re, where) {
  if (!Array.isArray(list)) fail(where, 'must be an array');
  const seen = new Set();
  list.forEach((v, i) => {
    checkPattern(v, re, `${where}[${i}]`);
    if (seen.has(v)) fail(`${where}[${i}]`, `"${v}" is listed twice`);
    seen.add(v);
  });
}

/** Checks `data` against the catalog shape; throws CatalogDataError naming the bad entry. */
function validateCatalogData(data) {
  checkKeys(data, ['$schema', 'elements', 'setVariableTypes', 'liquidFilters'], ['elements', 'setVariableTypes', 'liquidFilters'], 'root');
  if ('$schema' in data && typeof data.$schema !== 'string') fail('root.$schema', 'must be a string');
  if (!Array.isArray(data.elements) || data.elements.length === 0) fail('elements', 'must be a non-empty array');
  const label = (e, i) => `elements[${i}]${e && typeof e.name === 'string' ? ` (${e.name}${e.variant ? `, ${e.variant}` : ''})` : ''}`;

  data.elements.forEach((e, i) => checkElementShape(e, label(e, i)));

  const primary = new Map();
  const variantKeys = new Set();
  data.elements.forEach((e, i) => {
    if (e.variantOf) {
      const key = `${e.name}#${e.variant}`;
      if (variantKeys.has(key)) fail(label(e, i), `variant "${e.variant}" of "${e.name}" is listed twice`);
      variantKeys.add(key);
      return;
    }
    if (primary.has(e.name)) fail(label(e, i), `element name "${e.name}" is already used by elements[${primary.get(e.name).index}]`);
    primary.set(e.name, { element: e, index: i });
  });
  data.elements.forEach((e, i) => {
    if (!e.variantOf) return;
    const base = primary.get(e.variantOf);
    if (!base) fail(label(e, i), `variantOf "${e.variantOf}" names no element`);
    if (e.name !== e.variantOf) fail(label(e, i), `a variant keeps the element name of "${e.variantOf}", not "${e.name}"`);
    if (base.element.kind !== e.kind) fail(label(e, i), `kind "${e.kind}" differs from its base "${base.element.kind}"`);
  });

  // Every named child resolves: the policy's own vocabulary first, then the shared elements.
  data.elements.forEach((e, i) => {
    const resolve = (child, at) => {
      if (child.name === ANY_POLICY) return;
      if (Object.prototype.hasOwnProperty.call(e.childElements, child.name)) return;
      if (primary.has(child.name)) return;
      fail(at, `child "${child.name}" is neither a known policy or structural element nor in this entry's childElements`);
    };
    e.children.forEach((c, j) => resolve(c, `${label(e, i)}.children[${j}]`));
    for (const [name, ce] of Object.entries(e.childElements)) {
      ce.children.forEach((c, j) => resolve(c, `${label(e, i)}.childElements["${name}"].children[${j}]`));
    }
  });

  checkStringList(data.setVariableTypes, SET_VARIABLE_TYPE, 'setVariableTypes');
  checkStringList(data.liquidFilters, LIQUID_FILTER, 'liquidFilters');
  return data;
}

function render(data) {
  const { $schema: _schema, ...catalog } = data;
  return [
    '// Generated from data/policies.json by scripts/generate-catalog.js. Do not edit by hand:',
    '// change the data and run `node scripts/generate-catalog.js` (with --check it reports a stale file).',
    "import type { CatalogData } from './types';",
    '',
    `export const catalogData: CatalogData = ${JSON.stringify(catalog, null, 2)};`,
    '',
  ].join('\n');
}

/** Reads and validates the data under `repoRoot`; returns the TypeScript source of the generated module. */
function generate(repoRoot) {
  const file = path.join(repoRoot, DATA_FILE);
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read ${file}: ${err.message}`);
  }
  validateCatalogData(data);
  return render(data);
}

function main(argv) {
  const repoRoot = path.resolve(__dirname, '..');
  const check = argv.includes('--check');
  const unknown = argv.filter(a => a !== '--check');
  if (unknown.length) {
    process.stderr.write(`generate-catalog: unknown argument ${unknown[0]} (only --check)\n`);
    return 2;
  }
  let source;
  try {
    source = generate(repoRoot);
  } catch (err) {
    process.stderr.write(`generate-catalog: ${err.message}\n`);
    return 1;
  }
  const out = path.join(repoRoot, OUTPUT_FILE);
  const rel = OUTPUT_FILE.split(path.sep).join('/');
  if (check) {
    const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : undefined;
    if (current !== source) {
      process.stderr.write(`generate-catalog: ${rel} is out of date; run node scripts/generate-catalog.js\n`);
      return 1;
    }
    process.stdout.write(`${rel} is up to date\n`);
    return 0;
  }
  fs.writeFileSync(out, source);
  process.stdout.write(`wrote ${rel}\n`);
  return 0;
}

module.exports = { generate, validateCatalogData, CatalogDataError, DATA_FILE, OUTPUT_FILE };

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
