/**
 * Typed access to the policy catalog, and the resolution of a tree element to what the catalog
 * says about it (a section, a policy, a policy's own child element, …).
 */
import type { AttributeInfo, CatalogData, ChildElementInfo, ChildInfo, ElementInfo, Section } from './types';
import { catalogData } from './policies.generated';
import type { PolicyElement } from '../parser/policyParser';

export * from './types';

export const SECTIONS: readonly Section[] = ['inbound', 'backend', 'outbound', 'on-error'];
const SECTION_SET = new Set<string>(SECTIONS);
export const RESOLVER_ROOTS = new Set(['http-data-source', 'sql-data-source', 'cosmosdb-data-source']);

export function isSection(name: string): name is Section {
  return SECTION_SET.has(name);
}

/** The `id` attribute every policy accepts. */
const ID_ATTRIBUTE: AttributeInfo = {
  name: 'id', required: false, expressions: false, value: { kind: 'string' },
  description: 'Optional identifier of this policy; reported as context.LastError.PolicyId when it fails.',
};

export interface Catalog {
  readonly data: CatalogData;
  /** The primary entry for an element name (not a variant). */
  getElement(name: string): ElementInfo | undefined;
  /** Variants sharing the element name (for example the Dapr form of set-backend-service). */
  getVariants(name: string): ElementInfo[];
  isPolicy(name: string): boolean;
  /** Policy element names, sorted. */
  policyNames(): readonly string[];
  /** Attributes and children an element in this role accepts (computed once per catalog entry). */
  roleShape(role: ElementRole): RoleInfo;
  /**
   * The sibling (a policy of the same category) whose doc page changed most recently, when this
   * policy's page is more than a year older: the page may predate what its family gained since.
   */
  newerSibling(info: ElementInfo): ElementInfo | undefined;
}

/** How much older than its newest sibling's page a policy's page must be before hover mentions it. */
const STALE_AFTER_DAYS = 365;

export function createCatalog(data: CatalogData = catalogData): Catalog {
  const primary = new Map<string, ElementInfo>();
  const variants = new Map<string, ElementInfo[]>();
  for (const e of data.elements) {
    if (e.variantOf) {
      const list = variants.get(e.variantOf) ?? [];
      list.push(e);
      variants.set(e.variantOf, list);
    } else {
      primary.set(e.name, e);
    }
  }
  const policyNames = [...primary.values()].filter(e => e.kind === 'policy').map(e => e.name).sort();
  const policySet = new Set(policyNames);
  const shapes = new Map<ElementInfo | ChildElementInfo, RoleInfo>();
  const newestByCategory = new Map<string, ElementInfo>();
  for (const e of data.elements) {
    if (e.kind !== 'policy' || !e.category || !e.docDate) continue;
    const best = newestByCategory.get(e.category);
    if (!best || e.docDate > best.docDate!) newestByCategory.set(e.category, e);
  }
  return {
    data,
    getElement: name => primary.get(name),
    getVariants: name => variants.get(name) ?? [],
    isPolicy: name => policySet.has(name),
    policyNames: () => policyNames,
    newerSibling(info) {
      const newest = info.category ? newestByCategory.get(info.category) : undefined;
      if (!newest || newest === info || !info.docDate || !newest.docDate) return undefined;
      // compared with its page after the sibling's change: the page's own date is simply its last edit
      if (info.checked && info.checked.read >= newest.docDate) return undefined;
      const days = (Date.parse(newest.docDate) - Date.parse(info.docDate)) / 86_400_000;
      return days > STALE_AFTER_DAYS ? newest : undefined;
    },
    roleShape(role) {
      const key = role.kind === 'policy' ? role.info : role.kind === 'child' ? role.info : undefined;
      if (!key) return role.kind === 'unknown' || role.kind === 'base' || role.kind === 'content' ? EMPTY_SHAPE : computeShape(role);
      let hit = shapes.get(key);
      if (!hit) {
        hit = computeShape(role);
        shapes.set(key, hit);
      }
      return hit;
    },
  };
}

/** What an element of the tree is, as far as the catalog can tell. */
export type ElementRole =
  | { kind: 'root'; info?: ElementInfo; allowsPolicies: boolean; fragment: boolean }
  | { kind: 'section'; section: Section; info?: ElementInfo }
  | { kind: 'base'; section?: Section }
  /** A policy statement. `section` is undefined inside a fragment. */
  | { kind: 'policy'; info: ElementInfo; section?: Section; owner?: ElementInfo }
  /** An element that belongs to a policy (`when` in `choose`, `value` in `set-header`). */
  | { kind: 'child'; name: string; info?: ChildElementInfo; owner: ElementInfo; section?: Section }
  /**
   * Markup inside a body or template (`set-body`, `value`, an XSLT stylesheet…): content APIM
   * sends or evaluates, not policy elements; `body` names the element whose content it is.
   */
  | { kind: 'content'; body: string; section?: Section }
  /** Not known here; `expected` says what could have stood in its place. */
  | { kind: 'unknown'; section?: Section; inPolicyContext: boolean; parentRole?: ElementRole };

export interface RoleInfo {
  attributes: AttributeInfo[];
  children: ChildInfo[];
  /** True where policy statements may appear as children. */
  allowsPolicies: boolean;
}

const EMPTY_SHAPE: RoleInfo = { attributes: [], children: [], allowsPolicies: false };

function computeShape(role: ElementRole): RoleInfo {
  switch (role.kind) {
    case 'root':
      return { attributes: [], children: role.info?.children ?? [], allowsPolicies: role.allowsPolicies };
    case 'section':
      return { attributes: [], children: role.info?.children ?? [], allowsPolicies: true };
    case 'base':
    case 'content':
      return EMPTY_SHAPE;
    case 'policy': {
      const attrs = role.info.attributes.some(a => a.name === 'id') ? role.info.attributes : [...role.info.attributes, ID_ATTRIBUTE];
      return { attributes: attrs, children: role.info.children, allowsPolicies: role.info.children.some(c => c.name === '*policy*') };
    }
    case 'child':
      return {
        attributes: role.info?.attributes ?? [],
        children: role.info?.children ?? [],
        allowsPolicies: !!role.info?.children.some(c => c.name === '*policy*'),
      };
    case 'unknown':
      return { attributes: [], children: [], allowsPolicies: false };
  }
}

function sectionOf(role: ElementRole): Section | undefined {
  switch (role.kind) {
    case 'section': return role.section;
    case 'policy': case 'child': case 'unknown': case 'base': case 'content': return role.section;
    default: return undefined;
  }
}

/** The role of `el` given its parent's role (undefined for a root element). */
export function resolveRole(catalog: Catalog, el: PolicyElement, parentRole: ElementRole | undefined): ElementRole {
  return resolveRoleOfName(catalog, el.name, parentRole);
}

/** The role of an element named `name` whose parent has `parentRole`: it depends on nothing else. */
export function resolveRoleOfName(catalog: Catalog, name: string, parentRole: ElementRole | undefined): ElementRole {
  if (!parentRole) {
    if (name === 'policies') return { kind: 'root', info: catalog.getElement(name), allowsPolicies: false, fragment: false };
    if (name === 'fragment') return { kind: 'root', info: catalog.getElement(name), allowsPolicies: true, fragment: true };
    if (RESOLVER_ROOTS.has(name)) return { kind: 'root', info: catalog.getElement(name), allowsPolicies: false, fragment: false };
    return { kind: 'unknown', inPolicyContext: false };
  }
  const section = sectionOf(parentRole);
  // Markup in a body is what APIM sends (or a template renders), down to the last descendant.
  if (parentRole.kind === 'content') return parentRole;
  if (parentRole.kind === 'policy' && parentRole.info.body) return { kind: 'content', body: parentRole.info.name, section };
  if (parentRole.kind === 'child' && parentRole.info?.body) return { kind: 'content', body: parentRole.name, section };
  if (parentRole.kind === 'root' && !parentRole.allowsPolicies) {
    if (parentRole.info?.name === 'policies') {
      if (isSection(name)) return { kind: 'section', section: name, info: catalog.getElement(name) };
      return { kind: 'unknown', inPolicyContext: false, parentRole };
    }
  }
  if (parentRole.kind === 'unknown' || parentRole.kind === 'base') {
    return { kind: 'unknown', section, inPolicyContext: false, parentRole };
  }
  const shape = catalog.roleShape(parentRole);
  const owner = parentRole.kind === 'policy' ? parentRole.info : parentRole.kind === 'child' ? parentRole.owner : parentRole.kind === 'root' ? parentRole.info : undefined;
  const listed = shape.children.find(c => c.name === name);
  if (listed && owner && parentRole.kind !== 'section' && !(parentRole.kind === 'root' && parentRole.fragment)) {
    const childInfo = owner.childElements[name];
    if (childInfo) return { kind: 'child', name, info: childInfo, owner, section };
    const policy = catalog.getElement(name);
    if (policy?.kind === 'policy') return { kind: 'policy', info: policy, section, owner };
    return { kind: 'child', name, owner, section };
  }
  if (shape.allowsPolicies) {
    if (name === 'base') return parentRole.kind === 'section' ? { kind: 'base', section } : { kind: 'unknown', section, inPolicyContext: true, parentRole };
    const policy = catalog.getElement(name);
    if (policy?.kind === 'policy') return { kind: 'policy', info: policy, section, owner: parentRole.kind === 'section' || parentRole.kind === 'root' ? undefined : owner };
    if (isSection(name)) return { kind: 'unknown', section, inPolicyContext: true, parentRole };
  }
  // An element of the policy's own vocabulary one level further down than the data says.
  if (owner && owner.childElements[name] && parentRole.kind !== 'section') {
    return { kind: 'child', name, info: owner.childElements[name], owner, section };
  }
  return { kind: 'unknown', section, inPolicyContext: shape.allowsPolicies, parentRole };
}

/**
 * Resolves elements to roles, memoized, walking down from the nearest resolved ancestor without
 * recursion. Create one per parsed document.
 */
export function createRoleResolver(catalog: Catalog): (el: PolicyElement) => ElementRole {
  const cache = new Map<PolicyElement, ElementRole>();
  return (el: PolicyElement) => {
    const hit = cache.get(el);
    if (hit) return hit;
    const chain: PolicyElement[] = [];
    let p: PolicyElement | undefined = el;
    while (p && !cache.has(p)) { chain.push(p); p = p.parent; }
    let parentRole = p ? cache.get(p) : undefined;
    for (let i = chain.length - 1; i >= 0; i--) {
      const role = resolveRole(catalog, chain[i], chain[i].parent ? parentRole : undefined);
      cache.set(chain[i], role);
      parentRole = role;
    }
    return cache.get(el)!;
  };
}

/** Attribute info by name for an element in a role. */
export function findAttribute(catalog: Catalog, role: ElementRole, name: string): AttributeInfo | undefined {
  return catalog.roleShape(role).attributes.find(a => a.name === name);
}
