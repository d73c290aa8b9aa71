/**
 * The read contract between the pure service and its host. A file a config names may be refused
 * (outside the workspace, not a regular file, too large): the refusal says why, so the config
 * value that named the file can get a diagnostic saying so. It never carries the file's content.
 */

export interface Refusal {
  error: string;
}

/** The text, a refusal, or undefined when the file does not exist. */
export type FileRead = string | Refusal | undefined;

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && typeof (value as Refusal).error === 'string';
}
