/**
 * What the client and the server share: the settings contract and custom messages. Imported by
 * both sides, so it must stay free of vscode and Node-only APIs.
 */

export const LANGUAGE_ID = 'apim-policy';
export const CONFIG_SECTION = 'apimPolicy';

/** `contributes.configuration` in package.json, as the server reads it. */
export interface ServerSettings {
  validation: {
    enable: boolean;
    missingBase: 'off' | 'information' | 'warning';
  };
}

export const defaultSettings: ServerSettings = {
  validation: { enable: true, missingBase: 'warning' },
};

/** Reads untrusted settings into the typed contract, keeping defaults for anything malformed. */
export function readSettings(raw: unknown): ServerSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const v = (r.validation && typeof r.validation === 'object' ? r.validation : {}) as Record<string, unknown>;
  const missingBase = v.missingBase === 'off' || v.missingBase === 'information' || v.missingBase === 'warning' ? v.missingBase : defaultSettings.validation.missingBase;
  return {
    validation: {
      enable: typeof v.enable === 'boolean' ? v.enable : defaultSettings.validation.enable,
      missingBase,
    },
  };
}
