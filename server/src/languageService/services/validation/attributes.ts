import { type AttributeInfo, type ElementInfo, type ValueType } from '../../catalog';
import { didYouMean } from '../../utils/strings';
import { decodeXml } from '../../utils/xmlEntities';
import type { PolicyAttribute, PolicyElement } from '../../parser/policyParser';
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
 * The names of an element's attributes, looked up in constant time when there are many: a start
 * tag may hold tens of thousands, and a scan per attribute would be quadratic.
 */
function attributeNames(el: PolicyElement): { has(name: string): boolean } {
  const attrs = el.attributes;
  if (attrs.length > FEW_ATTRIBUTES) return new Set(attrs.map(a => a.name));
  return { has: name => attrs.some(a => a.name === name) };
}

function valueRange(attr: PolicyAttribute) {
  const start = attr.valueStart ?? attr.nameStart;
  const end = attr.valueEnd ?? attr.nameEnd;
  // inside the quotes
  return attr.quote ? { start: start + 1, end: Math.max(start + 1, end - 1) } : { start, end };
}

function describe(el: PolicyElement): string {
  return `<${el.name}>`;
}

/** Required, unknown and ill-typed attributes; expressions where APIM takes none. */
export const attributesRule: Rule = {
  codes: ['missing-required-attribute', 'unknown-attribute', 'invalid-value', 'expression-not-allowed', 'deploy-placeholder'],
  checkElement(el, role, ctx) {
    if (role.kind !== 'policy' && role.kind !== 'child') return;
    if (role.kind === 'child' && !role.info) return;
    const shape = ctx.catalog.roleShape(role);
    // Variants (Dapr set-backend-service) add their attributes.
    const variants = role.kind === 'policy' ? ctx.catalog.getVariants(role.info.name) : NO_VARIANTS;
    const present = attributeNames(el);
    let unused: string[] | undefined;
    for (const info of shape.attributes) {
      if (info.required && el.startTagEnd !== undefined && !present.has(info.name)) {
        ctx.report({
          start: el.start + 1, end: el.nameEnd, severity: 'error', code: 'missing-required-attribute',
          message: `${describe(el)} needs the attribute '${info.name}'.`, data: { missing: info.name },
        });
      }
    }
    for (const attr of el.attributes) {
      if (attr.name === 'xmlns' || attr.name.startsWith('xmlns:') || attr.name.startsWith('xml:')) continue;
      const info = lookupAttribute(shape.attributes, variants, attr.name);
      if (!info) {
        unused ??= [...shape.attributes, ...variants.flatMap(v => v.attributes)].map(a => a.name).filter(n => !present.has(n));
        const suggestions = didYouMean(attr.name, unused);
        ctx.report({
          // fields, not a spread of a range object: spreading cost microseconds an attribute
          start: attr.nameStart, end: attr.nameEnd, severity: 'warning', code: 'unknown-attribute',
          message: `${describe(el)} has no attribute '${attr.name}'.${suggestions.length ? ` Did you mean '${suggestions[0]}'?` : ''}`,
          data: { suggestions },
        });
        continue;
      }
      checkValue(el, attr, info, ctx);
    }
  },
};

function checkValue(el: PolicyElement, attr: PolicyAttribute, info: AttributeInfo, ctx: RuleContext): void {
  if (attr.value === undefined) return;
  if (!attr.expression && info.value.kind === 'string') return; // any literal will do
  if (attr.expression) {
    if (!info.expressions) {
      const { start, end } = valueRange(attr);
      ctx.report({
        start, end, severity: 'error', code: 'expression-not-allowed',
        message: `'${attr.name}' of ${describe(el)} does not take policy expressions; give a literal value.`,
      });
    }
    return;
  }
  const raw = decodeXml(attr.value);
  if (hasNamedValue(raw)) return; // resolved at deploy/run time; a named value may hold anything
  if (PLACEHOLDER.test(raw.trim())) {
    if (info.value.kind !== 'string') {
      const { start, end } = valueRange(attr);
      ctx.report({
        start, end, severity: 'information', code: 'deploy-placeholder',
        message: `'${raw.trim()}' looks like a deploy-time placeholder; it must become a valid value before upload.`,
      });
    }
    return;
  }
  const problem = checkLiteral(raw, info.value);
  if (problem) {
    const values = info.value.kind === 'enum' ? info.value.values : info.value.kind === 'bool' || info.value.kind === 'bool-expression' ? ['true', 'false'] : undefined;
    const { start, end } = valueRange(attr);
    ctx.report({
      start, end, severity: 'error', code: 'invalid-value',
      message: `Invalid value '${raw}' for '${attr.name}' of ${describe(el)}: ${problem}.`,
      data: { suggestions: values ? orderBySimilarity(raw, values) : [] },
    });
  }
}

function orderBySimilarity(value: string, values: string[]): string[] {
  const close = didYouMean(value, values, values.length);
  return [...close, ...values.filter(v => !close.includes(v))];
}
