/**
 * Shape of the policy catalog. The data lives in `data/policies.json` (validated by
 * `data/policies.schema.json`); `scripts/generate-catalog.js` turns it into `policies.generated.ts`.
 */

export type Section = 'inbound' | 'backend' | 'outbound' | 'on-error';
export type Scope = 'global' | 'workspace' | 'product' | 'api' | 'operation' | 'graphql-resolver';
export type Gateway = 'classic' | 'v2' | 'consumption' | 'self-hosted' | 'workspace';

/** How a literal value of an attribute is checked. Expressions and named values bypass it where allowed. */
export type ValueType =
  | { kind: 'string' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'bool' }
  /** A condition: `true`/`false` or an expression. */
  | { kind: 'bool-expression' }
  | { kind: 'int'; min?: number; max?: number; unit?: 'seconds' | 'milliseconds' | 'bytes' | 'kilobytes' | 'calls' }
  | { kind: 'number'; min?: number; max?: number };

export interface AttributeInfo {
  name: string;
  /** Plain-words meaning, written for this project. */
  description?: string;
  required: boolean;
  /** False where the policy's page forbids expressions in this attribute. */
  expressions: boolean;
  /** False where the doc page says nothing and `expressions` comes from the general rule. */
  expressionsStated?: boolean;
  default?: string;
  value: ValueType;
}

export interface ChildInfo {
  /** Element name, or `*policy*` for "any policy valid in the enclosing section". */
  name: string;
  required: boolean;
  multiple: boolean;
  description?: string;
}

export interface ChildElementInfo {
  description?: string;
  attributes: AttributeInfo[];
  children: ChildInfo[];
  /** What text the element holds, when it holds text. */
  content?: string;
  /** The content is a message body or template: markup in it is content, not policy elements. */
  body?: boolean;
}

export interface CheckedAgainst {
  /** The page's source that was read: a version of the Markdown in MicrosoftDocs/azure-docs, or the Learn page. */
  source: string;
  /** The day it was read (YYYY-MM-DD). */
  read: string;
  /** Where the entry deliberately differs from that page, and why. */
  note?: string;
}

export interface ElementInfo {
  name: string;
  kind: 'policy' | 'structural';
  /** A variant sharing an element name with another entry (for example the Dapr form of set-backend-service). */
  variantOf?: string;
  variant?: string;
  category?: string;
  summary: string;
  sections: Section[];
  scopes: Scope[];
  gateways: Gateway[];
  attributes: AttributeInfo[];
  children: ChildInfo[];
  /** Elements that only exist inside this policy, by name (unique within the policy). */
  childElements: Record<string, ChildElementInfo>;
  content?: string;
  /** The content is a message body or template (`set-body`): markup in it is content, not policy elements. */
  body?: boolean;
  doc: string;
  docDate?: string;
  /** The page this entry was last compared with, attribute by attribute (its date is `docDate`). */
  checked?: CheckedAgainst;
  constraints?: string[];
  notes?: string[];
  preview?: boolean;
  deprecated?: boolean;
}

export interface CatalogData {
  elements: ElementInfo[];
  /** .NET types a `set-variable` value may have. */
  setVariableTypes: string[];
  /** Liquid filter names accepted by `set-body template="liquid"`. */
  liquidFilters: string[];
}
