/**
 * Context variables a policy sets: `set-variable name`, and every policy attribute that names a
 * variable for its result (`send-request response-variable-name`, `cache-lookup-value
 * variable-name`, `validate-jwt output-token-variable-name`, `rate-limit-by-key
 * retry-after-variable-name`…). With the workspace index, also the variables of the included
 * fragments and of the policies that run before this one (global, product, API).
 */
import { elementsOf, type PolicyDocument, type PolicyElement } from '../parser/policyParser';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

export interface VariableDefinition {
  name: string;
  /** The policy element that sets it. */
  element: string;
  attribute: string;
  /** What the variable holds, when the policy says. */
  valueType?: string;
  /** Where it is set; undefined for the document itself. */
  uri?: string;
  /** Offsets of the attribute value in its document. */
  start: number;
  end: number;
}

/** What some result attributes store. */
const VALUE_TYPES: Record<string, string> = {
  'send-request response-variable-name': 'IResponse',
  'return-response response-variable-name': 'IResponse',
  'validate-jwt output-token-variable-name': 'Jwt',
  'validate-azure-ad-token output-token-variable-name': 'Jwt',
  'authentication-managed-identity output-token-variable-name': 'string',
  'get-authorization-context context-variable-name': 'Authorization',
};

function setsVariable(el: PolicyElement, attribute: string): boolean {
  return attribute === 'variable-name' || attribute.endsWith('-variable-name') || (el.name === 'set-variable' && attribute === 'name');
}

/** The variables `doc` sets itself, in document order. */
export function variableDefinitions(doc: PolicyDocument, uri?: string): VariableDefinition[] {
  const out: VariableDefinition[] = [];
  const stack = doc.roots.slice().reverse();
  while (stack.length) {
    const el = stack.pop()!;
    for (const attr of el.attributes) {
      if (!setsVariable(el, attr.name) || attr.expression || attr.valueStart === undefined) continue;
      const name = attr.value?.trim();
      if (!name) continue;
      const start = attr.valueStart + (attr.quote ? 1 : 0);
      out.push({ name, element: el.name, attribute: attr.name, valueType: VALUE_TYPES[`${el.name} ${attr.name}`], uri, start, end: start + (attr.value?.length ?? 0) });
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  }
  return out;
}

/** `include-fragment fragment-id` values of a document. */
function includedFragments(doc: PolicyDocument): string[] {
  const ids: string[] = [];
  for (const el of elementsOf(doc.roots)) {
    if (el.name !== 'include-fragment') continue;
    const id = el.attributes.find(a => a.name === 'fragment-id')?.value?.trim();
    if (id) ids.push(id);
  }
  return ids;
}

export interface VisibleVariables {
  definitions: VariableDefinition[];
  /**
   * True when everything that could set a variable for this document was seen: the policies
   * before it and the fragments it includes were found in the workspace (or it has none).
   */
  complete: boolean;
}

/** The variables set by the document, its fragments and the policies that run before it. */
export function visibleVariables(uri: string, doc: PolicyDocument, workspace?: WorkspaceIndex): VisibleVariables {
  const definitions = variableDefinitions(doc);
  let complete = true;
  const addFragments = (from: PolicyDocument, fromUri: string) => {
    for (const id of includedFragments(from)) {
      const fragment = workspace?.findFragment(fromUri, id);
      const parsed = fragment && workspace?.parsedPolicy(fragment.uri);
      if (!fragment || !parsed) {
        complete = false;
        continue;
      }
      definitions.push(...variableDefinitions(parsed, fragment.uri));
    }
  };
  addFragments(doc, uri);
  if (workspace) {
    for (const parentUri of workspace.parentPolicies(uri)) {
      const parent = workspace.parsedPolicy(parentUri);
      if (!parent) continue;
      definitions.push(...variableDefinitions(parent, parentUri));
      addFragments(parent, parentUri);
    }
  }
  return { definitions, complete };
}
