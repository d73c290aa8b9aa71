import { SECTIONS, RESOLVER_ROOTS, isSection } from '../../catalog';
import { didYouMean } from '../../utils/strings';
import { elementsOf, NONE, type PolicyElement, type PolicyTree } from '../../parser/policyParser';
import type { Rule, RuleContext } from './types';

function nameRange(el: PolicyElement): { start: number; end: number } {
  return { start: el.start + 1, end: el.nameEnd };
}

/** The name of row `i` in its start tag. */
function rowNameRange(tree: PolicyTree, i: number): { start: number; end: number } {
  return { start: tree.start(i) + 1, end: tree.nameEnd(i) };
}

/** The document's root: `<policies>`, `<fragment>` or a GraphQL resolver's data source. */
export const rootRule: Rule = {
  codes: ['root-element', 'xml-multiple-roots', 'fragment-scope'],
  checkDocument(ctx) {
    const roots = ctx.doc.roots;
    if (roots.length === 0) {
      if (ctx.doc.text.trim().length > 0 || ctx.location) {
        ctx.report({ start: 0, end: Math.min(ctx.doc.text.length, 1), severity: 'error', code: 'root-element', message: 'A policy document needs a root element: <policies> (or <fragment> for a policy fragment).' });
      }
      return;
    }
    for (const extra of roots.slice(1)) {
      ctx.report({ ...nameRange(extra), severity: 'error', code: 'xml-multiple-roots', message: `Only one root element is allowed; <${extra.name}> follows <${roots[0].name}>.` });
    }
    const root = roots[0];
    const expected = ctx.location?.scope === 'fragment' ? 'fragment' : ctx.location ? 'policies' : undefined;
    if (root.name !== 'policies' && root.name !== 'fragment' && !RESOLVER_ROOTS.has(root.name)) {
      const suggestions = didYouMean(root.name, ['policies', 'fragment']);
      ctx.report({
        ...nameRange(root), severity: 'error', code: 'root-element',
        message: `The root element must be <${expected ?? 'policies'}>${expected ? '' : ' (or <fragment> for a policy fragment)'}, not <${root.name}>.`,
        data: { suggestions: suggestions.length ? suggestions : [expected ?? 'policies'] },
      });
    } else if (expected && root.name !== expected && !RESOLVER_ROOTS.has(root.name)) {
      ctx.report({
        ...nameRange(root), severity: 'error', code: 'fragment-scope',
        message: expected === 'fragment'
          ? 'A file under "policy fragments/" holds a fragment: its root element must be <fragment>.'
          : `A ${ctx.location?.scope}-scope policy.xml must have <policies> as its root; <fragment> belongs under "policy fragments/".`,
        data: { suggestions: [expected] },
      });
    }
  },
};

/** Sections of `<policies>`: known, in order, at most once each. */
export const sectionsRule: Rule = {
  codes: ['section-duplicate', 'section-order', 'section-in-fragment'],
  appliesTo: (role, name) => (role.kind === 'root' && name === 'policies') || (role.kind === 'unknown' && isSection(name)),
  checkElement(row, role, ctx) {
    const name = ctx.tree.name(row);
    if (role.kind === 'root' && name === 'policies') {
      const el = ctx.tree.element(row);
      let last = -1;
      const seen = new Set<string>();
      for (const child of el.children) {
        const idx = SECTIONS.indexOf(child.name as never);
        if (idx < 0) continue;
        if (seen.has(child.name)) {
          ctx.report({ ...nameRange(child), severity: 'error', code: 'section-duplicate', message: `<${child.name}> appears more than once; each section may appear once.` });
        } else if (idx < last) {
          // Advice only: each section is a stage of the pipeline named by its element, and
          // Microsoft's own published snippets put <outbound> after <on-error> and deploy.
          ctx.report({ ...nameRange(child), severity: 'information', code: 'section-order', message: `<${child.name}> usually comes before <${SECTIONS[last]}> (inbound, backend, outbound, on-error); the order does not change when a section runs.` });
        }
        seen.add(child.name);
        last = Math.max(last, idx);
      }
    }
    if (role.kind === 'unknown' && isSection(name) && role.parentRole?.kind === 'root' && role.parentRole.fragment) {
      ctx.report({ ...rowNameRange(ctx.tree, row), severity: 'error', code: 'section-in-fragment', message: `A fragment holds policy statements only; <${name}> is not allowed in <fragment>.` });
    }
  },
};

/** Elements the catalog does not know where it knows what may stand. */
export const unknownElementRule: Rule = {
  codes: ['unknown-element', 'unknown-child-element', 'element-not-allowed'],
  appliesTo: (role, name) => role.kind === 'unknown' && !!role.parentRole && name !== 'base',
  checkElement(row, role, ctx) {
    if (role.kind !== 'unknown' || ctx.tree.parent(row) === NONE || ctx.tree.name(row) === 'base') return;
    const parentRole = role.parentRole;
    if (!parentRole) return;
    const el = ctx.tree.element(row);
    if (!el.parent) return;
    if (isSection(el.name) && parentRole.kind === 'root' && parentRole.fragment) return; // sectionsRule
    if (parentRole.kind === 'root' && parentRole.info?.name === 'policies') {
      const isPolicy = ctx.catalog.isPolicy(el.name) || el.name === 'base';
      ctx.report({
        ...nameRange(el), severity: 'error', code: isPolicy ? 'element-not-allowed' : 'unknown-element',
        message: isPolicy
          ? `<${el.name}> must be inside a section (<inbound>, <backend>, <outbound> or <on-error>), not directly in <policies>.`
          : `Unknown element <${el.name}>: <policies> holds <inbound>, <backend>, <outbound> and <on-error>.`,
        data: { suggestions: didYouMean(el.name, SECTIONS) },
      });
      return;
    }
    const shape = ctx.catalog.roleShape(parentRole);
    const listed = shape.children.filter(c => c.name !== '*policy*').map(c => c.name);
    if (role.inPolicyContext) {
      if (isSection(el.name)) {
        ctx.report({ ...nameRange(el), severity: 'error', code: 'element-not-allowed', message: `<${el.name}> is a section; it cannot be nested inside <${el.parent.name}>.` });
        return;
      }
      const candidates = [...ctx.catalog.policyNames(), ...listed];
      const suggestions = didYouMean(el.name, candidates);
      ctx.report({
        ...nameRange(el), severity: 'error', code: 'unknown-element',
        message: `Unknown policy <${el.name}>.${suggestions.length ? ` Did you mean ${suggestions.map(s => `<${s}>`).join(' or ')}?` : ''}`,
        data: { suggestions },
      });
      return;
    }
    if (parentRole.kind === 'policy' || parentRole.kind === 'child') {
      const known = parentRole.kind === 'policy' || !!parentRole.info;
      // Only speak where the catalog describes the parent's children.
      if (!known || (listed.length === 0 && parentRole.kind === 'child')) return;
      const owner = parentRole.kind === 'policy' ? parentRole.info.name : parentRole.name;
      const suggestions = didYouMean(el.name, listed);
      const isPolicy = ctx.catalog.isPolicy(el.name);
      ctx.report({
        ...nameRange(el), severity: 'warning', code: 'unknown-child-element',
        message: listed.length
          ? `<${owner}> does not take <${el.name}>${isPolicy ? ' (policies cannot be nested here)' : ''}; it takes ${listed.map(n => `<${n}>`).join(', ')}.${suggestions.length ? ` Did you mean <${suggestions[0]}>?` : ''}`
          : `<${owner}> takes no child elements${isPolicy ? '; policies cannot be nested here' : ''}.`,
        data: { suggestions },
      });
    }
  },
};

/**
 * Placements the docs do not list but that deployed policies use, so APIM accepts them on save.
 * They are reported as advice, with what makes them useful (or not) there.
 */
const SEEN_OUTSIDE_DOCS: Record<string, { sections: string[]; usefulWith?: string; why: string }> = {
  'authentication-managed-identity': {
    sections: ['outbound'],
    usefulWith: 'output-token-variable-name',
    why: 'In <outbound> the request has already gone to the backend: only the token put in output-token-variable-name (for a send-request) is of use.',
  },
};

/** Policies in sections (and scopes) where APIM does not allow them. */
export const placementRule: Rule = {
  codes: ['policy-not-allowed-in-section', 'policy-not-allowed-in-scope', 'forward-request-outside-backend', 'policy-section-undocumented'],
  appliesTo: role => role.kind === 'policy' && !role.owner,
  checkElement(row, role, ctx) {
    if (role.kind !== 'policy' || role.owner) return;
    const info = role.info;
    const tree = ctx.tree;
    const section = role.section;
    if (section && info.sections.length && !info.sections.includes(section)) {
      const allowed = info.sections.map(s => `<${s}>`).join(', ');
      const seen = SEEN_OUTSIDE_DOCS[info.name];
      if (seen?.sections.includes(section)) {
        const useful = !!seen.usefulWith && tree.attributeNamed(row, tree.nameId(seen.usefulWith)) !== NONE;
        ctx.report({
          ...rowNameRange(tree, row), severity: useful ? 'information' : 'warning', code: 'policy-section-undocumented',
          message: `The docs list <${info.name}> for ${allowed} only, though APIM accepts it in <${section}>. ${seen.why}`,
          data: { suggestions: info.sections.slice() },
        });
      } else {
        ctx.report({
          ...rowNameRange(tree, row), severity: 'error',
          code: info.name === 'forward-request' ? 'forward-request-outside-backend' : 'policy-not-allowed-in-section',
          message: `<${info.name}> is not allowed in <${section}>; it belongs in ${allowed}.`,
          data: { suggestions: info.sections.slice() },
        });
      }
    }
    const scope = ctx.location?.scope;
    if (scope && scope !== 'fragment' && scope !== 'workspace' && info.scopes.length && !info.scopes.includes(scope)) {
      ctx.report({
        ...rowNameRange(tree, row), severity: 'error', code: 'policy-not-allowed-in-scope',
        message: `<${info.name}> is not allowed at ${scope} scope (APIM: "Policy is not allowed in the specified scope"); allowed: ${info.scopes.filter(s => s !== 'graphql-resolver').join(', ')}.`,
      });
    }
  },
};

/** Required children (`choose` needs a `<when>`). */
export const requiredChildRule: Rule = {
  codes: ['missing-required-child'],
  appliesTo: role => role.kind === 'policy' || role.kind === 'child',
  checkElement(row, role, ctx) {
    if (role.kind !== 'policy' && role.kind !== 'child') return;
    const shape = ctx.catalog.roleShape(role);
    const tree = ctx.tree;
    for (const child of shape.children) {
      if (!child.required || child.name === '*policy*') continue;
      const id = tree.nameId(child.name);
      if (id === NONE || tree.childNamed(row, id) === NONE) {
        const el = tree.element(row);
        if (hasPlaceholderText(el, ctx.doc.text)) continue;
        // deleting a header or query parameter needs no value
        if (child.name === 'value' && el.attributes.some(a => a.name === 'exists-action' && a.value?.trim().toLowerCase() === 'delete')) continue;
        const owner = role.kind === 'policy' ? role.info.name : role.name;
        ctx.report({
          ...nameRange(el), severity: 'error', code: 'missing-required-child',
          message: `<${owner}> needs a <${child.name}> element.`, data: { missing: child.name },
        });
      }
    }
  },
};

/** Text such as `{product-token-limits}` that a template replaces with elements before deploying. */
function hasPlaceholderText(el: PolicyElement, text: string): boolean {
  return el.texts.some(t => /\{[A-Za-z_][\w.-]*\}/.test(text.substring(t.start, t.end)));
}

/** `<base />`: only in sections, once, not in fragments; missing at a scope with a parent. */
export const baseRule: Rule = {
  codes: ['base-in-fragment', 'base-misplaced', 'base-duplicate', 'base-has-content', 'missing-base'],
  appliesTo: (role, name) => name === 'base' || role.kind === 'section' || role.kind === 'base',
  checkElement(row, role, ctx) {
    const tree = ctx.tree;
    // A <base> inside a body (an HTML page in return-response) is the body's own markup.
    if (role.kind !== 'base' && role.kind !== 'content' && tree.name(row) === 'base') {
      const el = tree.element(row);
      let p = el.parent;
      while (p?.parent) p = p.parent;
      const inFragment = p?.name === 'fragment';
      const topLevel = !el.parent || !el.parent.parent;
      ctx.report({
        ...nameRange(el), severity: inFragment || topLevel ? 'error' : 'warning', code: inFragment ? 'base-in-fragment' : 'base-misplaced',
        message: inFragment
          ? '<base /> is not allowed in a fragment: the fragment is inserted as is where it is included.'
          : `<base /> belongs directly inside a section (<inbound>, <backend>, <outbound>, <on-error>)${el.parent ? `, not in <${el.parent.name}>` : ''}.`,
      });
      return;
    }
    if (role.kind === 'base') {
      if (tree.firstChild(row) !== NONE || tree.firstAttribute(row) < tree.attributesEnd(row)) {
        ctx.report({ ...rowNameRange(tree, row), severity: 'error', code: 'base-has-content', message: '<base /> takes no attributes and no content.' });
      }
      return;
    }
    if (role.kind !== 'section') return;
    // a section may hold thousands of statements: read by row
    const baseId = tree.nameId('base');
    let bases = 0;
    for (let c = baseId === NONE ? NONE : tree.firstChild(row); c !== NONE; c = tree.nextSibling(c)) {
      if (tree.nameIdOf(c) !== baseId || bases++ === 0) continue;
      ctx.report({ ...rowNameRange(tree, c), severity: 'warning', code: 'base-duplicate', message: `<base /> appears more than once in <${tree.name(row)}>: the parent's policies would run twice.` });
    }
    if (bases === 0) reportMissingBase(tree.element(row), ctx);
  },
};

function reportMissingBase(section: PolicyElement, ctx: RuleContext): void {
  const setting = ctx.settings.missingBase;
  const scope = ctx.location?.scope;
  if (setting === 'off' || !scope || scope === 'global' || scope === 'fragment') return;
  // A backend that forwards by itself has deliberately replaced the inherited forward-request.
  if (section.name === 'backend' && containsElement(section, 'forward-request')) return;
  // An empty section is a visible choice; say so, but quietly.
  const level = section.children.length === 0 ? 'information' : setting;
  const extra = section.name === 'backend' ? ' Without it the inherited <forward-request /> is dropped too, unless this section forwards itself.' : '';
  ctx.report({
    start: section.start + 1, end: section.nameEnd, severity: level, code: 'missing-base',
    message: `<${section.name}> has no <base />: the ${scope === 'product' ? 'global' : 'parent scopes\''} policies for this section will not run.${extra}`,
  });
}

function containsElement(root: PolicyElement, name: string): boolean {
  for (const el of elementsOf(root.children)) if (el.name === name) return true;
  return false;
}
