/**
 * Context variables a policy sets: `set-variable name`, and every policy attribute that names a
 * variable for its result (`send-request response-variable-name`, `cache-lookup-value
 * variable-name`, `validate-jwt output-token-variable-name`, `rate-limit-by-key
 * retry-after-variable-name`…). With the workspace index, also the variables of the included
 * fragments and of the policies that run before this one (global, product, API).
 */
import { elementsNamed, NONE, type PolicyDocument } from '../parser/policyParser';
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
export const VALUE_TYPES: Record<string, string> = {
  'send-request response-variable-name': 'IResponse',
  'return-response response-variable-name': 'IResponse',
  'validate-jwt output-token-variable-name': 'Jwt',
  'validate-azure-ad-token output-token-variable-name': 'Jwt',
  'authentication-managed-identity output-token-variable-name': 'string',
  'get-authorization-context context-variable-name': 'Authorization',
};

/** Whether an attribute of this name names a variable for its element's result. */
function namesResultVariable(attribute: string): boolean {
  return attribute === 'variable-name' || attribute.endsWith('-variable-name');
}

/**
 * The variables `doc` sets itself, in document order. A scan of the attribute rows: a policy's
 * expressions all read this list, and handles for each of a large policy's elements and
 * attributes cost more than the checks that need it.
 */
export function variableDefinitions(doc: PolicyDocument, uri?: string): VariableDefinition[] {
  const out: VariableDefinition[] = [];
  const tree = doc.tree;
  const setVariable = tree.nameId('set-variable');
  const nameAttribute = tree.nameId('name');
  // which name ids name a variable, whatever the element
  const resultNames = tree.names.map(namesResultVariable);
  // rows are in document order
  for (let i = 0; i < tree.elementCount; i++) {
    const isSetVariable = setVariable !== NONE && tree.nameIdOf(i) === setVariable;
    for (let a = tree.firstAttribute(i), end = tree.attributesEnd(i); a < end; a++) {
      const id = tree.attributeNameId(a);
      if (!resultNames[id] && !(isSetVariable && id === nameAttribute)) continue;
      const valueStart = tree.attributeValueStart(a);
      if (valueStart === NONE || tree.hasAttributeExpression(a)) continue;
      const value = tree.attributeValue(a);
      const name = value?.trim();
      if (!value || !name) continue;
      const element = tree.name(i);
      const attribute = tree.attributeName(a);
      const start = valueStart + (tree.attributeQuote(a) ? 1 : 0);
      out.push({ name, element, attribute, valueType: VALUE_TYPES[`${element} ${attribute}`], uri, start, end: start + value.length });
    }
  }
  return out;
}

/** `include-fragment fragment-id` values of a document. */
function includedFragments(doc: PolicyDocument): string[] {
  const ids: string[] = [];
  for (const el of elementsNamed(doc.roots, 'include-fragment')) {
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
