/** Messages between the Token Inspector webview and the extension (one typed union each way). */
import type { DecodedToken, SourcePosition } from '../../../common/protocol';

/** A place the user can open from the view ("apim-flows.json: the trigger of order-intake"). */
export interface Link extends SourcePosition {
  label: string;
}

/** A failing or warning check, as a card: the expectation, what is wrong, the fix and where to make it. */
export interface CheckCard {
  id: string;
  status: 'fail' | 'warn';
  /** The expectation ("Caller is allowed"). */
  title: string;
  /** What is wrong, in plain words. */
  outcome?: string;
  expected?: string;
  actual?: string;
  /** "403 MisMatchingOAuthClaims: One or more claims … (unconfirmed)". */
  platformError?: string;
  fix?: string;
  link?: Link;
  heuristic: boolean;
}

/** The checks as the view shows them: the failures first as cards, the rest as one line each. */
export interface Results {
  cards: CheckCard[];
  passed: string[];
  skipped: Array<{ title: string; why?: string }>;
}

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
  results?: Results;
  /** The flow was chosen because its audience and tenant fit the token, not by the user. */
  flowGuessed?: boolean;
  /** Bumped on each decode, so the view scrolls back to the top for a new token only. */
  decodeCount?: number;
}

export type ToWebview = { type: 'state'; state: ViewState };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'pickFlow'; flow: string | undefined }
  | { type: 'decodeClipboard' }
  | { type: 'clear' }
  | { type: 'open'; link: Link }
  | { type: 'openPanel' }
  | { type: 'copy'; what: 'header' | 'payload' };
