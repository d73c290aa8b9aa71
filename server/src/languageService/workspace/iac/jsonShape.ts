/**
 * Bicep and Terraform values given the shape of JSON (jsonc-parser's offset tree), so the flow
 * readers of auth/ (definitions.ts, the Logic Apps access control) read a workflow resource
 * defined there as they read an ARM template: offsets stay those of the host file. A value that
 * is computed at deploy time becomes an ARM-expression string (`[…]`), which those readers keep as
 * written and never compare.
 */
import type { Node as JsonNode } from 'jsonc-parser';

export function jsonString(value: string, s: number, e: number): JsonNode {
  return { type: 'string', value, offset: s, length: e - s };
}

/** A deploy-time value: `[` + its source + `]`, an ARM expression to the readers. */
export function jsonExpression(source: string, s: number, e: number): JsonNode {
  return jsonString(`[${source.replace(/^\[+/, '')}]`, s, e);
}

export function jsonLiteral(value: boolean | number | null, s: number, e: number): JsonNode {
  return { type: value === null ? 'null' : typeof value === 'boolean' ? 'boolean' : 'number', value, offset: s, length: e - s };
}

export function jsonObject(props: ReadonlyArray<{ key: string; value: JsonNode; s?: number; e?: number }>, s: number, e: number): JsonNode {
  const node: JsonNode = { type: 'object', offset: s, length: e - s, children: [] };
  for (const p of props) {
    const ks = p.s ?? p.value.offset;
    const ke = p.e ?? p.value.offset + p.value.length;
    const key = jsonString(p.key, ks, ke);
    node.children!.push({ type: 'property', offset: ks, length: Math.max(ke, p.value.offset + p.value.length) - ks, children: [key, p.value] });
  }
  return node;
}

export function jsonArray(items: JsonNode[], s: number, e: number): JsonNode {
  return { type: 'array', offset: s, length: e - s, children: items };
}

/** Identifiers (`[A-Za-z_]\w*`, dotted when `dotted`) in a host range: a linear scan. */
export function identifiersIn(text: string, dotted = false): string[] {
  const re = dotted ? /[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*/g : /[A-Za-z_]\w*/g;
  return text.match(re) ?? [];
}

/** True when a value calls a workflow trigger's callback URL or names a workflow resource id. */
export function mentionsWorkflow(text: string): boolean {
  return /listcallbackurl|microsoft\.logic\/workflows/i.test(text);
}
