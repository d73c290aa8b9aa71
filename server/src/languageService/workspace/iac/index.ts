/**
 * Policies where they live in infrastructure-as-code: which reader a file needs, the policies it
 * holds, and the policy files its resources load (so a loaded file is checked with their scope).
 */
import type { Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyScope } from '../apiopsLayout';
import { resolveRelativeUri } from '../workspaceIndex';
import { isArmTemplate, readArm } from './armJson';
import { readBicep } from './bicep';
import { templateDefinitions, type TemplateDefinitions } from './templateDefinitions';
import type { EmbeddedPolicy, HostKind, IacFileModel } from './policySource';
import { readTerraform } from './terraform';

export * from './policySource';
export { templateDefinitions, withTemplateDefinitions, type TemplateDefinitions } from './templateDefinitions';
export { readTemplateFile } from './terraform';

/** The IaC format of a file by its name (and, for `.json`, by whether it is an ARM template). */
export function iacHostKind(uri: string, text?: string): HostKind | undefined {
  const path = uri.toLowerCase().replace(/[?#].*$/, '');
  if (path.endsWith('.bicep')) return 'bicep';
  if (path.endsWith('.tf')) return 'terraform';
  if (path.endsWith('.json') && text !== undefined && isArmTemplate(text)) return 'arm';
  return undefined;
}

/** The APIM policies and named values of an IaC file; none when it is not one (never throws). */
export function readIacFile(kind: HostKind, text: string): IacFileModel {
  try {
    if (kind === 'bicep') return readBicep(text);
    if (kind === 'terraform') return readTerraform(text);
    return readArm(text);
  } catch {
    // a reader bug must not take the host down: the file then simply shows no policy
    return { policies: [], namedValues: [], backends: [], logicApps: [] };
  }
}

export function extractIacPolicies(kind: HostKind, text: string): EmbeddedPolicy[] {
  return readIacFile(kind, text).policies;
}

/** A policy file an IaC resource loads (`loadTextContent`, `file`, `templatefile`). */
export interface IacPolicyLoad {
  /** The loaded file, resolved against the host file's folder. */
  uri: string;
  scope: PolicyScope;
  /** `templatefile`: `${…}` and `%{…}` are rendered at deploy time. */
  template: boolean;
  format: string | undefined;
  hostUri: string;
  /** The resource declaration in the host file. */
  range: Range;
  resource: string;
  /**
   * What the host file defines (named values, backends, fragments, Logic Apps): the loaded
   * policy's references may use them.
   */
  definitions?: TemplateDefinitions;
}

/** The policy files the IaC file's resources load, each with the resource's scope. */
export function findIacLoads(hostUri: string, text: string, kind = iacHostKind(hostUri, text)): IacPolicyLoad[] {
  if (!kind) return [];
  const host = TextDocument.create(hostUri, kind, 0, text);
  const loads: IacPolicyLoad[] = [];
  const model = readIacFile(kind, text);
  const definitions = templateDefinitions(hostUri, text, model);
  for (const p of model.policies) {
    if (p.value.kind !== 'file' || !p.scope) continue;
    // an absolute path or one that climbs out of the file system is not followed
    const uri = resolveRelativeUri(hostUri, p.value.path);
    if (typeof uri !== 'string') continue;
    loads.push({
      uri, scope: p.scope, template: p.value.template, format: p.format,
      hostUri, range: { start: host.positionAt(p.resourceStart), end: host.positionAt(p.resourceEnd) }, resource: p.resource, definitions,
    });
  }
  return loads;
}
