/**
 * The answers Power Automate and Logic Apps triggers give, as reported (flow-auth-facts §1.5, §2.3,
 * §2.4). `confirmed: false` where the status or the text is UNCONFIRMED.
 */

import type { PlatformError } from './types';

const MISMATCH_MESSAGE = 'One or more claims either missing or does not match with the open authentication access control policy.';
export const PLATFORM_ERRORS = {
  paMismatch: { status: '401/403', code: 'MisMatchingOAuthClaims', message: MISMATCH_MESSAGE, confirmed: false },
  laMismatch: { status: '403', code: 'MisMatchingOAuthClaims', message: MISMATCH_MESSAGE, confirmed: false },
  paAuthorizationRequired: { status: '401', code: 'DirectApiAuthorizationRequired', message: 'The OAuth authorization scheme is required.', confirmed: true },
  laAuthorizationRequired: { status: '401', code: 'DirectApiAuthorizationRequired', message: 'The request must be authenticated only by Shared Access scheme.', confirmed: true },
  moreThanOneAuthorization: {
    status: '4xx', code: 'DirectApiRequestHasMoreThanOneAuthorization',
    message: "The request has SAS authentication scheme, 'Bearer' authorization scheme or internal token scheme. Only one scheme should be used.", confirmed: false,
  },
  sasDisabled: {
    status: '4xx', code: 'DirectApiInvalidAuthorizationScheme',
    message: 'The request has SAS authentication scheme while it is disabled under your access control policy.', confirmed: false,
  },
  policyNotFound: { status: '401', code: 'OAuthAccessPolicyNotFound', message: '(message text not known: UNCONFIRMED)', confirmed: false },
  easyAuthForbidden: { status: '403', code: 'Forbidden', message: 'Forbidden (Easy Auth built-in authorization policy; body text not documented)', confirmed: true },
  easyAuthUnauthorized: { status: '401', code: 'Unauthorized', message: 'Easy Auth rejects the token (exact status and text UNCONFIRMED)', confirmed: false },
} satisfies Record<string, PlatformError>;

