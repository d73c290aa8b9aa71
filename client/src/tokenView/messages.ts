/** Messages between the Token Inspector webview and the extension (one typed union each way). */
import type { DecodedToken } from '../../../common/protocol';

export interface ViewState {
  /** The decoded token, or undefined before the first decode. */
  decoded?: DecodedToken;
  error?: string;
  flows: string[];
  /** Why the flow list is empty when the server could not give it. */
  flowsError?: string;
  selectedFlow?: string;
  /** Where the signing keys came from, or why the signature was not checked. */
  keysNote: string;
}

export type ToWebview = { type: 'state'; state: ViewState };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'pickFlow'; flow: string | undefined }
  | { type: 'decodeClipboard' }
  | { type: 'clear' };
