/**
 * Reading typed values out of `apim-flows.json`, with a problem at the exact offset of a value of
 * the wrong kind. Shared by the config parser and the platform modules that read their sections.
 */

import type { ConfigProblem } from './types';
import { isGuid } from './audiences';
import { problemAt, stringList, stringOf, type JsonProperty } from './jsonNodes';

/** Where problems go while reading one config file. */
export interface ConfigReader {
  uri: string;
  problems: ConfigProblem[];
}

export function readString(ctx: ConfigReader, prop: JsonProperty | undefined): string | undefined {
  if (!prop) return undefined;
  const s = stringOf(prop.value);
  if (s === undefined) ctx.problems.push(problemAt(ctx.uri, prop.value, 'error', 'flows-invalid-value', `"${prop.name}" must be a string.`));
  return s;
}

export function readGuid(ctx: ConfigReader, prop: JsonProperty | undefined, what: string): string | undefined {
  const s = readString(ctx, prop);
  if (s === undefined) return undefined;
  if (!isGuid(s)) {
    ctx.problems.push(problemAt(ctx.uri, prop!.value, 'error', 'flows-invalid-guid', `${what} must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx); got ${JSON.stringify(s)}.`));
    return undefined;
  }
  return s;
}

export function guidList(ctx: ConfigReader, prop: JsonProperty | undefined, what: string): string[] {
  if (!prop) return [];
  if (prop.value.type !== 'array') {
    ctx.problems.push(problemAt(ctx.uri, prop.value, 'error', 'flows-invalid-value', `"${prop.name}" must be an array of strings.`));
    return [];
  }
  const list = stringList(prop.value);
  list.items.forEach((item, i) => {
    if (!isGuid(item)) ctx.problems.push(problemAt(ctx.uri, list.nodes[i], 'error', 'flows-invalid-guid', `${what} must be GUIDs; got ${JSON.stringify(item)}.`));
  });
  return list.items;
}
