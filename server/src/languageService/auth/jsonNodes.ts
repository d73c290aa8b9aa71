/**
 * Offset-tree JSON helpers shared by the flow config and definition readers (and the platform
 * modules that read their own sections): property lookup, strings and lists, ranges and problems.
 */

import type { Node } from 'jsonc-parser';
import { parseJsonTree } from '../utils/json';
import type { ConfigProblem, SourceRange } from './types';

export interface JsonProperty {
  name: string;
  key: Node;
  value: Node;
}

/** Parses JSONC into an offset tree (depth-bounded, see utils/json); syntax errors become problems with `code`. */
export function parseJsonText(uri: string, text: string, code: string, problems: ConfigProblem[]): Node | undefined {
  const { root, errors } = parseJsonTree(text);
  for (const e of errors) {
    problems.push({ uri, start: e.offset, end: e.offset + e.length, severity: 'error', code, message: `JSON syntax: ${e.message}.` });
  }
  return root;
}

export function properties(obj: Node | undefined): JsonProperty[] {
  const out: JsonProperty[] = [];
  if (!obj || obj.type !== 'object' || !obj.children) return out;
  for (const p of obj.children) {
    const [key, value] = p.children ?? [];
    if (key && value && typeof key.value === 'string') out.push({ name: key.value, key, value });
  }
  return out;
}

/**
 * The property `name` of an object node (exact name first, then case-insensitive when asked).
 * Of duplicate keys the later one wins, as with JSON.parse and jsonc-parser's `getNodeValue`.
 */
export function property(obj: Node | undefined, name: string, ignoreCase = false): JsonProperty | undefined {
  const all = properties(obj);
  const exact = lastOf(all, p => p.name === name);
  if (exact || !ignoreCase) return exact;
  const lower = name.toLowerCase();
  return lastOf(all, p => p.name.toLowerCase() === lower);
}

function lastOf<T>(items: T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return items[i];
  return undefined;
}

export function valueOf(obj: Node | undefined, name: string, ignoreCase = false): Node | undefined {
  return property(obj, name, ignoreCase)?.value;
}

export function stringOf(node: Node | undefined): string | undefined {
  return node && node.type === 'string' ? (node.value as string) : undefined;
}

export function isObject(node: Node | undefined): node is Node {
  return node !== undefined && node.type === 'object';
}

export function rangeOf(uri: string, node: Node): SourceRange {
  return { uri, start: node.offset, end: node.offset + node.length };
}

export function problemAt(uri: string, node: Node, severity: ConfigProblem['severity'], code: string, message: string): ConfigProblem {
  return { uri, start: node.offset, end: node.offset + node.length, severity, code, message };
}

/** Strings of an array node; a single string is split on `separator` when one is given. */
export function stringList(node: Node | undefined, separator?: string): { items: string[]; nodes: Node[] } {
  if (!node) return { items: [], nodes: [] };
  if (node.type === 'string' && separator !== undefined) {
    const items = String(node.value).split(separator).map(s => s.trim()).filter(s => s.length > 0);
    return { items, nodes: items.map(() => node) };
  }
  if (node.type !== 'array' || !node.children) return { items: [], nodes: [] };
  const items: string[] = [];
  const nodes: Node[] = [];
  for (const c of node.children) {
    if (c.type === 'string' && String(c.value).trim().length > 0) {
      items.push(String(c.value).trim());
      nodes.push(c);
    }
  }
  return { items, nodes };
}

// ---------------------------------------------------------------------------------------------
// ARM template expressions

/** `[parameters('x')]`, `[concat(…)]`: evaluated at deployment, not comparable here. `[[` escapes a literal `[`. */
export function isArmExpression(value: string): boolean {
  const v = value.trim();
  return v.startsWith('[') && !v.startsWith('[[') && v.endsWith(']');
}

/** The literal an ARM string stands for: `[[x]` is the text `[x]`. */
export function armLiteral(value: string): string {
  return value.startsWith('[[') ? value.slice(1) : value;
}
