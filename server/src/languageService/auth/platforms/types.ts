/**
 * What a flow platform (Power Automate, Logic Apps Consumption, Logic Apps Standard…) tells the
 * engine: its name, which trigger URLs are its own, how its trigger is described in
 * `apim-flows.json` and in definition files, and the checks its trigger runs on a call. The engine
 * (simulate.ts), the config and definition readers and the features call platforms only through
 * this interface; a new platform is one module implementing it, listed in `platforms/index.ts`.
 */

import type { Node } from 'jsonc-parser';
import type { CheckContext } from '../checkContext';
import type { ConfigReader } from '../configReader';
import type { UrlParts } from '../audiences';
import type { Cloud, ConfigProblem, FlowConfig, FlowType, TriggerAuth } from '../types';

export type TriggerHostKind =
  /** `<env>.environment.api.powerplatform.com`: Power Automate since 2025. */
  | 'powerPlatform'
  /** `prod-NN.<region>.logic.azure.com`: Logic Apps Consumption, and Power Automate before 2025. */
  | 'logicApps'
  /** `<app>.azurewebsites.net`: Logic Apps Standard. */
  | 'appService'
  | 'other';

export interface TriggerUrlInfo extends UrlParts {
  hostKind: TriggerHostKind;
  /** Region of a `prod-NN.<region>.logic.azure.com` host. */
  region?: string;
  /** Environment part of a Power Platform host (`<env>.environment.api.powerplatform.com`). */
  environment?: string;
}

/** A family of trigger hosts a platform serves; `match` reads what the host name tells. */
export interface TriggerHost {
  kind: Exclude<TriggerHostKind, 'other'>;
  match(lowerHost: string): { region?: string; environment?: string } | undefined;
}

/** A note about a flow's trigger URL, put on the URL's value in the config. */
export interface UrlNote {
  severity: ConfigProblem['severity'];
  code: string;
  message: string;
}

/** An inline section of a flow in `apim-flows.json` that describes its trigger. */
export interface ConfigSection {
  name: string;
  /**
   * True for a section that must be an object and takes precedence over a definition file (said as
   * information); false for a setting read as is.
   */
  object: boolean;
  read(reader: ConfigReader, value: Node, trigger: TriggerAuth): void;
}

/** The kinds of definition file, by their JSON shape (definitions.ts tells them apart). */
export type DefinitionShape =
  /** ARM template with a `Microsoft.Logic/workflows` resource. */
  | 'armLogicWorkflow'
  /** ARM template with a `Microsoft.Web/sites` or `authsettingsV2` resource. */
  | 'armWebSite'
  /** An `authsettingsV2` resource or its properties. */
  | 'authSettings'
  /** A `Microsoft.Logic/workflows` resource, or a workflow resource with `accessControl`. */
  | 'logicWorkflowResource'
  /** A flow export (`schemaVersion` or `connectionReferences`). */
  | 'flowExport'
  /** Any other resource with `properties.definition`. */
  | 'workflowResource'
  /** `workflow.json` with `kind` Stateful, Stateless or Agentic. */
  | 'statefulWorkflowJson'
  /** `{ definition }` without such a kind. */
  | 'workflowJson'
  /** A bare workflow definition (`triggers` at the root). */
  | 'bareDefinition'
  | 'unknown';

/** A definition file as located by definitions.ts, for the platforms to read their facts from. */
export interface DefinitionFile {
  uri: string;
  root: Node;
  shape: DefinitionShape;
  /** What a reader should call the file in messages. */
  label: string;
  /** The workflow `definition` object (holds `triggers`). */
  definition?: Node;
  /** The first HTTP Request trigger of the definition. */
  request?: { name: string; node: Node; inputs?: Node };
  /** `accessControl` of a workflow resource. */
  accessControl?: Node;
  /** `authsettingsV2` properties, and the site's properties. */
  authSettings?: Node;
  site?: Node;
  problems: ConfigProblem[];
}

export interface FlowPlatform {
  /** The `type` of a flow in `apim-flows.json`. */
  readonly type: FlowType;
  /** The name people know the platform by. */
  readonly label: string;
  /** The platform's trigger authentication in a few words, when the trigger facts hold its part. */
  describeMode(trigger: TriggerAuth): string | undefined;

  /** The trigger hosts that are this platform's own. */
  readonly hosts: readonly TriggerHost[];
  /** Host kinds whose URLs can be this platform's triggers (its own, and ones it used to share). */
  readonly acceptedHostKinds: readonly TriggerHostKind[];
  /** Notes on a trigger URL of this platform (a retired host, …). */
  urlNotes?(info: TriggerUrlInfo, cloud: Cloud): UrlNote[];

  /** The inline sections of a flow in `apim-flows.json` that describe this platform's trigger. */
  readonly configSections: readonly ConfigSection[];
  /**
   * The trigger part of a new flow entry in `apim-flows.json` ("Describe this flow"), with
   * placeholders the user fills in (the config reader reports them until then).
   */
  readonly configTemplate: Readonly<Record<string, unknown>>;
  /**
   * Ids of this platform's checks whose verdict needs none of the flow's own settings, kept when
   * the request goes to its trigger URL and no config describes the flow (auth/platformFacts.ts).
   */
  readonly settledWithoutConfig: readonly string[];
  /** What the flow's own settings decide, in a few words (what a call without a config leaves unchecked). */
  readonly ownSettings: string;
  /** What to add to a flow whose trigger facts are missing, e.g. `"trigger" or "definition"`. */
  readonly missingFactsHint: string;
  /** True when the trigger facts hold what this platform's checks need. */
  hasTriggerFacts(trigger: TriggerAuth): boolean;

  /** Definition file shapes that are this platform's. */
  readonly definitionShapes: readonly DefinitionShape[];
  /** True when a Request trigger's inputs are this platform's (whatever the file's shape). */
  ownsTriggerInputs?(inputs: Node): boolean;
  /** True when the file holds this platform's facts though neither its shape nor the config names it. */
  definitionHasFacts?(file: DefinitionFile): boolean;
  /** Reads this platform's trigger facts from a definition file into `trigger`. */
  readDefinition(file: DefinitionFile, trigger: TriggerAuth): void;

  /** True when the trigger refuses SAS URLs. */
  sasDisabled(trigger: TriggerAuth): boolean;
  /** Authorization schemes besides Bearer: how to name them in "expected", and the canonical name of `scheme` when this flow takes it. */
  readonly otherSchemes?: { expected: string; accepts(flow: FlowConfig, scheme: string): string | undefined };
  /** What a rejected call leaves behind, when it differs from "no run starts". */
  readonly rejection?: string;
  /** Row 0: what the trigger accepts, as far as it is known. */
  checkMode(ctx: CheckContext): void;
  /** Row 4: whether the call is authenticated the way the trigger wants. */
  checkRequest(ctx: CheckContext): void;
  /** Rows 11–14: tenant, audience, caller, and platform policies, on a call that carries a token. */
  checkToken(ctx: CheckContext): void;
}
