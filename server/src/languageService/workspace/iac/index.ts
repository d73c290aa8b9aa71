/**
 * Policies where they live in infrastructure-as-code: which reader a file needs, the policies it
 * holds, and the policy files its resources load (so a loaded file is checked with their scope).
 */
import type { Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyScope } from '../apiopsLayout';
import { resolveRelativeUri } from '../workspaceIndex';
import { extractArmPolicies, isArmTemplate } from './armJson';
import { extractBicepPolicies } from './bicep';
import type { EmbeddedPolicy, HostKind } from './policySource';
import { extractTerraformPolicies } from './terraform';

export * from './policySource';
export { readTemplateFile } from './terraform';

/** The IaC format of a file by its name (and, for `.json`, by whether it is an ARM template). */
export function iacHostKind(uri: string, text?: string): HostKind | undefined {
  const path = uri.toLowerCase().replace(/[?#].*$/, '');
  if (path.endsWith('.bicep')) return 'bicep';
  if (path.endsWith('.tf')) return 'terraform';
  if (path.endsWith('.json') && text !== undefined && isArmTemplate(text)) return 'arm';
  return undefined;
}

/** The APIM policies of an IaC file; none when it is not one (never throws). */
export function extractIacPolicies(kind: HostKind, text: string): EmbeddedPolicy[] {
  try {
    if (kind === 'bicep') return extractBicepPolicies(text);
    if (kind === 'terraform') return extractTerraformPolicies(text);
    return extractArmPolicies(text);
  } catch {
    // a reader bug must not take the host down: the file then simply shows no policy
    return [];
  }
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
}

/** The policy files the IaC file's resources load, each with the resource's scope. */
export function findIacLoads(hostUri: string, text: string, kind = iacHostKind(hostUri, text)): IacPolicyLoad[] {
  if (!kind) return [];
  const host = TextDocument.create(hostUri, kind, 0, text);
  const loads: IacPolicyLoad[] = [];
  for (const p of extractIacPolicies(kind, text)) {
    if (p.value.kind !== 'file' || !p.scope) continue;
    // an absolute path or one that climbs out of the file system is not followed
    const uri = resolveRelativeUri(hostUri, p.value.path);
    if (typeof uri !== 'string') continue;
    loads.push({
      uri, scope: p.scope, template: p.value.template, format: p.format,
      hostUri, range: { start: host.positionAt(p.resourceStart), end: host.positionAt(p.resourceEnd) }, resource: p.resource,
    });
  }
  return loads;
}
