// TEMPORARY stand-in, replaced by scripts/generate-catalog.js
import type { CatalogData } from './types';

export const catalogData: CatalogData = {
 "elements": [
  {
   "name": "authentication-managed-identity",
   "kind": "policy",
   "summary": "Gets an Entra ID access token with the instance's managed identity and sends it to the backend as 'Authorization: Bearer <token>'. Token cached until expiry.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "resource",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "App ID URI / application ID of the target resource, e.g. https://management.azure.com/, https://cognitiveservices.azure.com, https://vault.azure.net, https://storage.azure.com/, https://database.windows.net/"
    },
    {
     "name": "client-id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "default": "system-assigned identity",
     "description": "Client ID of a user-assigned identity; omit to use the system-assigned identity"
    },
    {
     "name": "output-token-variable-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "Context variable that receives the token as string; when set you may apply the header yourself"
    },
    {
     "name": "ignore-error",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "false",
     "description": "true = keep executing even if no token was acquired"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/authentication-managed-identity-policy",
   "category": "authentication"
  },
  {
   "name": "authentication-basic",
   "kind": "policy",
   "summary": "Sets the Authorization header to HTTP Basic credentials for the backend call.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "username",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Basic credential user name"
    },
    {
     "name": "password",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Basic credential password; prefer a secret named value {{...}}"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/authentication-basic-policy",
   "category": "authentication"
  },
  {
   "name": "authentication-certificate",
   "kind": "policy",
   "summary": "Presents a client certificate to the backend (mutual TLS).",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "thumbprint",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Thumbprint of an uploaded client certificate"
    },
    {
     "name": "certificate-id",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Certificate resource name; prefer this for Key Vault certs (thumbprint changes on rotation)"
    },
    {
     "name": "body",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Certificate as byte array when not from the certificate store"
    },
    {
     "name": "password",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Password for a certificate given in body"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/authentication-certificate-policy",
   "category": "authentication"
  },
  {
   "name": "check-header",
   "kind": "policy",
   "summary": "Requires a request header to exist and optionally to match one of the listed values; otherwise returns the given error.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "name",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Header to check"
    },
    {
     "name": "failed-check-httpcode",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "description": "Status code returned when header missing/invalid"
    },
    {
     "name": "failed-check-error-message",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Body message on failure; special characters must be escaped"
    },
    {
     "name": "ignore-case",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "description": "Case-insensitive comparison of values"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "value",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/check-header-policy",
   "category": "authentication"
  },
  {
   "name": "validate-jwt",
   "kind": "policy",
   "summary": "Checks that a JWT (header, query parameter or value) exists and is valid: signature, lifetime, audience, issuer and required claims.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "header-name",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Header holding the token (e.g. Authorization)"
    },
    {
     "name": "query-parameter-name",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Query parameter holding the token"
    },
    {
     "name": "token-value",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Expression returning the raw token string (without 'Bearer ')"
    },
    {
     "name": "failed-validation-httpcode",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "default": "401"
    },
    {
     "name": "failed-validation-error-message",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Default depends on failure, e.g. 'JWT not present.'; escape special characters"
    },
    {
     "name": "require-expiration-time",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "true",
     "description": "Token must carry exp claim"
    },
    {
     "name": "require-scheme",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "e.g. Bearer; only enforced for the Authorization header (ignored with custom header-name)"
    },
    {
     "name": "require-signed-tokens",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "true"
    },
    {
     "name": "clock-skew",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "default": "0",
     "description": "Allowed clock difference in seconds"
    },
    {
     "name": "output-token-variable-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "Variable receiving validated token as Jwt object"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "openid-config",
     "required": false,
     "multiple": true
    },
    {
     "name": "issuer-signing-keys",
     "required": false,
     "multiple": false
    },
    {
     "name": "decryption-keys",
     "required": false,
     "multiple": false
    },
    {
     "name": "audiences",
     "required": false,
     "multiple": false
    },
    {
     "name": "issuers",
     "required": false,
     "multiple": false
    },
    {
     "name": "required-claims",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {
    "openid-config": {
     "attributes": [
      {
       "name": "url",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "full URL of .well-known/openid-configuration, e.g. https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration"
      }
     ],
     "children": []
    },
    "issuer-signing-keys": {
     "attributes": [],
     "children": [
      {
       "name": "key",
       "required": true,
       "multiple": true
      }
     ]
    },
    "decryption-keys": {
     "attributes": [],
     "children": [
      {
       "name": "key",
       "required": true,
       "multiple": true
      }
     ]
    },
    "key": {
     "attributes": [
      {
       "name": "id",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "matches token 'kid'"
      },
      {
       "name": "certificate-id",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "ID of uploaded certificate holding public key"
      },
      {
       "name": "n",
       "required": false,
       "expressions": false,
       "value": {
        "kind": "string"
       },
       "description": "RSA modulus (Base64url); requires e"
      },
      {
       "name": "e",
       "required": false,
       "expressions": false,
       "value": {
        "kind": "string"
       },
       "description": "RSA exponent (Base64url); requires n"
      }
     ],
     "children": []
    },
    "audiences": {
     "attributes": [],
     "children": [
      {
       "name": "audience",
       "required": true,
       "multiple": true
      }
     ]
    },
    "issuers": {
     "attributes": [],
     "children": [
      {
       "name": "issuer",
       "required": true,
       "multiple": true
      }
     ]
    },
    "required-claims": {
     "attributes": [],
     "children": [
      {
       "name": "claim",
       "required": true,
       "multiple": true
      }
     ]
    },
    "claim": {
     "attributes": [
      {
       "name": "name",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "Claim name as in token"
      },
      {
       "name": "match",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "all",
         "any"
        ]
       },
       "default": "all",
       "description": "all: every listed value must be present; any: at least one"
      },
      {
       "name": "separator",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "Separator for multi-valued claim, e.g. ','"
      }
     ],
     "children": [
      {
       "name": "value",
       "required": false,
       "multiple": true
      }
     ]
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/validate-jwt-policy",
   "category": "authentication"
  },
  {
   "name": "validate-azure-ad-token",
   "kind": "policy",
   "summary": "Validates a JWT issued by Microsoft Entra ID for the given tenant, checking client app IDs, audiences and claims.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "tenant-id",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Entra tenant ID or domain (e.g. contoso.onmicrosoft.com); named value OK"
    },
    {
     "name": "header-name",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "default": "Authorization",
     "description": "Header holding the token"
    },
    {
     "name": "query-parameter-name",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "token-value",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Expression returning token without 'Bearer'"
    },
    {
     "name": "failed-validation-httpcode",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "default": "401"
    },
    {
     "name": "failed-validation-error-message",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "output-token-variable-name",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Variable receiving validated token as Jwt"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "client-application-ids",
     "required": true,
     "multiple": false
    },
    {
     "name": "backend-application-ids",
     "required": false,
     "multiple": false
    },
    {
     "name": "audiences",
     "required": false,
     "multiple": false
    },
    {
     "name": "required-claims",
     "required": false,
     "multiple": false
    },
    {
     "name": "decryption-keys",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {
    "client-application-ids": {
     "attributes": [],
     "children": [
      {
       "name": "application-id",
       "required": true,
       "multiple": true
      }
     ]
    },
    "backend-application-ids": {
     "attributes": [],
     "children": [
      {
       "name": "application-id",
       "required": true,
       "multiple": true
      }
     ]
    },
    "audiences": {
     "attributes": [],
     "children": [
      {
       "name": "audience",
       "required": true,
       "multiple": true
      }
     ]
    },
    "required-claims": {
     "attributes": [],
     "children": [
      {
       "name": "claim",
       "required": true,
       "multiple": true
      }
     ]
    },
    "claim": {
     "attributes": [
      {
       "name": "name",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "Claim name as in token"
      },
      {
       "name": "match",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "all",
         "any"
        ]
       },
       "default": "all",
       "description": "all: every listed value must be present; any: at least one"
      },
      {
       "name": "separator",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "Separator for multi-valued claim, e.g. ','"
      }
     ],
     "children": [
      {
       "name": "value",
       "required": false,
       "multiple": true
      }
     ]
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/validate-azure-ad-token-policy",
   "category": "authentication"
  },
  {
   "name": "ip-filter",
   "kind": "policy",
   "summary": "Allows or forbids callers by IP address or address range.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "action",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "allow",
       "forbid"
      ]
     }
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "address",
     "required": false,
     "multiple": true
    },
    {
     "name": "address-range",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {
    "address-range": {
     "attributes": [
      {
       "name": "from",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "to",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/ip-filter-policy",
   "category": "authentication"
  },
  {
   "name": "get-authorization-context",
   "kind": "policy",
   "summary": "Fetches tokens from a credential manager connection into a context variable (object of type Authorization).",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption"
   ],
   "attributes": [
    {
     "name": "provider-id",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "credential provider resource id"
    },
    {
     "name": "authorization-id",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "connection resource id"
    },
    {
     "name": "context-variable-name",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "variable receiving Authorization object {AccessToken, Claims}"
    },
    {
     "name": "identity-type",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "managed",
       "jwt"
      ]
     },
     "default": "managed"
    },
    {
     "name": "identity",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Entra JWT used when identity-type='jwt' (aud https://azure-api.net/authorization-manager)"
    },
    {
     "name": "ignore-error",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "false",
     "description": "true: variable set to null on error; false: 500"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/get-authorization-context-policy",
   "category": "authentication"
  },
  {
   "name": "rate-limit",
   "kind": "policy",
   "summary": "Caps call rate per subscription in a sliding window; excess calls get 429.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "calls",
     "required": true,
     "expressions": false,
     "value": {
      "kind": "int"
     }
    },
    {
     "name": "renewal-period",
     "required": true,
     "expressions": false,
     "value": {
      "kind": "int"
     },
     "description": "sliding window seconds, max 300"
    },
    {
     "name": "retry-after-header-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "default": "Retry-After"
    },
    {
     "name": "retry-after-variable-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "remaining-calls-header-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "remaining-calls-variable-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "total-calls-header-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "api",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {
    "api": {
     "attributes": [
      {
       "name": "name",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "API name; name or id required"
      },
      {
       "name": "id",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "API id; wins over name"
      },
      {
       "name": "calls",
       "required": true,
       "expressions": false,
       "value": {
        "kind": "int"
       }
      },
      {
       "name": "renewal-period",
       "required": true,
       "expressions": false,
       "value": {
        "kind": "int"
       },
       "description": "seconds, max 300"
      }
     ],
     "children": [
      {
       "name": "operation",
       "required": false,
       "multiple": true
      }
     ]
    },
    "operation": {
     "attributes": [
      {
       "name": "name",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "id",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "calls",
       "required": true,
       "expressions": false,
       "value": {
        "kind": "int"
       }
      },
      {
       "name": "renewal-period",
       "required": true,
       "expressions": false,
       "value": {
        "kind": "int"
       }
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/rate-limit-policy",
   "category": "rate-limit"
  },
  {
   "name": "rate-limit-by-key",
   "kind": "policy",
   "summary": "Caps call rate per arbitrary key (e.g. IP, user); excess calls get 429.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "calls",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "int"
     }
    },
    {
     "name": "counter-key",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "e.g. @(context.Request.IpAddress); one counter per key value across scopes"
    },
    {
     "name": "increment-condition",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool-expression"
     }
    },
    {
     "name": "increment-count",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "default": "1"
    },
    {
     "name": "renewal-period",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "description": "seconds, max 300"
    },
    {
     "name": "retry-after-header-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "default": "Retry-After"
    },
    {
     "name": "retry-after-variable-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "remaining-calls-header-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "remaining-calls-variable-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "total-calls-header-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/rate-limit-by-key-policy",
   "category": "rate-limit"
  },
  {
   "name": "quota",
   "kind": "policy",
   "summary": "Enforces call-count and/or bandwidth quota per subscription; excess gets 403 with Retry-After.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "product"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "calls",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "int"
     }
    },
    {
     "name": "bandwidth",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "int"
     },
     "description": "kilobytes"
    },
    {
     "name": "renewal-period",
     "required": true,
     "expressions": false,
     "value": {
      "kind": "int"
     },
     "description": "fixed window seconds; 0 = lifetime"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "api",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {
    "api": {
     "attributes": [
      {
       "name": "name",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "id",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "calls",
       "required": false,
       "expressions": false,
       "value": {
        "kind": "int"
       }
      },
      {
       "name": "bandwidth",
       "required": false,
       "expressions": false,
       "value": {
        "kind": "int"
       },
       "description": "KB"
      },
      {
       "name": "renewal-period",
       "required": true,
       "expressions": false,
       "value": {
        "kind": "int"
       }
      }
     ],
     "children": [
      {
       "name": "operation",
       "required": false,
       "multiple": true
      }
     ]
    },
    "operation": {
     "attributes": [
      {
       "name": "name",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "id",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "calls",
       "required": false,
       "expressions": false,
       "value": {
        "kind": "int"
       }
      },
      {
       "name": "bandwidth",
       "required": false,
       "expressions": false,
       "value": {
        "kind": "int"
       }
      },
      {
       "name": "renewal-period",
       "required": true,
       "expressions": false,
       "value": {
        "kind": "int"
       }
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/quota-policy",
   "category": "rate-limit"
  },
  {
   "name": "quota-by-key",
   "kind": "policy",
   "summary": "Enforces call/bandwidth quota per arbitrary key; excess gets 403.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "calls",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "int"
     }
    },
    {
     "name": "bandwidth",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "int"
     },
     "description": "kilobytes"
    },
    {
     "name": "counter-key",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "increment-condition",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool-expression"
     }
    },
    {
     "name": "renewal-period",
     "required": true,
     "expressions": false,
     "value": {
      "kind": "int"
     },
     "description": "seconds; 0 = lifetime"
    },
    {
     "name": "first-period-start",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "default": "0001-01-01T00:00:00Z",
     "description": "ISO 8601 yyyy-MM-ddTHH:mm:ssZ"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/quota-by-key-policy",
   "category": "rate-limit"
  },
  {
   "name": "limit-concurrency",
   "kind": "policy",
   "summary": "Lets at most max-count requests run the enclosed policies at once; others fail immediately with 429.",
   "sections": [
    "inbound",
    "backend",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "key",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "concurrency scope; can be shared by several policies"
    },
    {
     "name": "max-count",
     "required": true,
     "expressions": false,
     "value": {
      "kind": "int"
     }
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "*policy*",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/limit-concurrency-policy",
   "category": "rate-limit"
  },
  {
   "name": "validate-client-certificate",
   "kind": "policy",
   "summary": "Checks the client's TLS certificate against validation rules and optional identity claims (subject, issuer, thumbprint...).",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "validate-revocation",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "bool"
     },
     "default": "true"
    },
    {
     "name": "validate-trust",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "bool"
     },
     "default": "true"
    },
    {
     "name": "validate-not-before",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "bool"
     },
     "default": "true"
    },
    {
     "name": "validate-not-after",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "bool"
     },
     "default": "true"
    },
    {
     "name": "ignore-error",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "bool"
     },
     "default": "false",
     "description": "true: continue; false: go to on-error when validation fails"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "identities",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {
    "identities": {
     "attributes": [],
     "children": [
      {
       "name": "identity",
       "required": true,
       "multiple": true
      }
     ]
    },
    "identity": {
     "attributes": [
      {
       "name": "thumbprint",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "serial-number",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "common-name",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "subject",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "DN format, quote values with commas"
      },
      {
       "name": "dns-name",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "issuer-subject",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "issuer-thumbprint",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "issuer-certificate-id",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "exclusive with other issuer-* attributes"
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/validate-client-certificate-policy",
   "category": "authentication"
  },
  {
   "name": "azure-openai-token-limit",
   "kind": "policy",
   "summary": "Limits Azure OpenAI token consumption per key (tokens per minute); excess gets 429.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "counter-key",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "tokens-per-minute",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "description": "required in doc version read; newer versions also accept token-quota/token-quota-period like llm-token-limit (uncertain)"
    },
    {
     "name": "estimate-prompt-tokens",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "bool"
     }
    },
    {
     "name": "retry-after-header-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "default": "Retry-After"
    },
    {
     "name": "retry-after-variable-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "remaining-tokens-header-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "remaining-tokens-variable-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "tokens-consumed-header-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "tokens-consumed-variable-name",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/azure-openai-token-limit-policy",
   "category": "ai-gateway"
  },
  {
   "name": "llm-token-limit",
   "kind": "policy",
   "summary": "Limits LLM token use per key by rate (tokens/minute, 429) and/or quota per period (403).",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "counter-key",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "tokens-per-minute",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     }
    },
    {
     "name": "token-quota",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     }
    },
    {
     "name": "token-quota-period",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "Hourly",
       "Daily",
       "Weekly",
       "Monthly",
       "Yearly"
      ]
     }
    },
    {
     "name": "estimate-prompt-tokens",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "bool"
     }
    },
    {
     "name": "retry-after-header-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "default": "Retry-After"
    },
    {
     "name": "retry-after-variable-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "remaining-quota-tokens-header-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "remaining-quota-tokens-variable-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "remaining-tokens-header-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "remaining-tokens-variable-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "tokens-consumed-header-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "tokens-consumed-variable-name",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/llm-token-limit-policy",
   "category": "ai-gateway"
  },
  {
   "name": "azure-openai-emit-token-metric",
   "kind": "policy",
   "summary": "Sends Azure OpenAI token counts (total/prompt/completion) as custom metrics to Application Insights.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "namespace",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "default": "API Management"
    },
    {
     "name": "value",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "default": "1",
     "description": "listed in doc table (double)"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "dimension",
     "required": true,
     "multiple": true
    }
   ],
   "childElements": {
    "dimension": {
     "attributes": [
      {
       "name": "name",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "default dimensions usable without value: API ID, Operation ID, Product ID, User ID, Subscription ID, Location, Gateway ID (+ Backend ID / Model for LLM in newer docs)"
      },
      {
       "name": "value",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "omit only for default dimension names"
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/azure-openai-emit-token-metric-policy",
   "category": "ai-gateway"
  },
  {
   "name": "llm-emit-token-metric",
   "kind": "policy",
   "summary": "Sends LLM token counts as custom metrics to Application Insights.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "namespace",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "default": "API Management"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "dimension",
     "required": true,
     "multiple": true
    }
   ],
   "childElements": {
    "dimension": {
     "attributes": [
      {
       "name": "name",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "default dimensions usable without value: API ID, Operation ID, Product ID, User ID, Subscription ID, Location, Gateway ID (+ Backend ID / Model for LLM in newer docs)"
      },
      {
       "name": "value",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "omit only for default dimension names"
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/llm-emit-token-metric-policy",
   "category": "ai-gateway"
  },
  {
   "name": "azure-openai-semantic-cache-lookup",
   "kind": "policy",
   "summary": "Returns a cached Azure OpenAI response when a semantically similar prompt was cached (external Redis-compatible cache + embeddings).",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "score-threshold",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "number"
     },
     "description": "similarity threshold; lower = stricter match"
    },
    {
     "name": "embeddings-backend-id",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "backend entity for the embeddings API"
    },
    {
     "name": "embeddings-backend-auth",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "system-assigned"
      ]
     },
     "description": "must be system-assigned"
    },
    {
     "name": "ignore-system-messages",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "false"
    },
    {
     "name": "max-message-count",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "description": "skip caching when more dialog messages remain"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "vary-by",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/azure-openai-semantic-cache-lookup-policy",
   "category": "ai-gateway"
  },
  {
   "name": "azure-openai-semantic-cache-store",
   "kind": "policy",
   "summary": "Stores Azure OpenAI responses in the semantic cache.",
   "sections": [
    "outbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "duration",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "description": "TTL seconds"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/azure-openai-semantic-cache-store-policy",
   "category": "ai-gateway"
  },
  {
   "name": "llm-semantic-cache-lookup",
   "kind": "policy",
   "summary": "Returns a cached LLM response when a semantically similar prompt was cached.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption"
   ],
   "attributes": [
    {
     "name": "score-threshold",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "number"
     },
     "description": "similarity threshold; lower = stricter match"
    },
    {
     "name": "embeddings-backend-id",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "backend entity for the embeddings API"
    },
    {
     "name": "embeddings-backend-auth",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "system-assigned"
      ]
     },
     "description": "must be system-assigned"
    },
    {
     "name": "ignore-system-messages",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "false"
    },
    {
     "name": "max-message-count",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "description": "skip caching when more dialog messages remain"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "vary-by",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/llm-semantic-cache-lookup-policy",
   "category": "ai-gateway"
  },
  {
   "name": "llm-semantic-cache-store",
   "kind": "policy",
   "summary": "Stores LLM responses in the semantic cache.",
   "sections": [
    "outbound"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption"
   ],
   "attributes": [
    {
     "name": "duration",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "description": "TTL seconds"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/llm-semantic-cache-store-policy",
   "category": "ai-gateway"
  },
  {
   "name": "llm-content-safety",
   "kind": "policy",
   "summary": "Sends the prompt text to Azure AI Content Safety first and blocks (403) unsafe requests.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "backend-id",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "backend pointing at Azure AI Content Safety"
    },
    {
     "name": "shield-prompt",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "false",
     "description": "check for prompt attacks"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "categories",
     "required": false,
     "multiple": false
    },
    {
     "name": "blocklists",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {
    "categories": {
     "attributes": [
      {
       "name": "output-type",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "FourSeverityLevels",
         "EightSeverityLevels"
        ]
       },
       "default": "FourSeverityLevels"
      }
     ],
     "children": [
      {
       "name": "category",
       "required": true,
       "multiple": true
      }
     ]
    },
    "category": {
     "attributes": [
      {
       "name": "name",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "Hate",
         "SelfHarm",
         "Sexual",
         "Violence"
        ]
       }
      },
      {
       "name": "threshold",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "int",
        "min": 0,
        "max": 7
       }
      }
     ],
     "children": []
    },
    "blocklists": {
     "attributes": [],
     "children": [
      {
       "name": "id",
       "required": true,
       "multiple": true
      }
     ]
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/llm-content-safety-policy",
   "category": "ai-gateway"
  },
  {
   "name": "cache-lookup",
   "kind": "policy",
   "summary": "Looks up the response cache and returns a cached response on hit (GET only).",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "vary-by-developer",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "false"
    },
    {
     "name": "vary-by-developer-groups",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "false"
    },
    {
     "name": "allow-private-response-caching",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "false"
    },
    {
     "name": "caching-type",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "enum",
      "values": [
       "internal",
       "external",
       "prefer-external"
      ]
     },
     "default": "prefer-external"
    },
    {
     "name": "downstream-caching-type",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "none",
       "private",
       "public"
      ]
     },
     "default": "none"
    },
    {
     "name": "must-revalidate",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "true"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "vary-by-header",
     "required": false,
     "multiple": true
    },
    {
     "name": "vary-by-query-parameter",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/cache-lookup-policy",
   "category": "caching"
  },
  {
   "name": "cache-store",
   "kind": "policy",
   "summary": "Stores the response in the cache for later cache-lookup hits.",
   "sections": [
    "outbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "duration",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "description": "TTL seconds"
    },
    {
     "name": "cache-response",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "false",
     "description": "true caches current response whatever its status; omitted = only 200 OK cached"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/cache-store-policy",
   "category": "caching"
  },
  {
   "name": "cache-lookup-value",
   "kind": "policy",
   "summary": "Reads a cached value by key into a context variable.",
   "sections": [
    "inbound",
    "backend",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "key",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "variable-name",
     "required": true,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "variable set only on hit"
    },
    {
     "name": "default-value",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "default": "null",
     "description": "assigned on miss"
    },
    {
     "name": "caching-type",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "enum",
      "values": [
       "internal",
       "external",
       "prefer-external"
      ]
     },
     "default": "prefer-external"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/cache-lookup-value-policy",
   "category": "caching"
  },
  {
   "name": "cache-store-value",
   "kind": "policy",
   "summary": "Stores a value in the cache under a key (asynchronous write).",
   "sections": [
    "inbound",
    "backend",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "key",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "value",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "duration",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "description": "seconds"
    },
    {
     "name": "caching-type",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "enum",
      "values": [
       "internal",
       "external",
       "prefer-external"
      ]
     },
     "default": "prefer-external"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/cache-store-value-policy",
   "category": "caching"
  },
  {
   "name": "cache-remove-value",
   "kind": "policy",
   "summary": "Deletes a cached value by key.",
   "sections": [
    "inbound",
    "backend",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "key",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "caching-type",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "enum",
      "values": [
       "internal",
       "external",
       "prefer-external"
      ]
     },
     "default": "prefer-external"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/cache-remove-value-policy",
   "category": "caching"
  },
  {
   "name": "set-header",
   "kind": "policy",
   "summary": "Adds, replaces, appends to or deletes a request header (inbound/backend) or response header (outbound/on-error).",
   "sections": [
    "inbound",
    "backend",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "name",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "exists-action",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "override",
       "skip",
       "append",
       "delete"
      ]
     },
     "default": "override"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "value",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/set-header-policy",
   "category": "transformation"
  },
  {
   "name": "set-query-parameter",
   "kind": "policy",
   "summary": "Adds, replaces, appends to or deletes a request query string parameter.",
   "sections": [
    "inbound",
    "backend"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "name",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "exists-action",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "override",
       "skip",
       "append",
       "delete"
      ]
     },
     "default": "override"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "value",
     "required": true,
     "multiple": true
    }
   ],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/set-query-parameter-policy",
   "category": "transformation"
  },
  {
   "name": "set-body",
   "kind": "policy",
   "summary": "Replaces the request or response body with literal text, an expression result, or a Liquid template.",
   "sections": [
    "inbound",
    "outbound",
    "backend"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "template",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "liquid",
       "none"
      ]
     },
     "description": "liquid = Liquid templating (C# mode, PascalCase filters); 'none' seen in doc examples"
    },
    {
     "name": "xsi-nil",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "enum",
      "values": [
       "blank",
       "null"
      ]
     },
     "default": "blank"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/set-body-policy",
   "category": "transformation",
   "content": "body text, @(...)/@{...} expression, or Liquid template"
  },
  {
   "name": "set-variable",
   "kind": "policy",
   "summary": "Stores a value in a named context variable (context.Variables) for later policies.",
   "sections": [
    "inbound",
    "backend",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "name",
     "required": true,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "value",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "literal (becomes System.String) or expression"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/set-variable-policy",
   "category": "transformation"
  },
  {
   "name": "rewrite-uri",
   "kind": "policy",
   "summary": "Rewrites the request URL (path/query) sent to the backend.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "template",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "backend URL path+query relative to backend base; if using an expression the whole value must be one expression; {param} refers to operation template params"
    },
    {
     "name": "copy-unmatched-params",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "true"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/rewrite-uri-policy",
   "category": "transformation"
  },
  {
   "name": "json-to-xml",
   "kind": "policy",
   "summary": "Converts a JSON body to XML.",
   "sections": [
    "inbound",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "apply",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "always",
       "content-type-json"
      ]
     }
    },
    {
     "name": "consider-accept-header",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "true"
    },
    {
     "name": "parse-date",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "bool"
     },
     "default": "true"
    },
    {
     "name": "namespace-separator",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "default": "_"
    },
    {
     "name": "namespace-prefix",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "usually xmlns"
    },
    {
     "name": "attribute-block-name",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "properties of this object become XML attributes"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/json-to-xml-policy",
   "category": "transformation"
  },
  {
   "name": "xml-to-json",
   "kind": "policy",
   "summary": "Converts an XML body to JSON.",
   "sections": [
    "inbound",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "kind",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "javascript-friendly",
       "direct"
      ]
     }
    },
    {
     "name": "apply",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "always",
       "content-type-xml"
      ]
     }
    },
    {
     "name": "consider-accept-header",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "true"
    },
    {
     "name": "always-array-child-elements",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "false"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/xml-to-json-policy",
   "category": "transformation"
  },
  {
   "name": "set-status",
   "kind": "policy",
   "summary": "Sets the HTTP status code (and reason) of the response.",
   "sections": [
    "inbound",
    "backend",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "code",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "int"
     }
    },
    {
     "name": "reason",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "reason phrase"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/set-status-policy",
   "category": "transformation"
  },
  {
   "name": "set-method",
   "kind": "policy",
   "summary": "Changes the HTTP method of the request (element text is the method, e.g. POST).",
   "sections": [
    "inbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/set-method-policy",
   "category": "transformation",
   "content": "HTTP method name; expressions allowed"
  },
  {
   "name": "find-and-replace",
   "kind": "policy",
   "summary": "Replaces every occurrence of a substring in the request or response body.",
   "sections": [
    "inbound",
    "backend",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "from",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "to",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "empty string removes matches"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/find-and-replace-policy",
   "category": "transformation"
  },
  {
   "name": "redirect-content-urls",
   "kind": "policy",
   "summary": "Rewrites backend URLs in the response body to gateway URLs (outbound) or the reverse (inbound). Headers like Location are not changed.",
   "sections": [
    "inbound",
    "outbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/redirect-content-urls-policy",
   "category": "transformation"
  },
  {
   "name": "xsl-transform",
   "kind": "policy",
   "summary": "Applies an XSLT 1.0 stylesheet to an XML request/response body.",
   "sections": [
    "inbound",
    "outbound"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "parameter",
     "required": false,
     "multiple": true
    },
    {
     "name": "xsl:stylesheet",
     "required": true,
     "multiple": false
    }
   ],
   "childElements": {
    "parameter": {
     "attributes": [
      {
       "name": "name",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "doc statement shows 'parameter-name' but examples use 'name' (uncertain which the schema requires; examples use name)"
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/xsl-transform-policy",
   "category": "transformation"
  },
  {
   "name": "return-response",
   "kind": "policy",
   "summary": "Stops the pipeline and returns a response to the caller (default 200 with empty body), optionally built from a variable and child policies.",
   "sections": [
    "inbound",
    "backend",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "response-variable-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "context variable holding a Response object (e.g. from send-request) to return/modify"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "set-status",
     "required": false,
     "multiple": false
    },
    {
     "name": "set-header",
     "required": false,
     "multiple": true
    },
    {
     "name": "set-body",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {
    "set-status": {
     "attributes": [
      {
       "name": "code",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "int"
       }
      },
      {
       "name": "reason",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      }
     ],
     "children": []
    },
    "set-header": {
     "attributes": [
      {
       "name": "name",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "exists-action",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "override",
         "skip",
         "append",
         "delete"
        ]
       },
       "default": "override"
      }
     ],
     "children": [
      {
       "name": "value",
       "required": false,
       "multiple": true
      }
     ]
    },
    "set-body": {
     "attributes": [
      {
       "name": "template",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "liquid",
         "none"
        ]
       }
      },
      {
       "name": "xsi-nil",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "blank",
         "null"
        ]
       },
       "default": "blank"
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/return-response-policy",
   "category": "transformation"
  },
  {
   "name": "mock-response",
   "kind": "policy",
   "summary": "Stops the pipeline and returns a mocked response built from the operation's examples or schemas.",
   "sections": [
    "inbound",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "status-code",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "default": "200"
    },
    {
     "name": "content-type",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "media type used to pick example/schema"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/mock-response-policy",
   "category": "transformation"
  },
  {
   "name": "cors",
   "kind": "policy",
   "summary": "Answers CORS preflight requests and adds CORS headers for allowed origins, methods and headers.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "allow-credentials",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "false"
    },
    {
     "name": "terminate-unmatched-request",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "true",
     "description": "doc table in version read says default false but its troubleshooting section says default true; treat as uncertain"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "allowed-origins",
     "required": true,
     "multiple": false
    },
    {
     "name": "allowed-methods",
     "required": false,
     "multiple": false
    },
    {
     "name": "allowed-headers",
     "required": true,
     "multiple": false
    },
    {
     "name": "expose-headers",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {
    "allowed-origins": {
     "attributes": [],
     "children": [
      {
       "name": "origin",
       "required": true,
       "multiple": true
      }
     ]
    },
    "allowed-methods": {
     "attributes": [
      {
       "name": "preflight-result-max-age",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "int"
       },
       "default": "0",
       "description": "Access-Control-Max-Age seconds"
      }
     ],
     "children": [
      {
       "name": "method",
       "required": true,
       "multiple": true
      }
     ]
    },
    "allowed-headers": {
     "attributes": [],
     "children": [
      {
       "name": "header",
       "required": true,
       "multiple": true
      }
     ]
    },
    "expose-headers": {
     "attributes": [],
     "children": [
      {
       "name": "header",
       "required": true,
       "multiple": true
      }
     ]
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/cors-policy",
   "category": "cross-domain"
  },
  {
   "name": "jsonp",
   "kind": "policy",
   "summary": "Wraps JSON responses in a JavaScript callback when the callback query parameter is present.",
   "sections": [
    "outbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "callback-parameter-name",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/jsonp-policy",
   "category": "cross-domain"
  },
  {
   "name": "cross-domain",
   "kind": "policy",
   "summary": "Serves an Adobe Flash / Silverlight cross-domain policy (crossdomain.xml content).",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "cross-domain-policy",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/cross-domain-policy",
   "category": "cross-domain"
  },
  {
   "name": "forward-request",
   "kind": "policy",
   "summary": "Sends the request to the current backend (API setting or set-backend-service). Without it the backend is not called.",
   "sections": [
    "backend"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "timeout",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "default": "300",
     "description": "seconds until response headers; >240 may not be honored; exclusive with timeout-ms"
    },
    {
     "name": "timeout-ms",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "description": "milliseconds; exclusive with timeout"
    },
    {
     "name": "continue-timeout",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "description": "seconds to wait for 100 Continue"
    },
    {
     "name": "http-version",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "1",
       "2or1",
       "2"
      ]
     },
     "default": "1",
     "description": "HTTP/2 mainly self-hosted gateway"
    },
    {
     "name": "follow-redirects",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "false"
    },
    {
     "name": "buffer-request-body",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "false",
     "description": "needed to resend body on retry"
    },
    {
     "name": "buffer-response",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "bool"
     },
     "default": "true",
     "description": "false for SSE/streaming"
    },
    {
     "name": "fail-on-error-status-code",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "bool"
     },
     "default": "false",
     "description": "true: 400-599 responses jump to on-error"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/forward-request-policy",
   "category": "routing"
  },
  {
   "name": "set-backend-service",
   "kind": "policy",
   "summary": "Changes the backend base URL for the request, either to a URL or to a named backend entity.",
   "sections": [
    "inbound",
    "backend"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "base-url",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "new backend base URL"
    },
    {
     "name": "backend-id",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "backend entity name (single, load-balanced pool, circuit breaker, Service Fabric)"
    },
    {
     "name": "sf-resolve-condition",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "sf-service-instance-name",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "sf-partition-key",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "sf-replica-type",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "primary",
       "secondary"
      ]
     },
     "description": "used in doc example; not in attribute table"
    },
    {
     "name": "sf-listener-name",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "dapr-app-id",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Dapr variant only (backend-id='dapr', self-hosted gateway)"
    },
    {
     "name": "dapr-method",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Dapr variant only"
    },
    {
     "name": "dapr-namespace",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "Dapr variant only"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/set-backend-service-policy",
   "category": "routing"
  },
  {
   "name": "proxy",
   "kind": "policy",
   "summary": "Routes forwarded backend requests through an HTTP proxy (Basic/NTLM auth).",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "url",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "http://host:port (HTTP only to proxy)"
    },
    {
     "name": "username",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "password",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/proxy-policy",
   "category": "routing"
  },
  {
   "name": "send-request",
   "kind": "policy",
   "summary": "Calls another HTTP endpoint and stores the response (IResponse) in a context variable.",
   "sections": [
    "inbound",
    "backend",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "mode",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "new",
       "copy"
      ]
     },
     "default": "new",
     "description": "copy = copy headers/body of current request; in outbound copy does not init body"
    },
    {
     "name": "response-variable-name",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "variable receiving IResponse; created on success"
    },
    {
     "name": "timeout",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "default": "60",
     "description": "seconds"
    },
    {
     "name": "ignore-error",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "bool"
     },
     "default": "false",
     "description": "true: errors ignored and variable set to null"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "set-url",
     "required": false,
     "multiple": false
    },
    {
     "name": "set-method",
     "required": false,
     "multiple": false
    },
    {
     "name": "set-header",
     "required": false,
     "multiple": true
    },
    {
     "name": "set-body",
     "required": false,
     "multiple": false
    },
    {
     "name": "authentication-certificate",
     "required": false,
     "multiple": false
    },
    {
     "name": "authentication-managed-identity",
     "required": false,
     "multiple": false
    },
    {
     "name": "proxy",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {
    "set-header": {
     "attributes": [
      {
       "name": "name",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "exists-action",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "override",
         "skip",
         "append",
         "delete"
        ]
       },
       "default": "override"
      }
     ],
     "children": [
      {
       "name": "value",
       "required": false,
       "multiple": true
      }
     ]
    },
    "set-body": {
     "attributes": [
      {
       "name": "template",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "liquid",
         "none"
        ]
       }
      },
      {
       "name": "xsi-nil",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "blank",
         "null"
        ]
       },
       "default": "blank"
      }
     ],
     "children": []
    },
    "authentication-certificate": {
     "attributes": [
      {
       "name": "thumbprint",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "certificate-id",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "body",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "password",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      }
     ],
     "children": []
    },
    "authentication-managed-identity": {
     "attributes": [
      {
       "name": "resource",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "client-id",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "output-token-variable-name",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "ignore-error",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "bool"
       },
       "default": "false"
      }
     ],
     "children": []
    },
    "proxy": {
     "attributes": [
      {
       "name": "url",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "username",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "password",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/send-request-policy",
   "category": "integration"
  },
  {
   "name": "send-one-way-request",
   "kind": "policy",
   "summary": "Fires an HTTP request without waiting for its response.",
   "sections": [
    "inbound",
    "backend",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "mode",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "new",
       "copy"
      ]
     },
     "default": "new"
    },
    {
     "name": "timeout",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "default": "60"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "set-url",
     "required": false,
     "multiple": false
    },
    {
     "name": "set-method",
     "required": false,
     "multiple": false
    },
    {
     "name": "set-header",
     "required": false,
     "multiple": true
    },
    {
     "name": "set-body",
     "required": false,
     "multiple": false
    },
    {
     "name": "authentication-certificate",
     "required": false,
     "multiple": false
    },
    {
     "name": "proxy",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {
    "set-header": {
     "attributes": [
      {
       "name": "name",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "exists-action",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "override",
         "skip",
         "append",
         "delete"
        ]
       },
       "default": "override"
      }
     ],
     "children": [
      {
       "name": "value",
       "required": false,
       "multiple": true
      }
     ]
    },
    "set-body": {
     "attributes": [
      {
       "name": "template",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "liquid",
         "none"
        ]
       }
      },
      {
       "name": "xsi-nil",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "blank",
         "null"
        ]
       },
       "default": "blank"
      }
     ],
     "children": []
    },
    "authentication-certificate": {
     "attributes": [
      {
       "name": "thumbprint",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "certificate-id",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "body",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "password",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      }
     ],
     "children": []
    },
    "authentication-managed-identity": {
     "attributes": [
      {
       "name": "resource",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "client-id",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "output-token-variable-name",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "ignore-error",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "bool"
       },
       "default": "false"
      }
     ],
     "children": []
    },
    "proxy": {
     "attributes": [
      {
       "name": "url",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "username",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "password",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/send-one-way-request-policy",
   "category": "integration"
  },
  {
   "name": "log-to-eventhub",
   "kind": "policy",
   "summary": "Sends a message (element text / expression) to an Event Hub through a logger.",
   "sections": [
    "inbound",
    "backend",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "logger-id",
     "required": true,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "ID of an Event Hub logger entity"
    },
    {
     "name": "partition-id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "exclusive with partition-key"
    },
    {
     "name": "partition-key",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "exclusive with partition-id"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/log-to-eventhub-policy",
   "category": "logging",
   "content": "string or expression to log (max 200 KB, truncated beyond)"
  },
  {
   "name": "set-backend-service",
   "kind": "policy",
   "summary": "Dapr form of set-backend-service: targets http://localhost:3500/v1.0/invoke/{app-id}[.{ns}]/method/{method} via the Dapr sidecar.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "backend-id",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "dapr"
      ]
     },
     "description": "must be 'dapr'"
    },
    {
     "name": "dapr-app-id",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "dapr-method",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "dapr-namespace",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/set-backend-service-dapr-policy",
   "variantOf": "set-backend-service",
   "variant": "dapr",
   "category": "dapr"
  },
  {
   "name": "publish-to-dapr",
   "kind": "policy",
   "summary": "Publishes the element content as a message to a Dapr pub/sub topic.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "pubsub-name",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "if absent, topic must be 'pubsub-name/topic-name'"
    },
    {
     "name": "topic",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "ignore-error",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "bool"
     },
     "default": "false"
    },
    {
     "name": "response-variable-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "timeout",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "default": "5",
     "description": "1-240 seconds"
    },
    {
     "name": "template",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "Liquid"
      ]
     }
    },
    {
     "name": "content-type",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "application/json"
      ]
     }
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/publish-to-dapr-policy",
   "category": "dapr",
   "content": "message content (text/expression)"
  },
  {
   "name": "invoke-dapr-binding",
   "kind": "policy",
   "summary": "Triggers a Dapr output binding with optional metadata and data.",
   "sections": [
    "inbound",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "name",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "operation",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "ignore-error",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "bool"
     },
     "default": "false"
    },
    {
     "name": "response-variable-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "timeout",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "default": "5",
     "description": "1-240 seconds"
    },
    {
     "name": "template",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "Liquid"
      ]
     }
    },
    {
     "name": "content-type",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "application/json"
      ]
     }
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "metadata",
     "required": false,
     "multiple": false
    },
    {
     "name": "data",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {
    "metadata": {
     "attributes": [],
     "children": [
      {
       "name": "item",
       "required": false,
       "multiple": true
      }
     ]
    },
    "item": {
     "attributes": [
      {
       "name": "key",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/invoke-dapr-binding-policy",
   "category": "dapr"
  },
  {
   "name": "trace",
   "kind": "policy",
   "summary": "Writes a custom trace to the test-console trace, Application Insights traces and resource logs.",
   "sections": [
    "inbound",
    "outbound",
    "backend"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "source",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "string literal"
    },
    {
     "name": "severity",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "verbose",
       "information",
       "error"
      ]
     },
     "default": "verbose"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "message",
     "required": true,
     "multiple": false
    },
    {
     "name": "metadata",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {
    "metadata": {
     "attributes": [
      {
       "name": "name",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "value",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/trace-policy",
   "category": "logging"
  },
  {
   "name": "emit-metric",
   "kind": "policy",
   "summary": "Sends a custom metric with dimensions to Application Insights.",
   "sections": [
    "inbound",
    "backend",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "name",
     "required": true,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "namespace",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "default": "API Management"
    },
    {
     "name": "value",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "number"
     },
     "default": "1"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "dimension",
     "required": true,
     "multiple": true
    }
   ],
   "childElements": {
    "dimension": {
     "attributes": [
      {
       "name": "name",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "default dimensions usable without value: API ID, Operation ID, Product ID, User ID, Subscription ID, Location, Gateway ID (+ Backend ID / Model for LLM in newer docs)"
      },
      {
       "name": "value",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "omit only for default dimension names"
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/emit-metric-policy",
   "category": "logging"
  },
  {
   "name": "choose",
   "kind": "policy",
   "summary": "If/else-if/else: applies the policies in the first <when> whose condition is true, else <otherwise>.",
   "sections": [
    "inbound",
    "backend",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "when",
     "required": true,
     "multiple": true
    },
    {
     "name": "otherwise",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {
    "when": {
     "attributes": [
      {
       "name": "condition",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "bool-expression"
       },
       "description": "Boolean expression or constant, e.g. @(context.Request.Method == \"POST\")"
      }
     ],
     "children": [
      {
       "name": "*policy*",
       "required": false,
       "multiple": true
      }
     ]
    },
    "otherwise": {
     "attributes": [],
     "children": [
      {
       "name": "*policy*",
       "required": false,
       "multiple": true
      }
     ]
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/choose-policy",
   "category": "control-flow"
  },
  {
   "name": "include-fragment",
   "kind": "policy",
   "summary": "Inlines a named policy fragment at this position.",
   "sections": [
    "inbound",
    "backend",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "fragment-id",
     "required": true,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "policy fragment name"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/include-fragment-policy",
   "category": "control-flow"
  },
  {
   "name": "retry",
   "kind": "policy",
   "summary": "Runs child policies once, then repeats them while condition is true, up to count times (fixed, linear or exponential waits).",
   "sections": [
    "inbound",
    "backend",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "condition",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "bool-expression"
     },
     "description": "keep retrying while true"
    },
    {
     "name": "count",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "int",
      "min": 1,
      "max": 50
     }
    },
    {
     "name": "interval",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "int"
     }
    },
    {
     "name": "max-interval",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     }
    },
    {
     "name": "delta",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     }
    },
    {
     "name": "first-fast-retry",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "bool"
     },
     "default": "false"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "*policy*",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/retry-policy",
   "category": "control-flow"
  },
  {
   "name": "wait",
   "kind": "policy",
   "summary": "Runs its direct child policies in parallel and waits for all or the first to finish.",
   "sections": [
    "inbound",
    "outbound",
    "backend"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "for",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "all",
       "any"
      ]
     },
     "default": "all"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "send-request",
     "required": false,
     "multiple": true
    },
    {
     "name": "cache-lookup-value",
     "required": false,
     "multiple": true
    },
    {
     "name": "choose",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/wait-policy",
   "category": "control-flow"
  },
  {
   "name": "send-service-bus-message",
   "kind": "policy",
   "summary": "Sends a message to an Azure Service Bus queue or topic using a managed identity (preview).",
   "sections": [
    "inbound",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "queue-name",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "queue-name or topic-name required"
    },
    {
     "name": "topic-name",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "namespace",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "FQDN e.g. my-sb.servicebus.windows.net"
    },
    {
     "name": "client-id",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "description": "user-assigned identity; default system-assigned; needs Azure Service Bus Data Sender role"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "payload",
     "required": true,
     "multiple": false
    },
    {
     "name": "message-properties",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {
    "message-properties": {
     "attributes": [],
     "children": [
      {
       "name": "message-property",
       "required": true,
       "multiple": true
      }
     ]
    },
    "message-property": {
     "attributes": [
      {
       "name": "name",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/send-service-bus-message-policy",
   "category": "integration"
  },
  {
   "name": "validate-content",
   "kind": "policy",
   "summary": "Validates request/response body size and content against the API's JSON/XML/SOAP schema.",
   "sections": [
    "inbound",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "unspecified-content-type-action",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "ignore",
       "prevent",
       "detect"
      ]
     }
    },
    {
     "name": "max-size",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "description": "max 102400 (100 KB), checked against Content-Length"
    },
    {
     "name": "size-exceeded-action",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "ignore",
       "prevent",
       "detect"
      ]
     }
    },
    {
     "name": "errors-variable-name",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "content-type-map",
     "required": false,
     "multiple": false
    },
    {
     "name": "content",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {
    "content-type-map": {
     "attributes": [
      {
       "name": "any-content-type-value",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "missing-content-type-value",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      }
     ],
     "children": [
      {
       "name": "type",
       "required": false,
       "multiple": true
      }
     ]
    },
    "type": {
     "attributes": [
      {
       "name": "from",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "known incoming content type; or use when"
      },
      {
       "name": "when",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "expression condition"
      },
      {
       "name": "to",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      }
     ],
     "children": []
    },
    "content": {
     "attributes": [
      {
       "name": "type",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "content type; empty = all types in schema"
      },
      {
       "name": "validate-as",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "json",
         "xml",
         "soap"
        ]
       }
      },
      {
       "name": "schema-id",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "schema-ref",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "JSON only, e.g. #/components/schemas/address"
      },
      {
       "name": "action",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "ignore",
         "prevent",
         "detect"
        ]
       }
      },
      {
       "name": "allow-additional-properties",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "bool"
       }
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/validate-content-policy",
   "category": "validation"
  },
  {
   "name": "validate-parameters",
   "kind": "policy",
   "summary": "Validates request header, query and path parameters against the API schema.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "specified-parameter-action",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "ignore",
       "prevent",
       "detect"
      ]
     }
    },
    {
     "name": "unspecified-parameter-action",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "ignore",
       "prevent",
       "detect"
      ]
     }
    },
    {
     "name": "errors-variable-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "headers",
     "required": false,
     "multiple": false
    },
    {
     "name": "query",
     "required": false,
     "multiple": false
    },
    {
     "name": "path",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {
    "headers": {
     "attributes": [
      {
       "name": "specified-parameter-action",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "ignore",
         "prevent",
         "detect"
        ]
       }
      },
      {
       "name": "unspecified-parameter-action",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "ignore",
         "prevent",
         "detect"
        ]
       }
      }
     ],
     "children": [
      {
       "name": "parameter",
       "required": false,
       "multiple": true
      }
     ]
    },
    "query": {
     "attributes": [
      {
       "name": "specified-parameter-action",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "ignore",
         "prevent",
         "detect"
        ]
       }
      },
      {
       "name": "unspecified-parameter-action",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "ignore",
         "prevent",
         "detect"
        ]
       }
      }
     ],
     "children": [
      {
       "name": "parameter",
       "required": false,
       "multiple": true
      }
     ]
    },
    "path": {
     "attributes": [
      {
       "name": "specified-parameter-action",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "ignore",
         "prevent",
         "detect"
        ]
       }
      }
     ],
     "children": [
      {
       "name": "parameter",
       "required": false,
       "multiple": true
      }
     ]
    },
    "parameter": {
     "attributes": [
      {
       "name": "name",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "action",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "ignore",
         "prevent",
         "detect"
        ]
       }
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/validate-parameters-policy",
   "category": "validation"
  },
  {
   "name": "validate-headers",
   "kind": "policy",
   "summary": "Validates response headers against the API schema.",
   "sections": [
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "specified-header-action",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "ignore",
       "prevent",
       "detect"
      ]
     }
    },
    {
     "name": "unspecified-header-action",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "ignore",
       "prevent",
       "detect"
      ]
     }
    },
    {
     "name": "errors-variable-name",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "header",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {
    "header": {
     "attributes": [
      {
       "name": "name",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "action",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "ignore",
         "prevent",
         "detect"
        ]
       }
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/validate-headers-policy",
   "category": "validation"
  },
  {
   "name": "validate-status-code",
   "kind": "policy",
   "summary": "Validates response status codes against those declared in the API schema.",
   "sections": [
    "outbound",
    "on-error"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "unspecified-status-code-action",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "enum",
      "values": [
       "ignore",
       "prevent",
       "detect"
      ]
     }
    },
    {
     "name": "errors-variable-name",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "status-code",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {
    "status-code": {
     "attributes": [
      {
       "name": "code",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "int"
       }
      },
      {
       "name": "action",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "ignore",
         "prevent",
         "detect"
        ]
       }
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/validate-status-code-policy",
   "category": "validation"
  },
  {
   "name": "validate-graphql-request",
   "kind": "policy",
   "summary": "Validates a GraphQL request against the schema and authorizes fields by path.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted"
   ],
   "attributes": [
    {
     "name": "error-variable-name",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "max-size",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "description": "max 102400"
    },
    {
     "name": "max-depth",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     },
     "default": "6"
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "authorize",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {
    "authorize": {
     "attributes": [],
     "children": [
      {
       "name": "rule",
       "required": false,
       "multiple": true
      }
     ]
    },
    "rule": {
     "attributes": [
      {
       "name": "path",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "/type/field, '/__*' = introspection"
      },
      {
       "name": "action",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "allow",
         "remove",
         "reject",
         "ignore"
        ]
       },
       "default": "allow"
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/validate-graphql-request-policy",
   "category": "validation"
  },
  {
   "name": "validate-odata-request",
   "kind": "policy",
   "summary": "Checks an OData request's URL, headers and parameters for OData spec conformance.",
   "sections": [
    "inbound"
   ],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [
    {
     "name": "error-variable-name",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "default-odata-version",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     },
     "default": "4.0"
    },
    {
     "name": "min-odata-version",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "max-odata-version",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "max-size",
     "required": false,
     "expressions": true,
     "value": {
      "kind": "int"
     }
    },
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/validate-odata-request-policy",
   "category": "validation"
  },
  {
   "name": "http-data-source",
   "kind": "policy",
   "summary": "GraphQL resolver that fetches field data with an HTTP request and optional response shaping.",
   "sections": [],
   "scopes": [
    "graphql-resolver"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption"
   ],
   "attributes": [
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "http-request",
     "required": true,
     "multiple": false
    },
    {
     "name": "backend",
     "required": false,
     "multiple": false
    },
    {
     "name": "http-response",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {
    "http-request": {
     "attributes": [],
     "children": [
      {
       "name": "get-authorization-context",
       "required": false,
       "multiple": false
      },
      {
       "name": "set-backend-service",
       "required": false,
       "multiple": false
      },
      {
       "name": "include-fragment",
       "required": false,
       "multiple": true
      },
      {
       "name": "set-method",
       "required": true,
       "multiple": false
      },
      {
       "name": "set-url",
       "required": true,
       "multiple": false
      },
      {
       "name": "set-header",
       "required": false,
       "multiple": true
      },
      {
       "name": "set-body",
       "required": false,
       "multiple": false
      },
      {
       "name": "authentication-certificate",
       "required": false,
       "multiple": false
      }
     ]
    },
    "backend": {
     "attributes": [],
     "children": [
      {
       "name": "forward-request",
       "required": false,
       "multiple": false
      }
     ]
    },
    "http-response": {
     "attributes": [],
     "children": [
      {
       "name": "set-body",
       "required": false,
       "multiple": false
      },
      {
       "name": "xml-to-json",
       "required": false,
       "multiple": false
      },
      {
       "name": "find-and-replace",
       "required": false,
       "multiple": false
      },
      {
       "name": "publish-event",
       "required": false,
       "multiple": false
      },
      {
       "name": "include-fragment",
       "required": false,
       "multiple": true
      }
     ]
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/http-data-source-policy",
   "category": "graphql"
  },
  {
   "name": "sql-data-source",
   "kind": "policy",
   "summary": "GraphQL resolver that runs a T-SQL statement against Azure SQL.",
   "sections": [],
   "scopes": [
    "graphql-resolver"
   ],
   "gateways": [
    "classic",
    "v2"
   ],
   "attributes": [
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "connection-info",
     "required": true,
     "multiple": false
    },
    {
     "name": "include-fragment",
     "required": false,
     "multiple": true
    },
    {
     "name": "request",
     "required": true,
     "multiple": false
    },
    {
     "name": "response",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {
    "connection-info": {
     "attributes": [],
     "children": [
      {
       "name": "connection-string",
       "required": true,
       "multiple": false
      },
      {
       "name": "include-fragment",
       "required": false,
       "multiple": true
      },
      {
       "name": "authentication-certificate",
       "required": false,
       "multiple": false
      }
     ]
    },
    "connection-string": {
     "attributes": [
      {
       "name": "use-managed-identity",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "bool"
       },
       "default": "false"
      }
     ],
     "children": []
    },
    "request": {
     "attributes": [
      {
       "name": "single-result",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "bool"
       },
       "default": "false"
      }
     ],
     "children": [
      {
       "name": "include-fragment",
       "required": false,
       "multiple": false
      },
      {
       "name": "set-body",
       "required": false,
       "multiple": false
      },
      {
       "name": "sql-statement",
       "required": true,
       "multiple": false
      },
      {
       "name": "parameters",
       "required": false,
       "multiple": false
      }
     ]
    },
    "parameters": {
     "attributes": [],
     "children": [
      {
       "name": "parameter",
       "required": true,
       "multiple": true
      }
     ]
    },
    "parameter": {
     "attributes": [
      {
       "name": "name",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "@name"
      },
      {
       "name": "sql-type",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      }
     ],
     "children": []
    },
    "response": {
     "attributes": [],
     "children": [
      {
       "name": "include-fragment",
       "required": false,
       "multiple": false
      },
      {
       "name": "set-body",
       "required": false,
       "multiple": false
      },
      {
       "name": "publish-event",
       "required": false,
       "multiple": false
      }
     ]
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/sql-data-source-policy",
   "category": "graphql"
  },
  {
   "name": "cosmosdb-data-source",
   "kind": "policy",
   "summary": "GraphQL resolver that queries, reads, writes or deletes items in a Cosmos DB container.",
   "sections": [],
   "scopes": [
    "graphql-resolver"
   ],
   "gateways": [
    "classic",
    "v2"
   ],
   "attributes": [
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "connection-info",
     "required": true,
     "multiple": false
    },
    {
     "name": "query-request",
     "required": false,
     "multiple": false
    },
    {
     "name": "read-request",
     "required": false,
     "multiple": false
    },
    {
     "name": "delete-request",
     "required": false,
     "multiple": false
    },
    {
     "name": "write-request",
     "required": false,
     "multiple": false
    },
    {
     "name": "response",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {
    "connection-info": {
     "attributes": [],
     "children": [
      {
       "name": "connection-string",
       "required": true,
       "multiple": false
      },
      {
       "name": "database-name",
       "required": true,
       "multiple": false
      },
      {
       "name": "container-name",
       "required": true,
       "multiple": false
      }
     ]
    },
    "connection-string": {
     "attributes": [
      {
       "name": "use-managed-identity",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "bool"
       },
       "default": "false"
      }
     ],
     "children": []
    },
    "query-request": {
     "attributes": [
      {
       "name": "enable-low-precision-order-by",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "bool"
       }
      }
     ],
     "children": [
      {
       "name": "sql-statement",
       "required": false,
       "multiple": false
      },
      {
       "name": "parameters",
       "required": false,
       "multiple": false
      },
      {
       "name": "partition-key",
       "required": false,
       "multiple": false
      },
      {
       "name": "paging",
       "required": false,
       "multiple": false
      }
     ]
    },
    "paging": {
     "attributes": [],
     "children": [
      {
       "name": "max-item-count",
       "required": true,
       "multiple": false
      },
      {
       "name": "continuation-token",
       "required": true,
       "multiple": false
      }
     ]
    },
    "read-request": {
     "attributes": [],
     "children": [
      {
       "name": "id",
       "required": true,
       "multiple": false
      },
      {
       "name": "partition-key",
       "required": false,
       "multiple": false
      }
     ]
    },
    "delete-request": {
     "attributes": [
      {
       "name": "consistency-level",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "bounded-staleness",
         "consistent-prefix",
         "eventual",
         "session",
         "strong"
        ]
       }
      },
      {
       "name": "pre-trigger",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "post-trigger",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      }
     ],
     "children": [
      {
       "name": "etag",
       "required": false,
       "multiple": false
      },
      {
       "name": "id",
       "required": true,
       "multiple": false
      },
      {
       "name": "partition-key",
       "required": false,
       "multiple": false
      }
     ]
    },
    "write-request": {
     "attributes": [
      {
       "name": "type",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "insert",
         "replace",
         "upsert"
        ]
       },
       "default": "upsert"
      },
      {
       "name": "consistency-level",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "bounded-staleness",
         "consistent-prefix",
         "eventual",
         "session",
         "strong"
        ]
       }
      },
      {
       "name": "indexing-directive",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "default": "default"
      },
      {
       "name": "pre-trigger",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      },
      {
       "name": "post-trigger",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "string"
       }
      }
     ],
     "children": [
      {
       "name": "id",
       "required": false,
       "multiple": false
      },
      {
       "name": "partition-key",
       "required": false,
       "multiple": false
      },
      {
       "name": "etag",
       "required": false,
       "multiple": false
      },
      {
       "name": "set-body",
       "required": false,
       "multiple": false
      }
     ]
    },
    "partition-key": {
     "attributes": [
      {
       "name": "data-type",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "string",
         "number",
         "bool",
         "none",
         "null"
        ]
       },
       "default": "string"
      },
      {
       "name": "template",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "liquid"
        ]
       }
      }
     ],
     "children": []
    },
    "etag": {
     "attributes": [
      {
       "name": "type",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "match",
         "no-match"
        ]
       },
       "default": "match"
      },
      {
       "name": "template",
       "required": false,
       "expressions": true,
       "value": {
        "kind": "enum",
        "values": [
         "liquid"
        ]
       }
      }
     ],
     "children": []
    },
    "response": {
     "attributes": [],
     "children": [
      {
       "name": "set-body",
       "required": false,
       "multiple": false
      },
      {
       "name": "publish-event",
       "required": false,
       "multiple": false
      }
     ]
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/cosmosdb-data-source-policy",
   "category": "graphql"
  },
  {
   "name": "publish-event",
   "kind": "policy",
   "summary": "Publishes an event to GraphQL subscription(s) from a resolver response.",
   "sections": [],
   "scopes": [
    "graphql-resolver"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption"
   ],
   "attributes": [
    {
     "name": "id",
     "required": false,
     "expressions": false,
     "value": {
      "kind": "string"
     },
     "description": "optional on any policy element; value reported as context.LastError.PolicyId (literal identifier)"
    }
   ],
   "children": [
    {
     "name": "targets",
     "required": true,
     "multiple": false
    }
   ],
   "childElements": {
    "targets": {
     "attributes": [],
     "children": [
      {
       "name": "graphql-subscription",
       "required": true,
       "multiple": true
      }
     ]
    },
    "graphql-subscription": {
     "attributes": [
      {
       "name": "id",
       "required": true,
       "expressions": true,
       "value": {
        "kind": "string"
       },
       "description": "subscription field name"
      }
     ],
     "children": []
    }
   },
   "doc": "https://learn.microsoft.com/azure/api-management/publish-event-policy",
   "category": "graphql"
  },
  {
   "name": "set-graphql-resolver",
   "kind": "policy",
   "summary": "Retired synthetic-GraphQL resolver policy, replaced by http-data-source resolvers (not re-verified; flag as deprecated).",
   "sections": [],
   "scopes": [],
   "gateways": [],
   "attributes": [
    {
     "name": "parent-type",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    },
    {
     "name": "field",
     "required": true,
     "expressions": true,
     "value": {
      "kind": "string"
     }
    }
   ],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/set-graphql-resolver-policy",
   "category": "graphql"
  },
  {
   "name": "policies",
   "kind": "structural",
   "summary": "Root element of a policy definition at global/workspace/product/API/operation scope.",
   "sections": [],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [],
   "children": [
    {
     "name": "inbound",
     "required": false,
     "multiple": false
    },
    {
     "name": "backend",
     "required": false,
     "multiple": false
    },
    {
     "name": "outbound",
     "required": false,
     "multiple": false
    },
    {
     "name": "on-error",
     "required": false,
     "multiple": false
    }
   ],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/api-management-howto-policies"
  },
  {
   "name": "inbound",
   "kind": "structural",
   "summary": "Runs on the incoming request before the backend is called.",
   "sections": [],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [],
   "children": [
    {
     "name": "base",
     "required": false,
     "multiple": false
    },
    {
     "name": "*policy*",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/api-management-howto-policies"
  },
  {
   "name": "backend",
   "kind": "structural",
   "summary": "Runs before/around forwarding the request to the backend (forward-request lives here).",
   "sections": [],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [],
   "children": [
    {
     "name": "base",
     "required": false,
     "multiple": false
    },
    {
     "name": "*policy*",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/api-management-howto-policies"
  },
  {
   "name": "outbound",
   "kind": "structural",
   "summary": "Runs on the response before it is returned to the caller.",
   "sections": [],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [],
   "children": [
    {
     "name": "base",
     "required": false,
     "multiple": false
    },
    {
     "name": "*policy*",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/api-management-howto-policies"
  },
  {
   "name": "on-error",
   "kind": "structural",
   "summary": "Runs when any earlier step raises an error; context.LastError describes it.",
   "sections": [],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [],
   "children": [
    {
     "name": "base",
     "required": false,
     "multiple": false
    },
    {
     "name": "*policy*",
     "required": false,
     "multiple": true
    }
   ],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/api-management-howto-policies"
  },
  {
   "name": "base",
   "kind": "structural",
   "summary": "Placeholder that inserts the parent scope's policies for the enclosing section.",
   "sections": [
    "inbound",
    "backend",
    "outbound",
    "on-error"
   ],
   "scopes": [
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [],
   "children": [],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/api-management-howto-policies"
  },
  {
   "name": "fragment",
   "kind": "structural",
   "summary": "Root element of a policy fragment document; holds reusable policy statements inserted by include-fragment.",
   "sections": [],
   "scopes": [
    "global",
    "workspace",
    "product",
    "api",
    "operation"
   ],
   "gateways": [
    "classic",
    "v2",
    "consumption",
    "self-hosted",
    "workspace"
   ],
   "attributes": [],
   "children": [
    {
     "name": "*policy*",
     "required": true,
     "multiple": true
    }
   ],
   "childElements": {},
   "doc": "https://learn.microsoft.com/azure/api-management/policy-fragments"
  }
 ],
 "setVariableTypes": [],
 "liquidFilters": []
};
