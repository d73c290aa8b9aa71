import { resolveRole, type ElementRole, type Section } from '../../catalog';
import { valueRange, type PolicyElement } from '../../parser/policyParser';
import { decodeXml } from '../../utils/xmlEntities';
import type { Rule, RuleContext } from './types';

/**
 * Names that point into the workspace: `{{named values}}`, `include-fragment fragment-id`,
 * `set-backend-service backend-id`. Unknown names are reported only where the workspace has a
 * source of names of that kind; a fragment whose policies do not fit the section it is
 * included in is an error at the include.
 */
export const referencesRule: Rule = {
  codes: ['unknown-named-value', 'unknown-fragment', 'unknown-backend', 'fragment-policy-not-allowed'],
  appliesTo: (role, name) => role.kind === 'policy' && (name === 'include-fragment' || name === 'set-backend-service'),
  checkDocument(ctx) {
    const ws = ctx.workspace;
    if (!ws) return;
    if (!ws.servicesOf(ctx.uri).some(s => ws.knows(s, 'namedValue'))) return;
    // listed once for the document, not once an unknown reference: there may be thousands
    let known: string[] | undefined;
    for (const ref of ctx.doc.namedValues) {
      if (ws.findNamedValue(ctx.uri, ref.name)) continue;
      // In a Liquid template `{{body.order.id}}` is Liquid's output tag. The named-values page
      // (https://learn.microsoft.com/azure/api-management/api-management-howto-properties) says
      // `{{name}}` is replaced anywhere in a policy and the set-body page
      // (https://learn.microsoft.com/azure/api-management/set-body-policy) uses the same braces
      // for Liquid; neither says which wins. APIM's own SOAP-to-REST import saves templates full
      // of `{{body.…}}`, so a name no named value has is Liquid there, not a failed lookup.
      if (ref.inLiquid) continue;
      known ??= ws.namedValues(ctx.uri).map(n => n.displayName);
      ctx.report({
        start: ref.nameStart, end: ref.nameEnd, severity: 'warning', code: 'unknown-named-value',
        message: `Named value '${ref.name}' is not in this workspace (no "named values/*/namedValueInformation.json" has that display name).`,
        data: { suggestions: closest(ref.name, known) },
      });
    }
  },
  checkElement(row, role, ctx) {
    const ws = ctx.workspace;
    if (!ws || role.kind !== 'policy') return;
    const name = ctx.tree.name(row);
    if (name === 'include-fragment') checkFragment(ctx.tree.element(row), role, ctx);
    else if (name === 'set-backend-service') checkBackend(ctx.tree.element(row), ctx);
  },
};

function literal(el: PolicyElement, name: string): { value: string; start: number; end: number } | undefined {
  const a = el.attributes.find(x => x.name === name);
  const range = a && !a.expression && !/\{\{/.test(a.value ?? '') ? valueRange(a) : undefined;
  if (!a || a.value === undefined || !range) return undefined;
  return { value: decodeXml(a.value).trim(), ...range };
}

function closest(name: string, names: string[]): string[] {
  const lower = name.toLowerCase();
  return names.filter(n => n.toLowerCase().includes(lower) || lower.includes(n.toLowerCase())).slice(0, 3);
}

function checkBackend(el: PolicyElement, ctx: RuleContext): void {
  const ws = ctx.workspace!;
  const id = literal(el, 'backend-id');
  if (!id || id.value === 'dapr') return;
  if (!ws.servicesOf(ctx.uri).some(s => ws.knows(s, 'backend'))) return;
  if (ws.findBackend(ctx.uri, id.value)) return;
  const known = ws.backends(ctx.uri).map(b => b.name);
  if (id.value === '') {
    // an empty id names no folder: say what to put there, not a path with an empty segment
    ctx.report({
      start: id.start, end: id.end, severity: 'warning', code: 'unknown-backend',
      message: `Name a backend in backend-id: it is empty${known.length > 0 ? ` (this workspace has ${known.slice(0, 3).map(n => `'${n}'`).join(', ')}${known.length > 3 ? ', …' : ''})` : ''}.`,
      data: { suggestions: known.slice(0, 3) },
    });
    return;
  }
  ctx.report({
    start: id.start, end: id.end, severity: 'warning', code: 'unknown-backend',
    message: `Backend '${id.value}' is not in this workspace (no "backends/${id.value}/backendInformation.json").`,
    data: { suggestions: closest(id.value, known) },
  });
}

function checkFragment(el: PolicyElement, role: Extract<ElementRole, { kind: 'policy' }>, ctx: RuleContext): void {
  const ws = ctx.workspace!;
  const id = literal(el, 'fragment-id');
  if (!id) return;
  const fragment = ws.findFragment(ctx.uri, id.value);
  if (!fragment) {
    if (!ws.servicesOf(ctx.uri).some(s => ws.knows(s, 'fragment'))) return;
    ctx.report({
      start: id.start, end: id.end, severity: 'warning', code: 'unknown-fragment',
      message: `Fragment '${id.value}' is not in this workspace (no "policy fragments/${id.value}/policy.xml").`,
      data: { suggestions: closest(id.value, ws.fragments(ctx.uri).map(f => f.name)) },
    });
    return;
  }
  const section = role.section;
  if (!section) return;
  const doc = ws.parsedPolicy(fragment.uri);
  const root = doc?.roots[0];
  if (!doc || !root || root.name !== 'fragment') return;
  const rootRole = resolveRole(ctx.catalog, root, undefined);
  for (const child of root.children) {
    const childRole = resolveRole(ctx.catalog, child, rootRole);
    if (childRole.kind !== 'policy') continue;
    const allowed = childRole.info.sections as Section[];
    if (allowed.length && !allowed.includes(section)) {
      ctx.report({
        start: id.start, end: id.end, severity: 'error', code: 'fragment-policy-not-allowed',
        message: `Fragment '${id.value}' holds <${child.name}>, which is not allowed in <${section}> (only in ${allowed.map(s => `<${s}>`).join(', ')}).`,
        related: [{ uri: fragment.uri, start: child.start + 1, end: child.nameEnd, message: `<${child.name}> in fragment '${id.value}'`, text: doc.text }],
      });
    }
  }
}
