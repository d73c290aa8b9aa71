/**
 * Policies embedded in infrastructure-as-code files (Bicep, ARM JSON templates, Terraform): the
 * shared shapes. Each reader finds the APIM policy resources of its format and gives their value as
 * text with a map back to the host file, a file the resource loads, or "computed at deploy time".
 */
import type { Node as JsonNode } from 'jsonc-parser';
import type { PolicyScope } from '../apiopsLayout';

export type HostKind = 'bicep' | 'arm' | 'terraform';

/**
 * Text assembled from pieces of a host file. `starts[i]`/`ends[i]` are the host offsets of the
 * source of text char i (an escape like `\"` is several host chars for one text char); `holes`
 * are text ranges computed at deploy time, filled with same-length placeholder text.
 */
export interface MappedText {
  text: string;
  starts: number[];
  ends: number[];
  holes: Array<{ start: number; end: number }>;
}

/** Collects a MappedText char by char; a hole is filled with `x` so XML structure is untouched. */
export interface MappedTextBuilder {
  char(ch: string, hostStart: number, hostEnd: number): void;
  hole(hostStart: number, hostEnd: number): void;
  append(other: MappedText): void;
  done(): MappedText;
}

export function mappedTextBuilder(): MappedTextBuilder {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const holes: MappedText['holes'] = [];
  return {
    char(ch, hostStart, hostEnd) {
      chars.push(ch);
      starts.push(hostStart);
      ends.push(hostEnd);
    },
    hole(hostStart, hostEnd) {
      const start = chars.length;
      const length = Math.max(1, hostEnd - hostStart);
      for (let i = 0; i < length; i++) {
        chars.push('x');
        starts.push(Math.min(hostStart + i, hostEnd));
        ends.push(Math.min(hostStart + i + 1, hostEnd));
      }
      holes.push({ start, end: chars.length });
    },
    append(other) {
      const base = chars.length;
      for (let i = 0; i < other.text.length; i++) {
        chars.push(other.text[i]);
        starts.push(other.starts[i]);
        ends.push(other.ends[i]);
      }
      for (const h of other.holes) holes.push({ start: h.start + base, end: h.end + base });
    },
    done: () => ({ text: chars.join(''), starts, ends, holes }),
  };
}

/** A host text range taken as it is (no escapes), e.g. a Bicep `'''` string or a heredoc line. */
export function verbatim(host: string, start: number, end: number): MappedText {
  // built at once, not char by char through the builder: a 200 KB ''' value took 400 ms that way
  const n = Math.max(0, end - start);
  const starts = new Array<number>(n);
  const ends = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    starts[i] = start + i;
    ends[i] = start + i + 1;
  }
  return { text: host.substring(start, start + n), starts, ends, holes: [] };
}

/**
 * Maps text chars through another map: `inner` was read from `outer.text` (an ARM expression's
 * string literal inside a JSON string), so its offsets are positions in `outer.text`.
 */
export function compose(inner: MappedText, outer: MappedText): MappedText {
  const at = (i: number) => Math.max(0, Math.min(i, outer.text.length - 1));
  return {
    text: inner.text,
    starts: inner.starts.map(s => outer.starts[at(s)] ?? 0),
    ends: inner.ends.map(e => (e > 0 ? outer.ends[at(e - 1)] : outer.starts[0]) ?? 0),
    holes: inner.holes,
  };
}

/**
 * What a policy resource's value is: checked text (literal, or literal parts with holes), a file
 * it loads (`loadTextContent`, `file`, `templatefile`: the path as written, relative to the host
 * file's folder), or nothing readable before deployment.
 */
export type PolicyValue =
  | { kind: 'text'; text: MappedText }
  | { kind: 'file'; path: string; template: boolean; start: number; end: number }
  | { kind: 'computed' };

/**
 * `format` as written: Bicep/ARM `xml`, `rawxml`, `xml-link`, `rawxml-link` (lower-cased); for the
 * azurerm policy resources the attribute used: `xml_content` (sent as rawxml) or `xml_link`.
 * Undefined when not written (the service default is xml).
 */
export type PolicyFormat = 'xml' | 'rawxml' | 'xml-link' | 'rawxml-link' | 'xml_content' | 'xml_link';

export interface EmbeddedPolicy {
  /** Symbolic name (Bicep, Terraform `type.name`) or the `name` expression (ARM) of the resource. */
  resource: string;
  /** Resource type as resolved (parent types joined for nested resources). */
  type: string;
  /** Undefined for a policy value whose resource is not known (a module parameter). */
  scope: PolicyScope | undefined;
  format: PolicyFormat | string | undefined;
  /** Host range of the resource declaration's head, where related information points. */
  resourceStart: number;
  resourceEnd: number;
  /** Host range of the value as written. */
  valueStart: number;
  valueEnd: number;
  value: PolicyValue;
  /** The resource's name (after the last `/`) when it is a literal: a fragment's id. */
  name?: string;
}

/**
 * A named value an IaC file defines (`Microsoft.ApiManagement/service/namedValues`,
 * `azurerm_api_management_named_value`, an APIM module's `namedValues` parameter). A field written
 * as an expression is undefined: a display name that is one means any `{{name}}` may be defined.
 */
export interface IacNamedValue {
  name: string | undefined;
  displayName: string | undefined;
  value: string | undefined;
  secret: boolean;
  /** The Key Vault secret as written (an identifier, or the expression that makes one). */
  keyVaultSecret: string | undefined;
  /** Host range of the display name as written, or of the resource's head. */
  start: number;
  end: number;
  /** The Logic App (its `IacLogicApp.key`) whose callback URL the value is computed from. */
  workflow?: string;
}

/**
 * A backend an IaC file defines (`Microsoft.ApiManagement/service/backends`,
 * `azurerm_api_management_backend`, azapi_resource of that type).
 */
export interface IacBackend {
  /** Undefined when the name is computed at deploy time: then any backend-id may be this one. */
  name: string | undefined;
  /** The URL when it is a literal. */
  url: string | undefined;
  description: string | undefined;
  /** Host range of the URL as written, or of the resource's head. */
  start: number;
  end: number;
  /**
   * The Logic App of the same file (its `IacLogicApp.key`) the URL is computed from: a
   * `listCallbackUrl(…)` of it or of its trigger, its resource id or its name.
   */
  workflow?: string;
}

/**
 * A Logic App (Consumption) an IaC file defines: `Microsoft.Logic/workflows`,
 * `azurerm_logic_app_workflow`, azapi_resource of that type.
 */
export interface IacLogicApp {
  /** What references to it are matched against: the symbolic name, Terraform address or ARM name as written. */
  key: string;
  /** The workflow's name when it is a literal. */
  name: string | undefined;
  /** Host range of the resource's head. */
  start: number;
  end: number;
  /**
   * The resource in the JSON shape a workflow resource has (`{ type, properties: { definition,
   * accessControl } }`), offsets in the host file: what auth/definitions.ts reads.
   */
  resource: JsonNode;
}

/** What a reader finds in one IaC file. */
export interface IacFileModel {
  policies: EmbeddedPolicy[];
  namedValues: IacNamedValue[];
  backends: IacBackend[];
  logicApps: IacLogicApp[];
}

/** The text of a value known before deployment: a literal without holes. */
export function plainText(value: PolicyValue): string | undefined {
  return value.kind === 'text' && value.text.holes.length === 0 ? value.text.text : undefined;
}

/** The resource name after the last `/` (`'${apim.name}/my-value'`), if no hole falls there. */
export function lastSegment(value: PolicyValue): string | undefined {
  if (value.kind !== 'text') return undefined;
  const { text, holes } = value.text;
  const from = text.lastIndexOf('/') + 1;
  return from < text.length && !holes.some(h => h.end > from) ? text.substring(from) : undefined;
}

/** `Microsoft.ApiManagement/service/namedValues` (also in a workspace), any API version and case. */
export function isNamedValueType(type: string): boolean {
  return /^microsoft\.apimanagement\/service\/(?:workspaces\/)?namedvalues(?:@|$)/i.test(type);
}

export function isLinkFormat(format: string | undefined): boolean {
  return format === 'xml-link' || format === 'rawxml-link' || format === 'xml_link';
}

/**
 * The scope of an APIM resource type (`Microsoft.ApiManagement/service/apis/policies@2023-05-01`),
 * any API version and case; undefined for types that are not policies we check (GraphQL resolver
 * policies have their own schema).
 */
export function scopeOfResourceType(type: string): PolicyScope | undefined {
  let t = type.toLowerCase();
  const at = t.indexOf('@');
  if (at >= 0) t = t.substring(0, at);
  const prefix = 'microsoft.apimanagement/service/';
  if (!t.startsWith(prefix)) return undefined;
  t = t.substring(prefix.length);
  let inWorkspace = false;
  if (t.startsWith('workspaces/')) {
    inWorkspace = true;
    t = t.substring('workspaces/'.length);
  }
  switch (t) {
    case 'policies': return inWorkspace ? 'workspace' : 'global';
    case 'products/policies': return 'product';
    case 'apis/policies': return 'api';
    case 'apis/operations/policies': return 'operation';
    case 'policyfragments': return 'fragment';
    default: return undefined;
  }
}

/** Joins a nested resource's relative type (`policies`, `policies@2022-08-01`) to its parent's. */
export function childResourceType(parentType: string | undefined, type: string): string {
  if (!parentType || type.split('@')[0].includes('/')) return type;
  const parent = parentType.split('@')[0];
  const [rel, version] = type.split('@');
  return `${parent}/${rel}${version ? '@' + version : parentType.includes('@') ? '@' + parentType.split('@')[1] : ''}`;
}

/** `Microsoft.ApiManagement/service/backends` (also in a workspace), any API version and case. */
export function isBackendType(type: string): boolean {
  return /^microsoft\.apimanagement\/service\/(?:workspaces\/)?backends(?:@|$)/i.test(type);
}

/** `Microsoft.Logic/workflows`, any API version and case. */
export function isWorkflowType(type: string): boolean {
  return /^microsoft\.logic\/workflows(?:@|$)/i.test(type);
}

/** `Microsoft.Logic/workflows/triggers`, any API version and case. */
export function isWorkflowTriggerType(type: string): boolean {
  return /^microsoft\.logic\/workflows\/triggers(?:@|$)/i.test(type);
}

/** Bounds every reader: recursion depth of nested values, and how far a name is followed. */
export const MAX_NESTING = 200;
export const MAX_RESOLVE_DEPTH = 16;
