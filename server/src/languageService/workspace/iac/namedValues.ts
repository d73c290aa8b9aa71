/**
 * Named values an IaC file defines, seen by the checks of the policies that file embeds or loads:
 * the workspace index with those names added as if they were one more service of the workspace.
 */
import type { NamedValueInfo, WorkspaceIndex } from '../workspaceIndex';
import type { IacNamedValue } from './policySource';

/** The named values of one host file, ready for the index's consumers. */
export interface TemplateNamedValues {
  infos: NamedValueInfo[];
  /** False when a display name is an expression: then any `{{name}}` may be one the file defines. */
  complete: boolean;
}

export function templateNamedValues(hostUri: string, hostText: string, defined: readonly IacNamedValue[]): TemplateNamedValues {
  const infos: NamedValueInfo[] = [];
  let complete = true;
  for (const nv of defined) {
    if (nv.displayName === undefined) {
      complete = false;
      continue;
    }
    infos.push({
      name: nv.name ?? nv.displayName, displayName: nv.displayName, value: nv.value, secret: nv.secret,
      keyVaultSecret: nv.keyVaultSecret, uri: hostUri, range: { uri: hostUri, start: nv.start, end: nv.end }, text: hostText,
    });
  }
  return { infos, complete };
}

/** Not a folder of the workspace: the name under which the template's definitions are known. */
const TEMPLATE_SERVICE = '\u0000iac-template';

/**
 * The workspace with the template's named values added. An unknown `{{name}}` is then warned where
 * the template defines named values at all (like a service folder with `named values/`), and not at
 * all when one of its display names is computed at deploy time. Without a workspace the policy
 * checks have no named values to look at, so nothing changes.
 */
export function withTemplateNamedValues(ws: WorkspaceIndex | undefined, template: TemplateNamedValues | undefined): WorkspaceIndex | undefined {
  if (!ws || !template || (template.infos.length === 0 && template.complete)) return ws;
  const { infos } = template;
  const knowsAll = template.complete;
  return {
    ...ws,
    servicesOf: uri => [...ws.servicesOf(uri), TEMPLATE_SERVICE],
    knows(service, kind) {
      // a computed display name may be any name: no `{{…}}` is known to be missing then
      if (kind === 'namedValue' && !knowsAll) return false;
      return service === TEMPLATE_SERVICE ? kind === 'namedValue' : ws.knows(service, kind);
    },
    findNamedValue(uri, displayName) {
      const found = ws.findNamedValue(uri, displayName);
      if (found) return found;
      // display names are case-insensitive in APIM
      const lower = displayName.toLowerCase();
      return infos.find(n => n.displayName.toLowerCase() === lower || n.name.toLowerCase() === lower);
    },
    namedValues: uri => [...ws.namedValues(uri), ...infos],
  };
}
