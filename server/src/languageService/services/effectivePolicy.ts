/**
 * The effective policy: what APIM runs for a request to an operation, an API or a product, composed
 * offline from the APIOps tree. Levels run global → (workspace) → product → API → operation; in each
 * section (inbound, backend, outbound, on-error) a level's `<base />` stands for the parent level's
 * section, and a section without `<base />` cuts the chain (nothing broader runs there). A level
 * that has no policy file behaves as APIM's default policy: `<base />` in every section.
 * https://learn.microsoft.com/en-us/azure/api-management/api-management-howto-policies#apply-policies-specified-at-different-scopes
 *
 * Policies included with `include-fragment` at the top of a section are shown inline (a fragment is
 * pasted where it is included: https://learn.microsoft.com/en-us/azure/api-management/policy-fragments).
 *
 * Pure: reads the workspace index only. `composeEffective` gives the elements (for the flow
 * cross-check); `renderEffective` writes the composed document with each element's original text.
 */
import { decodeXml } from '../utils/xmlEntities';
import type { PolicyDocument, PolicyElement } from '../parser/policyParser';
import { locatePolicy, type PolicyScope } from '../workspace/apiopsLayout';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

export const SECTIONS = ['inbound', 'backend', 'outbound', 'on-error'] as const;
export type SectionName = typeof SECTIONS[number];

/** One level of the chain that runs, broadest first. */
export interface EffectiveLevel {
  scope: PolicyScope;
  uri: string;
  doc: PolicyDocument;
  /** For a product level: the product's name. */
  product?: string;
}

/** A policy statement of the composed policy, where it comes from. */
export interface ComposedElement {
  element: PolicyElement;
  section: SectionName;
  /** The scope of the level it runs at (a fragment's statements take the including level's). */
  scope: PolicyScope;
  /** The file that holds it: the level's policy, or the fragment's file. */
  uri: string;
  doc: PolicyDocument;
  /** When pasted from `include-fragment`: the fragment's name and the include element's file. */
  fragment?: { name: string; includedFrom: string };
}

/** A section where a level has no `<base />` (or no section at all): the levels above do not run there. */
export interface InheritanceCut {
  section: SectionName;
  scope: PolicyScope;
  uri: string;
  /** The section element is missing altogether. */
  missing: boolean;
}

export interface ComposedPolicy {
  uri: string;
  scope: PolicyScope;
  levels: EffectiveLevel[];
  elements: ComposedElement[];
  cuts: InheritanceCut[];
  /** Names of the products that hold the policy's API (sorted). */
  products: string[];
  /** The product whose policy was used. */
  product?: string;
}

export interface ComposeOptions {
  /** Which product's policy runs, when the API is in several (default: the first by name). */
  product?: string;
  /** A document to use for one file instead of the index's copy (the flow analysis's own tree). */
  override?: { uri: string; doc: PolicyDocument };
}

function sectionOf(doc: PolicyDocument, section: SectionName): PolicyElement | undefined {
  const root = doc.roots.find(r => r.name === 'policies');
  return root?.children.find(c => c.name === section);
}

function attr(el: PolicyElement, name: string): string | undefined {
  const a = el.attributes.find(x => x.name === name);
  return a?.value === undefined ? undefined : decodeXml(a.value).trim();
}

/**
 * The chain of policy files that run for a request to `uri` (broadest first) and the product
 * used; undefined when `uri` is not a policy the index places in an APIOps tree.
 */
export function effectiveLevels(uri: string, ws: WorkspaceIndex, options: ComposeOptions = {}): { levels: EffectiveLevel[]; products: string[]; product?: string } | undefined {
  const parsed = (u: string) => (options.override?.uri === u ? options.override.doc : ws.parsedPolicy(u));
  // a file the index does not hold yet (an unsaved, just created one) is placed by its path
  const location = ws.policyEntry(uri)?.location ?? locatePolicy(uri);
  const scope = location?.scope;
  const doc = parsed(uri);
  if (!scope || scope === 'fragment' || !doc) return undefined;
  const products = scope === 'api' || scope === 'operation' ? ws.productsOf(uri) : [];
  const names = products.map(p => p.name);
  const chosen = scope === 'product'
    ? { name: location?.product ?? '', uri }
    : options.product !== undefined ? products.find(p => p.name === options.product) : products[0];
  const levels: EffectiveLevel[] = [];
  let productPlaced = false;
  const placeProduct = () => {
    if (productPlaced || scope === 'product') return;
    productPlaced = true;
    const productDoc = chosen?.uri ? parsed(chosen.uri) : undefined;
    if (chosen?.uri && productDoc) levels.push({ scope: 'product', uri: chosen.uri, doc: productDoc, product: chosen.name });
  };
  for (const parentUri of ws.parentPolicies(uri)) {
    const parentScope = (ws.policyEntry(parentUri)?.location ?? locatePolicy(parentUri))?.scope;
    if (!parentScope || parentScope === 'product') continue; // every product of the API is a parent: one runs
    if (parentScope === 'api' || parentScope === 'operation') placeProduct();
    const parentDoc = parsed(parentUri);
    if (parentDoc) levels.push({ scope: parentScope, uri: parentUri, doc: parentDoc });
  }
  placeProduct();
  levels.push({ scope, uri, doc, product: scope === 'product' ? chosen?.name : undefined });
  return { levels, products: names, product: chosen?.name };
}

/** The policy APIM runs for a request to `uri`, statement by statement in execution order. */
export function composeEffective(uri: string, ws: WorkspaceIndex, options: ComposeOptions = {}): ComposedPolicy | undefined {
  const chain = effectiveLevels(uri, ws, options);
  if (!chain) return undefined;
  const { levels } = chain;
  const elements: ComposedElement[] = [];
  const cuts: InheritanceCut[] = [];
  for (const section of SECTIONS) {
    // levels.length is at most five: the recursion is that deep and no deeper
    const compose = (i: number): void => {
      if (i < 0) return;
      const level = levels[i];
      const sec = sectionOf(level.doc, section);
      if (!sec) {
        if (i > 0) cuts.push({ section, scope: level.scope, uri: level.uri, missing: true });
        return;
      }
      let based = false;
      for (const child of sec.children) {
        if (child.name === 'base') {
          // APIM refuses a second <base /> in a section; only the first pulls the parent in
          if (!based) compose(i - 1);
          based = true;
          continue;
        }
        if (child.name === 'include-fragment') {
          const pasted = fragmentElements(child, level, section, ws, options);
          if (pasted) {
            elements.push(...pasted);
            continue;
          }
        }
        elements.push({ element: child, section, scope: level.scope, uri: level.uri, doc: level.doc });
      }
      if (!based && i > 0) cuts.push({ section, scope: level.scope, uri: level.uri, missing: false });
    };
    compose(levels.length - 1);
  }
  const target = levels[levels.length - 1];
  return { uri, scope: target.scope, levels, elements, cuts, products: chain.products, product: chain.product };
}

/** The statements of the fragment an `include-fragment` names; undefined when the workspace does not hold it. */
function fragmentElements(include: PolicyElement, level: EffectiveLevel, section: SectionName, ws: WorkspaceIndex, options: ComposeOptions): ComposedElement[] | undefined {
  const id = attr(include, 'fragment-id');
  if (!id || id.startsWith('@')) return undefined;
  const fragment = ws.findFragment(level.uri, id);
  const doc = !fragment ? undefined : options.override?.uri === fragment.uri ? options.override.doc : ws.parsedPolicy(fragment.uri);
  const root = doc?.roots.find(r => r.name === 'fragment');
  if (!fragment || !doc || !root) return undefined;
  // fragments cannot include fragments (APIM refuses it), so one level of pasting is all there is
  return root.children.map(element => ({
    element, section, scope: level.scope, uri: fragment.uri, doc, fragment: { name: fragment.name, includedFrom: level.uri },
  }));
}

// ---- The composed document ----

export interface SourceRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** An element of the rendered document: its place there and in its source file. */
export interface RenderedElement {
  name: string;
  section: SectionName;
  scope: PolicyScope;
  uri: string;
  /** In the source file. */
  range: SourceRange;
  /** In the composed text (the element's text is the source's, character for character). */
  composedRange: SourceRange;
  fragment?: string;
}

export interface RenderedPolicy {
  text: string;
  elements: RenderedElement[];
}

/** Line starts of a text, for offset → position by binary search (a policy has many elements). */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

function positionAt(starts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** A comment's text: `--` may not appear in an XML comment. */
function commentText(s: string): string {
  return s.replace(/-{2,}/g, m => m.split('').join(' ')).replace(/-$/, '- ');
}

/**
 * The composed policy as a policy document: each statement's original text under a comment that
 * says where it comes from, so it reads (and parses) as an apim-policy document.
 * `label(uri)` names a file for people (a path relative to the service folder).
 */
export function renderEffective(composed: ComposedPolicy, label: (uri: string) => string): RenderedPolicy {
  const out: string[] = [];
  let line = 0;
  let column = 0;
  const write = (s: string) => {
    out.push(s);
    const nl = s.lastIndexOf('\n');
    if (nl < 0) column += s.length;
    else {
      for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) line++;
      column = s.length - nl - 1;
    }
  };
  const starts = new Map<string, number[]>();
  const startsOf = (uri: string, text: string) => {
    let s = starts.get(uri);
    if (!s) starts.set(uri, (s = lineStarts(text)));
    return s;
  };
  const elements: RenderedElement[] = [];
  const chainText = composed.levels.map(l => `${l.scope} (${label(l.uri)})`).join(' → ');
  write(`<!-- Effective policy of ${commentText(label(composed.uri))}, composed offline: ${commentText(chainText)}. -->\n`);
  if (composed.products.length > 0) {
    write(`<!-- Product: ${commentText(composed.product ?? '(none)')}${composed.products.length > 1 ? ` (the API is in ${commentText(composed.products.join(', '))})` : ''}. -->\n`);
  }
  write('<policies>\n');
  for (const section of SECTIONS) {
    const inSection = composed.elements.filter(e => e.section === section);
    const cuts = composed.cuts.filter(c => c.section === section);
    if (inSection.length === 0 && cuts.length === 0) {
      write(`\t<${section} />\n`);
      continue;
    }
    write(`\t<${section}>\n`);
    for (const cut of cuts) {
      const why = cut.missing ? `has no <${section}> section` : 'has no <base /> here';
      write(`\t\t<!-- ${commentText(label(cut.uri))} ${why}: the broader levels do not run in ${section}. -->\n`);
    }
    let previous: string | undefined;
    for (const e of inSection) {
      const origin = e.fragment
        ? `fragment ${e.fragment.name} (${label(e.uri)}), included at ${e.scope} (${label(e.fragment.includedFrom)})`
        : `${e.scope} (${label(e.uri)})`;
      if (origin !== previous) write(`\t\t<!-- from: ${commentText(origin)} -->\n`);
      previous = origin;
      write('\t\t');
      const text = e.doc.text.substring(e.element.start, e.element.end);
      const composedStart = { line, character: column };
      write(text);
      const composedEnd = { line, character: column };
      write('\n');
      const s = startsOf(e.uri, e.doc.text);
      elements.push({
        name: e.element.name, section, scope: e.scope, uri: e.uri,
        range: { start: positionAt(s, e.element.start), end: positionAt(s, e.element.end) },
        composedRange: { start: composedStart, end: composedEnd },
        fragment: e.fragment?.name,
      });
    }
    write(`\t</${section}>\n`);
  }
  write('</policies>\n');
  return { text: out.join(''), elements };
}

/** What the facade answers: the composed document, its element map and the chain it followed. */
export interface EffectivePolicy {
  uri: string;
  scope: PolicyScope;
  /** The composed policy document. */
  text: string;
  /** Its statements in execution order, each with its place there and in its source file. */
  elements: RenderedElement[];
  /** The policy files that run, broadest first. */
  levels: { scope: PolicyScope; uri: string; product?: string }[];
  /** The products that hold the API (the APIOps product folders), sorted by name. */
  products: string[];
  /** The product whose policy the composition used. */
  product?: string;
}

/** A file's path relative to the broadest service folder that applies to `uri` (decoded), for people. */
export function serviceRelativeLabel(uri: string, ws: WorkspaceIndex): (fileUri: string) => string {
  const services = ws.servicesOf(uri);
  const root = services[services.length - 1];
  return fileUri => {
    const rel = root !== undefined && fileUri.startsWith(root + '/') ? fileUri.substring(root.length + 1) : fileUri.substring(fileUri.lastIndexOf('/') + 1);
    return rel.split('/').map(s => { try { return decodeURIComponent(s); } catch { return s; } }).join('/');
  };
}

export function effectivePolicy(uri: string, ws: WorkspaceIndex, options: ComposeOptions = {}): EffectivePolicy | undefined {
  const composed = composeEffective(uri, ws, options);
  if (!composed) return undefined;
  const { text, elements } = renderEffective(composed, serviceRelativeLabel(uri, ws));
  return {
    uri, scope: composed.scope, text, elements,
    levels: composed.levels.map(l => ({ scope: l.scope, uri: l.uri, product: l.product })),
    products: composed.products, product: composed.product,
  };
}
