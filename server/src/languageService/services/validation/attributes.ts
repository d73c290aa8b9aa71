import { type AttributeInfo, type ElementInfo, type ElementRole, type RoleInfo, type ValueType } from '../../catalog';
import { didYouMean } from '../../utils/strings';
import { decodeXml } from '../../utils/xmlEntities';
import { NONE, type PolicyAttribute, type PolicyTree } from '../../parser/policyParser';
import type { Rule, RuleContext } from './types';
import { hasNamedValue } from '../../utils/namedValues';

/** `{tpm}`-style placeholders that templates replace before deploying. */
const PLACEHOLDER = /^\{[A-Za-z_][\w.-]*\}$|^\$\{[^}]+\}$|^__[\w-]+__$|^#\{[^}]+\}#?$|^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;

export function isExpressionValue(attr: PolicyAttribute): boolean {
  return !!attr.expression;
}

/** Checks a literal value against its type. Returns a message, or undefined when fine. */
export function checkLiteral(value: string, type: ValueType): string | undefined {
  const v = value.trim();
  switch (type.kind) {
    case 'enum':
      if (!type.values.some(x => x.toLowerCase() === v.toLowerCase())) return `expected one of ${type.values.map(x => `"${x}"`).join(', ')}`;
      return undefined;
    case 'bool':
    case 'bool-expression':
      if (v.toLowerCase() !== 'true' && v.toLowerCase() !== 'false') {
        return type.kind === 'bool' ? 'expected "true" or "false"' : 'expected a condition: "true", "false" or an expression @(...)';
      }
      return undefined;
    case 'int': {
      if (!/^[+-]?\d+$/.test(v)) return 'expected a whole number';
      const n = Number(v);
      if (type.min !== undefined && n < type.min) return `expected at least ${type.min}`;
      if (type.max !== undefined && n > type.max) return `expected at most ${type.max}`;
      return undefined;
    }
    case 'number': {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) return 'expected a number';
      const n = Number(v);
      if (type.min !== undefined && n < type.min) return `expected at least ${type.min}`;
      if (type.max !== undefined && n > type.max) return `expected at most ${type.max}`;
      return undefined;
    }
    default:
      return undefined;
  }
}

const NO_VARIANTS: ElementInfo[] = [];

function lookupAttribute(attributes: AttributeInfo[], variants: ElementInfo[], name: string): AttributeInfo | undefined {
  for (const a of attributes) if (a.name === name) return a;
  for (const v of variants) for (const a of v.attributes) if (a.name === name) return a;
  return undefined;
}

/** Up to this many attributes, a scan of the list is cheaper than building a set. */
const FEW_ATTRIBUTES = 8;

/**
 * The name ids of an element's attributes, looked up in constant time when there are many: a
 * start tag may hold tens of thousands, and a scan per attribute would be quadratic.
 */
function attributeNames(tree: PolicyTree, row: number): { has(name: string): boolean } {
  const first = tree.firstAttribute(row);
  const end = tree.attributesEnd(row);
  if (end - first > FEW_ATTRIBUTES) {
    const ids = new Set<number>();
    for (let a = first; a < end; a++) ids.add(tree.attributeNameId(a));
    return { has: name => ids.has(tree.nameId(name)) };
  }
  return {
    has(name) {
      const id = tree.nameId(name);
      if (id === NONE) return false;
      for (let a = first; a < end; a++) if (tree.attributeNameId(a) === id) return true;
      return false;
    },
  };
}

/** Where attribute row `a`'s value lies, inside its quotes (its name when it has no value). */
function valueRange(tree: PolicyTree, a: number) {
  const valueStart = tree.attributeValueStart(a);
  const valueEnd = tree.attributeValueEnd(a);
  const start = valueStart !== NONE ? valueStart : tree.attributeNameStart(a);
  const end = valueEnd !== NONE ? valueEnd : tree.attributeNameStart(a) + tree.attributeName(a).length;
  // inside the quotes
  return tree.attributeQuote(a) ? { start: start + 1, end: Math.max(start + 1, end - 1) } : { start, end };
}

function describe(tree: PolicyTree, row: number): string {
  return `<${tree.name(row)}>`;
}

/** What the rule needs of a role, worked out once per role: its attributes by name id. */
interface AttributePlan {
  shape: RoleInfo;
  variants: ElementInfo[];
  required: AttributeInfo[];
  /** The name ids of `required` in the document (NONE for a name it does not have at all). */
  requiredIds: number[];
  /** By name id: the attribute's info, null when the role has none of that name, SKIP for xmlns and xml:*; filled as names come. */
  byName: Array<AttributeInfo | null | typeof SKIP | undefined>;
  /** Verdicts on the short literal values met so far, by attribute. */
  verdicts: Map<AttributeInfo, Map<string, Verdict>>;
  /**
   * By name id: the last short literal value judged, and its verdict. A value is mostly the one
   * the attribute had last time ("override", "10"): compared in the text, it is not cut out of it.
   */
  lastValue: Array<string | undefined>;
  lastVerdict: Verdict[];
}

const SKIP = 0;

function planFor(role: ElementRole, ctx: RuleContext): AttributePlan {
  const shape = ctx.catalog.roleShape(role);
  const required = shape.attributes.filter(a => a.required);
  return {
    shape,
    // Variants (Dapr set-backend-service) add their attributes.
    variants: role.kind === 'policy' ? ctx.catalog.getVariants(role.info.name) : NO_VARIANTS,
    required,
    requiredIds: required.map(a => ctx.tree.nameId(a.name)),
    byName: [],
    verdicts: new Map(),
    lastValue: [],
    lastVerdict: [],
  };
}

function attributeInfo(plan: AttributePlan, tree: PolicyTree, nameId: number): AttributeInfo | null | typeof SKIP {
  let info = plan.byName[nameId];
  if (info === undefined) {
    const name = tree.names[nameId];
    info = name === 'xmlns' || name.startsWith('xmlns:') || name.startsWith('xml:') ? SKIP : lookupAttribute(plan.shape.attributes, plan.variants, name) ?? null;
    plan.byName[nameId] = info;
  }
  return info;
}

/** Required, unknown and ill-typed attributes; expressions where APIM takes none. */
export const attributesRule: Rule = {
  codes: ['missing-required-attribute', 'unknown-attribute', 'invalid-value', 'expression-not-allowed', 'deploy-placeholder'],
  appliesTo: role => role.kind === 'policy' || (role.kind === 'child' && !!role.info),
  checkElement(row, role, ctx) {
    if (role.kind !== 'policy' && role.kind !== 'child') return;
    if (role.kind === 'child' && !role.info) return;
    const tree = ctx.tree;
    const plan = ctx.memo(attributesRule, role, planFor);
    const first = tree.firstAttribute(row);
    const end = tree.attributesEnd(row);
    if (plan.required.length && tree.startTagEnd(row) !== NONE) {
      for (let k = 0; k < plan.required.length; k++) {
        const id = plan.requiredIds[k];
        if (id === NONE || tree.attributeNamed(row, id) === NONE) {
          const info = plan.required[k];
          ctx.report({
            start: tree.start(row) + 1, end: tree.nameEnd(row), severity: 'error', code: 'missing-required-attribute',
            message: `${describe(tree, row)} needs the attribute '${info.name}'.`, data: { missing: info.name },
          });
        }
      }
    }
    let present: { has(name: string): boolean } | undefined;
    let unused: string[] | undefined;
    for (let a = first; a < end; a++) {
      const info = attributeInfo(plan, tree, tree.attributeNameId(a));
      if (info === SKIP) continue;
      if (!info) {
        const name = tree.attributeName(a);
        present ??= attributeNames(tree, row);
        unused ??= [...plan.shape.attributes, ...plan.variants.flatMap(v => v.attributes)].map(x => x.name).filter(n => !present!.has(n));
        const suggestions = didYouMean(name, unused);
        const nameStart = tree.attributeNameStart(a);
        ctx.report({
          // fields, not a spread of a range object: spreading cost microseconds an attribute
          start: nameStart, end: nameStart + name.length, severity: 'warning', code: 'unknown-attribute',
          message: `${describe(tree, row)} has no attribute '${name}'.${suggestions.length ? ` Did you mean '${suggestions[0]}'?` : ''}`,
          data: { suggestions },
        });
        continue;
      }
      checkValue(tree, row, a, info, plan, ctx);
    }
  },
};

/** What a literal value is worth: fine, a deploy-time placeholder, or invalid (with why). */
type Verdict = undefined | { placeholder: string } | { problem: string };

/** The verdict on a literal value (raw, entities not decoded) of an attribute of type `info.value`. */
function judgeLiteral(value: string, info: AttributeInfo): Verdict {
  const raw = decodeXml(value);
  if (hasNamedValue(raw)) return undefined; // resolved at deploy/run time; a named value may hold anything
  if (PLACEHOLDER.test(raw.trim())) return info.value.kind !== 'string' ? { placeholder: raw.trim() } : undefined;
  const problem = checkLiteral(raw, info.value);
  return problem ? { problem } : undefined;
}

/** Values up to this long are judged once per attribute type and document: they repeat ("override", "10"). */
const REMEMBERED_VALUE = 64;

function checkValue(tree: PolicyTree, row: number, a: number, info: AttributeInfo, plan: AttributePlan, ctx: RuleContext): void {
  if (tree.attributeValueStart(a) === NONE) return;
  const expression = tree.hasAttributeExpression(a);
  if (!expression && info.value.kind === 'string') return; // any literal will do
  if (expression) {
    if (!info.expressions) {
      const { start, end } = valueRange(tree, a);
      ctx.report({
        start, end, severity: 'error', code: 'expression-not-allowed',
        message: `'${tree.attributeName(a)}' of ${describe(tree, row)} does not take policy expressions; give a literal value.`,
      });
    }
    return;
  }
  const nameId = tree.attributeNameId(a);
  const last = plan.lastValue[nameId];
  let verdict: Verdict;
  if (last !== undefined && tree.attributeValueIs(a, last)) {
    verdict = plan.lastVerdict[nameId];
  } else {
    const value = tree.attributeValue(a)!;
    if (value.length <= REMEMBERED_VALUE) {
      let judged = plan.verdicts.get(info);
      if (!judged) plan.verdicts.set(info, (judged = new Map()));
      verdict = judged.get(value);
      if (verdict === undefined && !judged.has(value)) judged.set(value, (verdict = judgeLiteral(value, info)));
      plan.lastValue[nameId] = value;
      plan.lastVerdict[nameId] = verdict;
    } else {
      verdict = judgeLiteral(value, info);
    }
  }
  if (!verdict) return;
  const value = tree.attributeValue(a)!;
  const { start, end } = valueRange(tree, a);
  if ('placeholder' in verdict) {
    ctx.report({
      start, end, severity: 'information', code: 'deploy-placeholder',
      message: `'${verdict.placeholder}' looks like a deploy-time placeholder; it must become a valid value before upload.`,
    });
    return;
  }
  const raw = decodeXml(value);
  const values = info.value.kind === 'enum' ? info.value.values : info.value.kind === 'bool' || info.value.kind === 'bool-expression' ? ['true', 'false'] : undefined;
  ctx.report({
    start, end, severity: 'error', code: 'invalid-value',
    message: `Invalid value '${raw}' for '${tree.attributeName(a)}' of ${describe(tree, row)}: ${verdict.problem}.`,
    data: { suggestions: values ? orderBySimilarity(raw, values) : [] },
  });
}

function orderBySimilarity(value: string, values: string[]): string[] {
  const close = didYouMean(value, values, values.length);
  return [...close, ...values.filter(v => !close.includes(v))];
}
