/**
 * The flow platforms, in the order they are tried (URL hosts, definition file shapes, config
 * sections). A new platform is one module implementing `FlowPlatform` (types.ts), added here and to
 * the `FlowType` union in ../types.ts.
 */

import type { FlowConfig, FlowType, TriggerAuth } from '../types';
import { logicAppConsumption } from './logicAppConsumption';
import { logicAppStandard } from './logicAppStandard';
import { powerAutomate } from './powerAutomate';
import type { FlowPlatform } from './types';

const BY_TYPE: { readonly [T in FlowType]: FlowPlatform } = { powerAutomate, logicAppConsumption, logicAppStandard };

export const PLATFORMS: readonly FlowPlatform[] = [powerAutomate, logicAppConsumption, logicAppStandard];

export const FLOW_TYPES: readonly FlowType[] = PLATFORMS.map(p => p.type);

export const FLOW_TYPE_LABEL: Readonly<Record<FlowType, string>> = {
  powerAutomate: powerAutomate.label,
  logicAppConsumption: logicAppConsumption.label,
  logicAppStandard: logicAppStandard.label,
};

export function isFlowType(value: string): value is FlowType {
  return Object.hasOwn(BY_TYPE, value);
}

export function platformOf(type: FlowType): FlowPlatform {
  return BY_TYPE[type];
}

/**
 * The trigger's authentication in a few words: the first platform whose facts the trigger holds
 * (a definition read for two platforms describes the first).
 */
export function flowMode(flow: FlowConfig): string {
  return describeTrigger(flow.trigger) ?? 'trigger unknown';
}

function describeTrigger(trigger: TriggerAuth): string | undefined {
  for (const p of PLATFORMS) {
    const mode = p.describeMode(trigger);
    if (mode !== undefined) return mode;
  }
  return undefined;
}

export type { FlowPlatform } from './types';
