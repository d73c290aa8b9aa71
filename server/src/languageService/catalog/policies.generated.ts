// Generated from data/policies.json by scripts/generate-catalog.js. Do not edit by hand:
// change the data and run `node scripts/generate-catalog.js` (with --check it reports a stale file).
import type { CatalogData } from './types';

export const catalogData: CatalogData = {
  "elements": [
    {
      "name": "authentication-managed-identity",
      "kind": "policy",
      "category": "authentication",
      "summary": "Obtains a Microsoft Entra access token with the APIM managed identity and passes it to the backend as a Bearer token in the Authorization header, caching it until it expires.",
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
          "description": "Application ID or App ID URI of the resource the token is for, such as https://management.azure.com/, https://cognitiveservices.azure.com, https://vault.azure.net, https://storage.azure.com/ or https://database.windows.net/.",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "client-id",
          "description": "Client ID of the user-assigned identity to use; leave it out to use the system-assigned identity.",
          "required": false,
          "expressions": false,
          "default": "system-assigned identity",
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "output-token-variable-name",
          "description": "Context variable that gets the token as a string, so you can place the header yourself.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "ignore-error",
          "description": "When true, the pipeline carries on even if no token could be obtained.",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/authentication-managed-identity-policy",
      "docDate": "2024-07-23",
      "notes": [
        "It may also appear inside <send-request>, where it authenticates that outgoing call.",
        "The docs list only inbound, but deployed policies also use it in outbound (to fetch a token into a variable)."
      ]
    },
    {
      "name": "authentication-basic",
      "kind": "policy",
      "category": "authentication",
      "summary": "Puts HTTP Basic credentials in the Authorization header of the backend request.",
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
        "self-hosted",
        "workspace"
      ],
      "attributes": [
        {
          "name": "username",
          "description": "User name for Basic authentication.",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "password",
          "description": "Password for Basic authentication; a secret {{named value}} is the safer choice.",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/authentication-basic-policy",
      "docDate": "2022-12-01",
      "notes": [
        "Per the doc page consulted the gateways are 'dedicated, consumption, self-hosted' (dedicated covers classic and v2); the policy index says every gateway kind supports it.",
        "The doc page consulted does not say whether username and password accept expressions.",
        "The doc page consulted was written before workspace scope existed; current docs may add it."
      ]
    },
    {
      "name": "authentication-certificate",
      "kind": "policy",
      "category": "authentication",
      "summary": "Authenticates to the backend with a client certificate (mutual TLS).",
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
          "name": "thumbprint",
          "description": "Thumbprint of a client certificate uploaded to APIM.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "certificate-id",
          "description": "Name of the certificate resource; better for Key Vault certificates, whose thumbprint changes when they rotate.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "body",
          "description": "The certificate itself as a byte array, for a certificate that is not in the certificate store.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "password",
          "description": "Password of the certificate supplied through body.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/authentication-certificate-policy",
      "docDate": "2022-12-01",
      "constraints": [
        "Identify the certificate with exactly one of thumbprint, certificate-id or body."
      ]
    },
    {
      "name": "check-header",
      "kind": "policy",
      "category": "authentication",
      "summary": "Makes a request header mandatory and can restrict it to listed values, answering with the configured error otherwise.",
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
        "self-hosted",
        "workspace"
      ],
      "attributes": [
        {
          "name": "name",
          "description": "Name of the header to check.",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "failed-check-httpcode",
          "description": "HTTP status code returned when the header is absent or has a value that is not allowed.",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "int"
          }
        },
        {
          "name": "failed-check-error-message",
          "description": "Message put in the response body when the check fails; escape special characters.",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "ignore-case",
          "description": "Whether header values are compared without regard to case.",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [
        {
          "name": "value",
          "required": false,
          "multiple": true
        }
      ],
      "childElements": {
        "value": {
          "attributes": [],
          "children": [],
          "content": "An accepted value for the header; matching any one of them is enough.",
          "body": true
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/check-header-policy",
      "docDate": "2022-12-08",
      "notes": [
        "The doc page consulted was written before workspace scope existed; current docs may add it."
      ]
    },
    {
      "name": "validate-jwt",
      "kind": "policy",
      "category": "authentication",
      "summary": "Demands a JWT (from a header, query parameter or expression) and checks signature, expiry, audience, issuer and the claims you require.",
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
          "name": "header-name",
          "description": "Header that carries the token, for example Authorization.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "query-parameter-name",
          "description": "Query parameter that carries the token.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "token-value",
          "description": "Expression that yields the bare token string, without the 'Bearer ' prefix.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "failed-validation-httpcode",
          "required": false,
          "expressions": true,
          "default": "401",
          "value": {
            "kind": "int"
          }
        },
        {
          "name": "failed-validation-error-message",
          "description": "Response body on failure; the default varies with the cause (for example 'JWT not present.'). Escape special characters.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "require-expiration-time",
          "description": "Whether the token must include an exp claim.",
          "required": false,
          "expressions": true,
          "default": "true",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "require-scheme",
          "description": "Required scheme such as Bearer; checked only for the Authorization header, not for a custom header-name.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "require-signed-tokens",
          "required": false,
          "expressions": true,
          "default": "true",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "clock-skew",
          "description": "Tolerated clock difference, in seconds.",
          "required": false,
          "expressions": true,
          "default": "0",
          "value": {
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "output-token-variable-name",
          "description": "Context variable that gets the validated token as a Jwt object.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [
        {
          "name": "openid-config",
          "required": false,
          "multiple": true,
          "description": "OpenID Connect discovery endpoint; signing keys and issuer are read from it and cached for about an hour."
        },
        {
          "name": "issuer-signing-keys",
          "required": false,
          "multiple": false,
          "description": "Holds <key> elements."
        },
        {
          "name": "decryption-keys",
          "required": false,
          "multiple": false,
          "description": "Holds <key> elements."
        },
        {
          "name": "audiences",
          "required": false,
          "multiple": false,
          "description": "Holds <audience> elements; when present it needs at least one."
        },
        {
          "name": "issuers",
          "required": false,
          "multiple": false,
          "description": "Holds <issuer> elements."
        },
        {
          "name": "required-claims",
          "required": false,
          "multiple": false,
          "description": "Holds <claim> elements."
        }
      ],
      "childElements": {
        "openid-config": {
          "attributes": [
            {
              "name": "url",
              "description": "Complete URL of the .well-known/openid-configuration document, such as https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration.",
              "required": true,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
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
              "description": "Compared with the token's 'kid' header.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "certificate-id",
              "description": "ID of an uploaded certificate that holds the public key.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "n",
              "description": "RSA modulus, Base64url encoded; needs e as well.",
              "required": false,
              "expressions": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "e",
              "description": "RSA exponent, Base64url encoded; needs n as well.",
              "required": false,
              "expressions": false,
              "value": {
                "kind": "string"
              }
            }
          ],
          "children": [],
          "content": "A Base64-encoded symmetric key, given as text when no attribute is used."
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
              "description": "Name of the claim as it appears in the token.",
              "required": true,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "match",
              "description": "all: each listed value must be in the token; any: one of them is enough.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "default": "all",
              "value": {
                "kind": "enum",
                "values": [
                  "all",
                  "any"
                ]
              }
            },
            {
              "name": "separator",
              "description": "Character that splits a multi-valued claim, for example ','.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
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
        "audience": {
          "attributes": [],
          "children": [],
          "content": "An aud value to accept; expressions work, for example @(context.Request.OriginalUrl.Host)."
        },
        "issuer": {
          "attributes": [],
          "children": [],
          "content": "An iss value to accept."
        },
        "value": {
          "attributes": [],
          "children": [],
          "content": "A value the claim is expected to have.",
          "body": true
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/validate-jwt-policy",
      "docDate": "2024-03-18",
      "constraints": [
        "Give exactly one of header-name, query-parameter-name or token-value.",
        "The token needs an exp claim unless require-expiration-time is 'false'.",
        "Symmetric algorithms A128CBC-HS256, A192CBC-HS384 and A256CBC-HS512 take an inline Base64 key; asymmetric PS256, RS256 and RS512 take openid-config, certificate-id or n and e.",
        "On a self-hosted gateway, the openid-config URLs must be reachable from the cloud gateway too."
      ]
    },
    {
      "name": "validate-azure-ad-token",
      "kind": "policy",
      "category": "authentication",
      "summary": "Verifies a Microsoft Entra ID token for a given tenant, including client application IDs, audiences and claims.",
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
          "name": "tenant-id",
          "description": "Entra tenant ID or domain name such as contoso.onmicrosoft.com; a named value works.",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "header-name",
          "description": "Header that carries the token.",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "default": "Authorization",
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "query-parameter-name",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "token-value",
          "description": "Expression that yields the token without the 'Bearer' prefix.",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "authentication-endpoint",
          "description": "Microsoft Entra authority to use, for clouds other than the public one (shown in newer docs).",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "failed-validation-httpcode",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "default": "401",
          "value": {
            "kind": "int"
          }
        },
        {
          "name": "failed-validation-error-message",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "output-token-variable-name",
          "description": "Context variable that gets the validated token as a Jwt object.",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [
        {
          "name": "client-application-ids",
          "required": false,
          "multiple": false,
          "description": "Holds <application-id> elements, at least one. The docs mark it required, but deployed policies omit it and check audiences instead."
        },
        {
          "name": "backend-application-ids",
          "required": false,
          "multiple": false,
          "description": "Holds <application-id> elements; seldom needed."
        },
        {
          "name": "audiences",
          "required": false,
          "multiple": false,
          "description": "Holds <audience> elements."
        },
        {
          "name": "required-claims",
          "required": false,
          "multiple": false,
          "description": "Holds <claim> elements."
        },
        {
          "name": "decryption-keys",
          "required": false,
          "multiple": false,
          "description": "Holds <key> elements; only newer doc versions show it (not the 2022 page), so it is uncertain."
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
              "description": "Name of the claim as it appears in the token.",
              "required": true,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "match",
              "description": "all: each listed value must be in the token; any: one of them is enough.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "default": "all",
              "value": {
                "kind": "enum",
                "values": [
                  "all",
                  "any"
                ]
              }
            },
            {
              "name": "separator",
              "description": "Character that splits a multi-valued claim, for example ','.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
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
        "application-id": {
          "attributes": [],
          "children": [],
          "content": "GUID of an accepted client application (appid or azp claim)."
        },
        "value": {
          "attributes": [],
          "children": [],
          "content": "A value the claim is expected to have.",
          "body": true
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
              "description": "Compared with the token's 'kid' header.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "certificate-id",
              "description": "ID of an uploaded certificate that holds the public key.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "n",
              "description": "RSA modulus, Base64url encoded; needs e as well.",
              "required": false,
              "expressions": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "e",
              "description": "RSA exponent, Base64url encoded; needs n as well.",
              "required": false,
              "expressions": false,
              "value": {
                "kind": "string"
              }
            }
          ],
          "children": [],
          "content": "A Base64-encoded symmetric key, given as text when no attribute is used."
        },
        "audience": {
          "attributes": [],
          "children": [],
          "content": "An aud value to accept; expressions work, for example @(context.Request.OriginalUrl.Host)."
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/validate-azure-ad-token-policy",
      "docDate": "2022-12-08",
      "constraints": [
        "Give exactly one of header-name, query-parameter-name or token-value; header-name falls back to Authorization.",
        "There is no openid-config or issuer-signing-keys: signing keys and issuer are taken from the tenant."
      ],
      "notes": [
        "Source page dated 2022-12-08: scopes global, product, API, operation; gateways 'dedicated, consumption, self-hosted'. Later pages add workspace scope (uncertain). Expression support per attribute is not stated there."
      ]
    },
    {
      "name": "ip-filter",
      "kind": "policy",
      "category": "authentication",
      "summary": "Lets callers through or blocks them based on IP address or address range.",
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
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "to",
              "required": true,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            }
          ],
          "children": []
        },
        "address": {
          "attributes": [],
          "children": [],
          "content": "One IP address; expressions work."
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/ip-filter-policy",
      "docDate": "2022-12-08",
      "constraints": [
        "Needs at least one <address> or <address-range>."
      ]
    },
    {
      "name": "get-authorization-context",
      "kind": "policy",
      "category": "authentication",
      "summary": "Fetches tokens of a credential manager connection and puts them, as an Authorization object, into a context variable.",
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
          "description": "Resource ID of the credential provider.",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "authorization-id",
          "description": "Resource ID of the connection.",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "context-variable-name",
          "description": "Variable that gets an Authorization object with AccessToken and Claims.",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "identity-type",
          "required": false,
          "expressions": true,
          "default": "managed",
          "value": {
            "kind": "enum",
            "values": [
              "managed",
              "jwt"
            ]
          }
        },
        {
          "name": "identity",
          "description": "Entra JWT used when identity-type is 'jwt'; its audience must be https://azure-api.net/authorization-manager.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "ignore-error",
          "description": "true: the variable becomes null on failure; false: the request fails with 500.",
          "required": false,
          "expressions": true,
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/get-authorization-context-policy",
      "docDate": "2024-07-23",
      "notes": [
        "Read the token with a cast: ((Authorization)context.Variables.GetValueOrDefault(\"auth-context\"))?.AccessToken",
        "The self-hosted gateway does not support it."
      ]
    },
    {
      "name": "rate-limit",
      "kind": "policy",
      "category": "rate-limit",
      "summary": "Limits the call rate per subscription over a sliding window and answers extra calls with 429.",
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
            "kind": "int",
            "unit": "calls"
          }
        },
        {
          "name": "renewal-period",
          "description": "Length of the sliding window in seconds; at most 300.",
          "required": true,
          "expressions": false,
          "value": {
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "retry-after-header-name",
          "required": false,
          "expressions": false,
          "default": "Retry-After",
          "value": {
            "kind": "string"
          }
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
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "description": "Name of the API; either name or id is needed.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "id",
              "description": "ID of the API; takes precedence over name.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "calls",
              "required": true,
              "expressions": false,
              "value": {
                "kind": "int",
                "unit": "calls"
              }
            },
            {
              "name": "renewal-period",
              "description": "In seconds; at most 300.",
              "required": true,
              "expressions": false,
              "value": {
                "kind": "int",
                "unit": "seconds"
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
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "id",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "calls",
              "required": true,
              "expressions": false,
              "value": {
                "kind": "int",
                "unit": "calls"
              }
            },
            {
              "name": "renewal-period",
              "required": true,
              "expressions": false,
              "value": {
                "kind": "int",
                "unit": "seconds"
              }
            }
          ],
          "children": []
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/rate-limit-policy",
      "docDate": "2024-07-23",
      "constraints": [
        "May appear only once in a policy definition.",
        "Takes effect only for calls made with a subscription key.",
        "Cannot be used at global scope."
      ]
    },
    {
      "name": "rate-limit-by-key",
      "kind": "policy",
      "category": "rate-limit",
      "summary": "Limits the call rate per key of your choice, such as IP address or user, and answers extra calls with 429.",
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
          "name": "calls",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "int",
            "unit": "calls"
          }
        },
        {
          "name": "counter-key",
          "description": "For example @(context.Request.IpAddress); each key value has one counter shared by all scopes.",
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
          "name": "increment-count",
          "required": false,
          "expressions": true,
          "default": "1",
          "value": {
            "kind": "int"
          }
        },
        {
          "name": "renewal-period",
          "description": "In seconds; at most 300.",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "retry-after-header-name",
          "required": false,
          "expressions": false,
          "default": "Retry-After",
          "value": {
            "kind": "string"
          }
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
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/rate-limit-by-key-policy",
      "docDate": "2024-05-23",
      "notes": [
        "The Consumption tier does not offer it."
      ]
    },
    {
      "name": "quota",
      "kind": "policy",
      "category": "rate-limit",
      "summary": "Applies a call-count and/or bandwidth quota per subscription and answers with 403 and Retry-After once it is used up.",
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
            "kind": "int",
            "unit": "calls"
          }
        },
        {
          "name": "bandwidth",
          "description": "In kilobytes.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "int",
            "unit": "kilobytes"
          }
        },
        {
          "name": "renewal-period",
          "description": "Length of the fixed window in seconds; 0 makes the quota last for the whole lifetime.",
          "required": true,
          "expressions": false,
          "value": {
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "id",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "calls",
              "required": false,
              "expressions": false,
              "value": {
                "kind": "int",
                "unit": "calls"
              }
            },
            {
              "name": "bandwidth",
              "description": "In kilobytes.",
              "required": false,
              "expressions": false,
              "value": {
                "kind": "int",
                "unit": "kilobytes"
              }
            },
            {
              "name": "renewal-period",
              "required": true,
              "expressions": false,
              "value": {
                "kind": "int",
                "unit": "seconds"
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
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "id",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "calls",
              "required": false,
              "expressions": false,
              "value": {
                "kind": "int",
                "unit": "calls"
              }
            },
            {
              "name": "bandwidth",
              "required": false,
              "expressions": false,
              "value": {
                "kind": "int",
                "unit": "kilobytes"
              }
            },
            {
              "name": "renewal-period",
              "required": true,
              "expressions": false,
              "value": {
                "kind": "int",
                "unit": "seconds"
              }
            }
          ],
          "children": []
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/quota-policy",
      "docDate": "2024-07-23",
      "constraints": [
        "Give calls, bandwidth, or both.",
        "May appear only once in a policy definition.",
        "Usable at product scope only.",
        "None of its attributes accepts expressions."
      ]
    },
    {
      "name": "quota-by-key",
      "kind": "policy",
      "category": "rate-limit",
      "summary": "Applies a call or bandwidth quota per key of your choice and answers with 403 once it is used up.",
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
          "name": "calls",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "int",
            "unit": "calls"
          }
        },
        {
          "name": "bandwidth",
          "description": "In kilobytes.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "int",
            "unit": "kilobytes"
          }
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
          "description": "In seconds; 0 makes the quota last for the whole lifetime.",
          "required": true,
          "expressions": false,
          "value": {
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "first-period-start",
          "description": "ISO 8601 date and time in the form yyyy-MM-ddTHH:mm:ssZ.",
          "required": false,
          "expressions": false,
          "default": "0001-01-01T00:00:00Z",
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/quota-by-key-policy",
      "docDate": "2024-03-18",
      "constraints": [
        "Give calls, bandwidth, or both."
      ],
      "notes": [
        "The doc page consulted says the Consumption and v2 tiers do not offer it."
      ]
    },
    {
      "name": "limit-concurrency",
      "kind": "policy",
      "category": "rate-limit",
      "summary": "Allows at most max-count requests to run the enclosed policies at the same time; further requests fail at once with 429.",
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
          "description": "Identifies the concurrency scope; several policies may share one key.",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "string"
          }
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
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [
        {
          "name": "*policy*",
          "required": false,
          "multiple": true,
          "description": "Any nested policy statements, such as <forward-request/>."
        }
      ],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/limit-concurrency-policy",
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/limit-concurrency-policy.md",
        "read": "2026-11-30"
      }
    },
    {
      "name": "validate-client-certificate",
      "kind": "policy",
      "category": "authentication",
      "summary": "Checks the caller's TLS client certificate against validation rules and, optionally, identities such as subject, issuer or thumbprint.",
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
          "default": "true",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "validate-trust",
          "required": false,
          "expressions": false,
          "default": "true",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "validate-not-before",
          "required": false,
          "expressions": false,
          "default": "true",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "validate-not-after",
          "required": false,
          "expressions": false,
          "default": "true",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "ignore-error",
          "description": "true: go on; false: switch to on-error when validation fails.",
          "required": false,
          "expressions": false,
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [
        {
          "name": "identities",
          "required": false,
          "multiple": false,
          "description": "Holds one or more <identity> elements."
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
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "serial-number",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "common-name",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "subject",
              "description": "Distinguished name format; put values that contain commas in quotes.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "dns-name",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "issuer-subject",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "issuer-thumbprint",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "issuer-certificate-id",
              "description": "Cannot be combined with the other issuer-* attributes.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            }
          ],
          "children": []
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/validate-client-certificate-policy",
      "docDate": "2025-01-30",
      "constraints": [
        "Policy expressions are not accepted in any attribute.",
        "A certificate has to satisfy every top-level rule and every claim of at least one identity."
      ]
    },
    {
      "name": "azure-openai-token-limit",
      "kind": "policy",
      "category": "ai-gateway",
      "summary": "Caps Azure OpenAI token use per key with a per-minute rate (429 when hit), a per-period quota (403 when used up), or both.",
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
          "description": "Token rate limit per minute; give it, or token-quota with token-quota-period, or both.",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "int"
          }
        },
        {
          "name": "token-quota",
          "description": "Token quota for each token-quota-period; a caller over it gets 403.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "int"
          }
        },
        {
          "name": "token-quota-period",
          "description": "Period after which the token quota starts again.",
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
          "expressionsStated": false,
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "retry-after-header-name",
          "required": false,
          "expressions": false,
          "default": "Retry-After",
          "value": {
            "kind": "string"
          }
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
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/azure-openai-token-limit-policy",
      "docDate": "2025-02-18",
      "constraints": [
        "Set tokens-per-minute, or token-quota with token-quota-period, or both."
      ],
      "notes": [
        "May be used more than once in a policy definition.",
        "For streaming requests the prompt tokens are always estimated.",
        "The Consumption tier does not offer it."
      ]
    },
    {
      "name": "llm-token-limit",
      "kind": "policy",
      "category": "ai-gateway",
      "summary": "Caps LLM token use for each key with a per-minute rate (429 when hit), a per-period quota (403 when used up), or both.",
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
          "expressionsStated": false,
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
          "expressionsStated": false,
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "retry-after-header-name",
          "required": false,
          "expressions": false,
          "default": "Retry-After",
          "value": {
            "kind": "string"
          }
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
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/llm-token-limit-policy",
      "docDate": "2026-04-01",
      "constraints": [
        "Set tokens-per-minute, or token-quota with token-quota-period, or both.",
        "The header-name and variable-name attributes do not accept expressions."
      ],
      "notes": [
        "May be used more than once in a policy definition; the Consumption tier does not offer it."
      ]
    },
    {
      "name": "azure-openai-emit-token-metric",
      "kind": "policy",
      "category": "ai-gateway",
      "summary": "Reports Azure OpenAI token counts (total, prompt and completion) to Application Insights as custom metrics.",
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
          "default": "API Management",
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "value",
          "description": "Metric value, a number (double); expressions work.",
          "required": false,
          "expressions": true,
          "default": "1",
          "value": {
            "kind": "number"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "description": "Built-in dimensions that need no value: API ID, Operation ID, Product ID, User ID, Subscription ID, Location, Gateway ID; newer docs add Backend ID and Model for LLM.",
              "required": true,
              "expressions": true,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "value",
              "description": "Leave it out only for the built-in dimension names.",
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
      "doc": "https://learn.microsoft.com/azure/api-management/azure-openai-emit-token-metric-policy",
      "docDate": "2024-07-09",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/0af0f2eff281c7aa9a7ce00a83daf73ed3f544af/articles/api-management/azure-openai-emit-token-metric-policy.md",
        "read": "2026-11-30"
      },
      "constraints": [
        "No more than 10 custom dimensions (per the doc page consulted)."
      ]
    },
    {
      "name": "llm-emit-token-metric",
      "kind": "policy",
      "category": "ai-gateway",
      "summary": "Reports LLM token counts to Application Insights as custom metrics.",
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
          "default": "API Management",
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "description": "Built-in dimensions that need no value: API ID, Operation ID, Product ID, User ID, Subscription ID, Location, Gateway ID; newer docs add Backend ID and Model for LLM.",
              "required": true,
              "expressions": true,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "value",
              "description": "Leave it out only for the built-in dimension names.",
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
      "doc": "https://learn.microsoft.com/azure/api-management/llm-emit-token-metric-policy",
      "docDate": "2026-05-27",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/00b15a65ff1372e4c4a36335c9d04b0c65961a2f/articles/api-management/llm-emit-token-metric-policy.md",
        "read": "2026-11-30"
      },
      "constraints": [
        "No more than 5 custom dimensions (2026 doc).",
        "Needs an Application Insights logger with custom metrics turned on."
      ]
    },
    {
      "name": "azure-openai-semantic-cache-lookup",
      "kind": "policy",
      "category": "ai-gateway",
      "summary": "On a semantic match with an earlier prompt, answers from the cache instead of Azure OpenAI; needs an external Redis-compatible cache and an embeddings backend.",
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
          "name": "score-threshold",
          "description": "Similarity threshold; a lower value demands a closer match.",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "number",
            "min": 0,
            "max": 1
          }
        },
        {
          "name": "embeddings-backend-id",
          "description": "Backend entity for the embeddings API.",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "embeddings-backend-auth",
          "description": "Has to be system-assigned.",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "enum",
            "values": [
              "system-assigned"
            ]
          }
        },
        {
          "name": "ignore-system-messages",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "max-message-count",
          "description": "Number of remaining dialog messages beyond which caching is skipped.",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "int"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [
        {
          "name": "vary-by",
          "required": false,
          "multiple": true
        }
      ],
      "childElements": {
        "vary-by": {
          "attributes": [],
          "children": [],
          "content": "Expression that partitions the cache; several are joined together."
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/azure-openai-semantic-cache-lookup-policy",
      "docDate": "2025-04-29",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/azure-openai-semantic-cache-lookup-policy.md",
        "read": "2026-11-30",
        "note": "The page lists gateways classic, v2 and consumption; self-hosted stays, as the shared semantic-cache include (10/29/2025) that the llm page uses lists it. The page lists no workspace scope, so none is recorded (the scope check does not judge workspace policies either way)."
      },
      "constraints": [
        "May appear only once per policy section.",
        "Needs a matching azure-openai-semantic-cache-store in outbound."
      ]
    },
    {
      "name": "azure-openai-semantic-cache-store",
      "kind": "policy",
      "category": "ai-gateway",
      "summary": "Puts Azure OpenAI completions into the semantic cache.",
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
          "description": "Time to live, in seconds.",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/azure-openai-semantic-cache-store-policy",
      "docDate": "2024-05-08",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/000280a5fd2bf54b43058602bf0b06f0c746c284/articles/api-management/azure-openai-semantic-cache-store-policy.md",
        "read": "2026-11-30",
        "note": "Only the 05/08/2024 source is stored; the shared semantic-cache include that newer llm-* pages use was not confirmed for this page."
      },
      "constraints": [
        "May appear only once per policy section.",
        "Needs a matching azure-openai-semantic-cache-lookup in inbound."
      ]
    },
    {
      "name": "llm-semantic-cache-lookup",
      "kind": "policy",
      "category": "ai-gateway",
      "summary": "On a semantic match with an earlier prompt, answers from the cache instead of the LLM.",
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
          "name": "score-threshold",
          "description": "Similarity threshold; a lower value demands a closer match.",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "number",
            "min": 0,
            "max": 1
          }
        },
        {
          "name": "embeddings-backend-id",
          "description": "Backend entity for the embeddings API.",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "embeddings-backend-auth",
          "description": "Has to be system-assigned.",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "enum",
            "values": [
              "system-assigned"
            ]
          }
        },
        {
          "name": "ignore-system-messages",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "max-message-count",
          "description": "Number of remaining dialog messages beyond which caching is skipped.",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "int"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [
        {
          "name": "vary-by",
          "required": false,
          "multiple": true
        }
      ],
      "childElements": {
        "vary-by": {
          "attributes": [],
          "children": [],
          "content": "Expression that partitions the cache."
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/llm-semantic-cache-lookup-policy",
      "docDate": "2026-08-18",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/llm-semantic-cache-lookup-policy.md",
        "read": "2026-11-30"
      },
      "constraints": [
        "May appear only once per policy section.",
        "Needs a matching llm-semantic-cache-store in outbound."
      ],
      "notes": [
        "Attributes, elements, sections, scopes and gateways come from the details block the page shares with azure-openai-semantic-cache-lookup (dated 2025-10-29): self-hosted is listed there, workspace is not."
      ]
    },
    {
      "name": "llm-semantic-cache-store",
      "kind": "policy",
      "category": "ai-gateway",
      "summary": "Puts LLM completions into the semantic cache.",
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
        "consumption",
        "self-hosted"
      ],
      "attributes": [
        {
          "name": "duration",
          "description": "Time to live, in seconds.",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "cache-response",
          "description": "true caches the current response whatever its status; without it only 200 OK responses are cached.",
          "required": false,
          "expressions": true,
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/llm-semantic-cache-store-policy",
      "docDate": "2026-06-02",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/llm-semantic-cache-store-policy.md",
        "read": "2026-11-30"
      },
      "constraints": [
        "May appear only once per policy section.",
        "Needs a matching llm-semantic-cache-lookup in inbound."
      ]
    },
    {
      "name": "llm-content-safety",
      "kind": "policy",
      "category": "ai-gateway",
      "summary": "Sends the prompt (in inbound) or the completion (in outbound) to Azure AI Content Safety and answers 403 when the service flags it.",
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
          "name": "backend-id",
          "description": "Backend that points to Azure AI Content Safety.",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "shield-prompt",
          "description": "Whether to look for prompt attacks.",
          "required": false,
          "expressions": true,
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [
        {
          "name": "categories",
          "required": false,
          "multiple": false,
          "description": "Holds <category> elements."
        },
        {
          "name": "blocklists",
          "required": false,
          "multiple": false,
          "description": "Holds <id> elements."
        }
      ],
      "childElements": {
        "categories": {
          "attributes": [
            {
              "name": "output-type",
              "required": false,
              "expressions": true,
              "default": "FourSeverityLevels",
              "value": {
                "kind": "enum",
                "values": [
                  "FourSeverityLevels",
                  "EightSeverityLevels"
                ]
              }
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
        },
        "id": {
          "attributes": [],
          "children": [],
          "content": "Name of a blocklist; expressions work."
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/llm-content-safety-policy",
      "docDate": "2026-03-23",
      "notes": [
        "Responds with 500 when the content is beyond the service limit or an internal error occurs.",
        "May be used more than once.",
        "Checking completions in outbound is the 2026 addition; the scope list keeps operation, which a 2025 revision of the page dropped (not confirmed on the current page, and dropping it would turn existing operation policies into errors)."
      ]
    },
    {
      "name": "cache-lookup",
      "kind": "policy",
      "category": "caching",
      "summary": "Checks the response cache and returns the cached response on a hit; only GET requests are looked up.",
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
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "vary-by-developer-groups",
          "required": true,
          "expressions": true,
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "allow-private-response-caching",
          "required": false,
          "expressions": true,
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "caching-type",
          "required": false,
          "expressions": false,
          "default": "prefer-external",
          "value": {
            "kind": "enum",
            "values": [
              "internal",
              "external",
              "prefer-external"
            ]
          }
        },
        {
          "name": "downstream-caching-type",
          "required": false,
          "expressions": true,
          "default": "none",
          "value": {
            "kind": "enum",
            "values": [
              "none",
              "private",
              "public"
            ]
          }
        },
        {
          "name": "must-revalidate",
          "required": false,
          "expressions": true,
          "default": "true",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
      "childElements": {
        "vary-by-header": {
          "attributes": [],
          "children": [],
          "content": "Name of a header."
        },
        "vary-by-query-parameter": {
          "attributes": [],
          "children": [],
          "content": "Query parameter name or names, separated by ';'."
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/cache-lookup-policy",
      "docDate": "2025-11-24",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/cache-lookup-policy.md",
        "read": "2026-11-30"
      },
      "constraints": [
        "May appear only once per policy section.",
        "Use together with cache-store in outbound.",
        "Lookups happen only for GET requests."
      ]
    },
    {
      "name": "cache-store",
      "kind": "policy",
      "category": "caching",
      "summary": "Saves the response in the cache so that later cache-lookup calls can hit it.",
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
          "description": "Time to live, in seconds.",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "cache-response",
          "description": "true caches the current response whatever its status; without it only 200 OK responses are cached.",
          "required": false,
          "expressions": true,
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/cache-store-policy",
      "docDate": "2025-11-24",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/cache-store-policy.md",
        "read": "2026-11-30"
      },
      "constraints": [
        "May appear only once per policy section.",
        "Use together with cache-lookup in inbound.",
        "Only responses to GET are cached."
      ]
    },
    {
      "name": "cache-lookup-value",
      "kind": "policy",
      "category": "caching",
      "summary": "Looks a key up in the cache and copies its value into a context variable.",
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
          "description": "Set only when the key is found.",
          "required": true,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "default-value",
          "description": "Value assigned when the key is not found.",
          "required": false,
          "expressions": true,
          "default": "null",
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "caching-type",
          "required": false,
          "expressions": false,
          "default": "prefer-external",
          "value": {
            "kind": "enum",
            "values": [
              "internal",
              "external",
              "prefer-external"
            ]
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/cache-lookup-value-policy",
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/cache-lookup-value-policy.md",
        "read": "2026-11-30"
      }
    },
    {
      "name": "cache-store-value",
      "kind": "policy",
      "category": "caching",
      "summary": "Writes a value to the cache under a key; the write is asynchronous.",
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
          "description": "In seconds.",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "caching-type",
          "required": false,
          "expressions": false,
          "default": "prefer-external",
          "value": {
            "kind": "enum",
            "values": [
              "internal",
              "external",
              "prefer-external"
            ]
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/cache-store-value-policy",
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/cache-store-value-policy.md",
        "read": "2026-11-30"
      },
      "constraints": [
        "May appear only once per policy section, according to the docs."
      ]
    },
    {
      "name": "cache-remove-value",
      "kind": "policy",
      "category": "caching",
      "summary": "Removes a cached value by key.",
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
          "default": "prefer-external",
          "value": {
            "kind": "enum",
            "values": [
              "internal",
              "external",
              "prefer-external"
            ]
          }
        },
        {
          "name": "fail-on-cache-removal-error",
          "description": "true fails the request when the cache entry cannot be removed; false (the default) ignores the failure.",
          "required": false,
          "expressions": true,
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/cache-remove-value-policy",
      "docDate": "2026-06-02",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/cache-remove-value-policy.md",
        "read": "2026-11-30"
      }
    },
    {
      "name": "set-header",
      "kind": "policy",
      "category": "transformation",
      "summary": "Adds, overrides, appends to or removes a header of the request (inbound, backend) or of the response (outbound, on-error).",
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
          "default": "override",
          "value": {
            "kind": "enum",
            "values": [
              "override",
              "skip",
              "append",
              "delete"
            ]
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [
        {
          "name": "value",
          "required": false,
          "multiple": true
        }
      ],
      "childElements": {
        "value": {
          "attributes": [],
          "children": [],
          "content": "A header value; expressions work; repeat the element for several values.",
          "body": true
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/set-header-policy",
      "docDate": "2024-03-18",
      "checked": {
        "source": "https://learn.microsoft.com/ja-jp/azure/api-management/set-header-policy",
        "read": "2026-11-30",
        "note": "The global Learn page (its Japanese and Korean renderings, whose usage sections came through): same attributes and value child, all four sections, scopes with workspace, gateways classic, v2, consumption, self-hosted, workspace. It gives no date; docDate is the earlier reading."
      },
      "notes": [
        "Server cannot be removed, and Connection, Content-Length, Keep-Alive and Transfer-Encoding cannot be changed or removed.",
        "Several values are joined as comma-separated text, except for headers such as User-Agent, WWW-Authenticate, Set-Cookie and Date, which stay separate."
      ]
    },
    {
      "name": "set-query-parameter",
      "kind": "policy",
      "category": "transformation",
      "summary": "Adds, overrides, appends to or removes a query string parameter of the request.",
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
          "default": "override",
          "value": {
            "kind": "enum",
            "values": [
              "override",
              "skip",
              "append",
              "delete"
            ]
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [
        {
          "name": "value",
          "required": true,
          "multiple": true
        }
      ],
      "childElements": {
        "value": {
          "attributes": [],
          "children": [],
          "content": "A parameter value; expressions work. The docs make it required; leave it out only with exists-action='delete'.",
          "body": true
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/set-query-parameter-policy",
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/62d13e9b35f7b26845a2263e88a95dc98e527b0d/articles/api-management/set-query-parameter-policy.md",
        "read": "2026-11-30"
      }
    },
    {
      "name": "set-body",
      "kind": "policy",
      "category": "transformation",
      "summary": "Sets the request or response body from literal text, an expression or a Liquid template.",
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
          "name": "template",
          "description": "liquid turns on Liquid templating (C# naming, PascalCase filters); doc examples also show 'none'.",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
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
          "expressions": false,
          "default": "blank",
          "value": {
            "kind": "enum",
            "values": [
              "blank",
              "null"
            ]
          }
        },
        {
          "name": "parse-date",
          "description": "false copies date-like strings (\"/Date(1198908717056)/\", \"2012-03-21T05:40Z\") as they are; true (the default) parses them to System.DateTime.",
          "required": false,
          "expressions": false,
          "default": "true",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "content": "Body text, an @(...) or @{...} expression, or a Liquid template.",
      "body": true,
      "doc": "https://learn.microsoft.com/azure/api-management/set-body-policy",
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/fe3d7e1aa0f8e37f19985ebfb10de416abdca504/articles/api-management/set-body-policy.md",
        "read": "2026-11-30",
        "note": "Statement, attributes and date from this version (ms.date 07/23/2024, a stored web copy of its beginning); the current Learn page (https://learn.microsoft.com/azure/api-management/set-body-policy) lists the same three attributes. on-error stays (CORRECTIONS.md #9)."
      },
      "notes": [
        "Reading context.Request.Body or context.Response.Body without preserveContent:true uses the body up.",
        "The docs say it throws where there is no body, for example on an inbound GET.",
        "Liquid templates do not work inside return-response because the pipeline body is already gone.",
        "For Liquid to bind the body, Content-Type must be JSON (application/json, text/json, +json) or XML (application/xml, text/xml, +xml).",
        "Source page dated 2023-01-13, listing 'dedicated, consumption, self-hosted' gateways. It also serves as a child of send-request, send-one-way-request, return-response and the GraphQL data-source resolvers.",
        "Liquid templates can read context.Request.Url, Method, OriginalMethod, OriginalUrl, IpAddress, MatchedParameters, HasBody, ClientCertificates and Headers, context.Response.StatusCode, Method and Headers, and body.<path>."
      ]
    },
    {
      "name": "set-variable",
      "kind": "policy",
      "category": "transformation",
      "summary": "Keeps a value under a name in context.Variables so later policies can use it.",
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
          "description": "A literal, which becomes a System.String, or an expression.",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/set-variable-policy",
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/set-variable-policy.md",
        "read": "2026-11-30"
      }
    },
    {
      "name": "rewrite-uri",
      "kind": "policy",
      "category": "transformation",
      "summary": "Changes the URL path and query that are sent to the backend.",
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
          "name": "template",
          "description": "Backend path and query, relative to the backend base URL; an expression must be the whole value; {param} names an operation template parameter.",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "copy-unmatched-params",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "default": "true",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/rewrite-uri-policy",
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/rewrite-uri-policy.md",
        "read": "2026-11-30"
      },
      "constraints": [
        "Only query parameters can be added; new path template parameters cannot."
      ],
      "notes": [
        "The doc page consulted is from 2022-12-08 ('dedicated' gateways); the policy mostly makes sense at operation scope.",
        "The doc page consulted was written before workspace scope existed; current docs may add it."
      ]
    },
    {
      "name": "json-to-xml",
      "kind": "policy",
      "category": "transformation",
      "summary": "Turns a JSON body into XML.",
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
          "default": "true",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "parse-date",
          "required": false,
          "expressions": false,
          "default": "true",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "namespace-separator",
          "required": false,
          "expressions": true,
          "default": "_",
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "namespace-prefix",
          "description": "Typically xmlns.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "attribute-block-name",
          "description": "Properties of this JSON object turn into XML attributes.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/json-to-xml-policy",
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/json-to-xml-policy.md",
        "read": "2026-11-30"
      }
    },
    {
      "name": "xml-to-json",
      "kind": "policy",
      "category": "transformation",
      "summary": "Turns an XML body into JSON.",
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
          "default": "true",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "always-array-child-elements",
          "required": false,
          "expressions": true,
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/xml-to-json-policy",
      "docDate": "2024-09-06",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/xml-to-json-policy.md",
        "read": "2026-11-30"
      }
    },
    {
      "name": "set-status",
      "kind": "policy",
      "category": "transformation",
      "summary": "Sets the status code and reason phrase of the HTTP response.",
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
          "name": "code",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "int"
          }
        },
        {
          "name": "reason",
          "description": "Reason phrase that goes with the status code. The docs mark it required, but deployed policies leave it out.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/set-status-policy",
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/set-status-policy.md",
        "read": "2026-11-30",
        "note": "The page marks reason required; deployed policies omit it (CORRECTIONS.md #1), so it stays optional."
      },
      "notes": [
        "Often a child of return-response."
      ]
    },
    {
      "name": "set-method",
      "kind": "policy",
      "category": "transformation",
      "summary": "Changes the request's HTTP method to the verb given as element text, for example POST.",
      "sections": [
        "inbound",
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
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "content": "An HTTP method name; expressions work.",
      "doc": "https://learn.microsoft.com/azure/api-management/set-method-policy",
      "docDate": "2024-03-18",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/set-method-policy.md",
        "read": "2026-11-30"
      },
      "notes": [
        "Also a child of send-request and send-one-way-request.",
        "The doc page consulted was written before workspace scope existed; current docs may add it."
      ]
    },
    {
      "name": "find-and-replace",
      "kind": "policy",
      "category": "transformation",
      "summary": "Substitutes one string for another throughout the request or response body.",
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
          "name": "from",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "to",
          "description": "An empty string deletes the matches.",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/find-and-replace-policy",
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/find-and-replace-policy.md",
        "read": "2026-11-30"
      }
    },
    {
      "name": "redirect-content-urls",
      "kind": "policy",
      "category": "transformation",
      "summary": "Maps backend URLs in the body to gateway URLs (outbound) or gateway URLs to backend URLs (inbound); Location and other headers are left alone.",
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
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/redirect-content-urls-policy",
      "docDate": "2024-07-23",
      "constraints": [
        "May appear only once per policy section.",
        "Has no attributes and no content."
      ]
    },
    {
      "name": "xsl-transform",
      "kind": "policy",
      "category": "transformation",
      "summary": "Transforms an XML request or response body with an XSLT 1.0 stylesheet.",
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
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
          "multiple": false,
          "description": "Declare xmlns:xsl='http://www.w3.org/1999/XSL/Transform'; its content follows the XSLT specification, not the policy schema."
        }
      ],
      "childElements": {
        "parameter": {
          "attributes": [
            {
              "name": "name",
              "description": "The doc statement writes 'parameter-name' while its examples write 'name'; which one the schema needs is uncertain, and examples use name.",
              "required": true,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            }
          ],
          "children": [],
          "content": "Parameter value (expressions work), visible to the stylesheet as an xsl:param."
        },
        "xsl:stylesheet": {
          "attributes": [
            {
              "name": "version",
              "description": "XSLT version of the stylesheet, 1.0 here.",
              "required": false,
              "expressions": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "exclude-result-prefixes",
              "description": "Namespace prefixes left out of the output (XSLT).",
              "required": false,
              "expressions": false,
              "value": {
                "kind": "string"
              }
            }
          ],
          "children": [],
          "content": "An XSLT 1.0 stylesheet (templates, output settings, params); its elements follow the XSLT specification, so the policy schema does not apply inside it.",
          "body": true
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/xsl-transform-policy",
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/xsl-transform-policy.md",
        "read": "2026-11-30",
        "note": "The statement names the parameter attribute parameter-name, the example name; the catalog keeps name, which deployed policies use."
      },
      "notes": [
        "The doc page consulted was written before workspace scope existed; current docs may add it."
      ]
    },
    {
      "name": "return-response",
      "kind": "policy",
      "category": "transformation",
      "summary": "Ends the pipeline and answers the caller (200 with an empty body unless set), optionally from a response variable and child policies.",
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
          "name": "response-variable-name",
          "description": "Context variable with a Response object (for example from send-request) to send back, possibly modified.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "description": "Reason phrase that goes with the status code. The docs mark it required, but deployed policies leave it out.",
              "required": false,
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
              "default": "override",
              "value": {
                "kind": "enum",
                "values": [
                  "override",
                  "skip",
                  "append",
                  "delete"
                ]
              }
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
              "expressionsStated": false,
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
              "expressionsStated": false,
              "default": "blank",
              "value": {
                "kind": "enum",
                "values": [
                  "blank",
                  "null"
                ]
              }
            },
            {
              "name": "parse-date",
              "description": "false copies date-like strings (\"/Date(1198908717056)/\", \"2012-03-21T05:40Z\") as they are; true (the default) parses them to System.DateTime.",
              "required": false,
              "expressions": false,
              "default": "true",
              "value": {
                "kind": "bool"
              }
            }
          ],
          "children": [],
          "body": true
        },
        "value": {
          "attributes": [],
          "children": [],
          "content": "A header value; expressions work; repeat the element for several values.",
          "body": true
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/return-response-policy",
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/return-response-policy.md",
        "read": "2026-11-30"
      },
      "notes": [
        "Inside return-response, a Liquid set-body template sees no input.",
        "The doc page consulted is from 2022-12-08; newer ones add workspace scope (uncertain).",
        "The doc page consulted was written before workspace scope existed; current docs may add it."
      ]
    },
    {
      "name": "mock-response",
      "kind": "policy",
      "category": "transformation",
      "summary": "Ends processing with a fake response produced from the operation's examples or schemas.",
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
          "name": "status-code",
          "required": false,
          "expressions": false,
          "default": "200",
          "value": {
            "kind": "int"
          }
        },
        {
          "name": "content-type",
          "description": "Media type used to choose the example or schema.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/mock-response-policy",
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/mock-response-policy.md",
        "read": "2026-11-30"
      },
      "notes": [
        "The doc page consulted was written before workspace scope existed; current docs may add it."
      ]
    },
    {
      "name": "cors",
      "kind": "policy",
      "category": "cross-domain",
      "summary": "Adds cross-origin resource sharing: replies to preflight requests and sets CORS headers for permitted origins, methods and headers.",
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
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "terminate-unmatched-request",
          "description": "The doc table of the page consulted gives false as default while its troubleshooting part says true; uncertain.",
          "required": false,
          "expressions": true,
          "default": "true",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
          "multiple": false,
          "description": "Without it only GET and POST are allowed."
        },
        {
          "name": "allowed-headers",
          "required": false,
          "multiple": false,
          "description": "Headers the request may carry. The docs table marks it required, but deployed policies omit it."
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
              "description": "Access-Control-Max-Age value, in seconds.",
              "required": false,
              "expressions": true,
              "default": "0",
              "value": {
                "kind": "int",
                "unit": "seconds"
              }
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
        },
        "origin": {
          "attributes": [],
          "children": [],
          "content": "Either '*' by itself or a URI with scheme and host (and optional port); no quotation marks."
        },
        "method": {
          "attributes": [],
          "children": [],
          "content": "An HTTP method or '*'; expressions work."
        },
        "header": {
          "attributes": [],
          "children": [],
          "content": "A header name or '*'."
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/cors-policy",
      "docDate": "2024-07-23",
      "constraints": [
        "May appear only once per policy section.",
        "Put it first in inbound; usually only the first cors policy takes effect.",
        "A '*' origin cannot be mixed with other origins, and allow-credentials with a '*' origin breaks the CORS specification."
      ],
      "notes": [
        "On a preflight OPTIONS request only cors runs; the other policies run on the real request.",
        "At product scope with the subscription key in a header, preflight fails because it carries no key; the docs suggest the key in the query string or a higher scope."
      ]
    },
    {
      "name": "jsonp",
      "kind": "policy",
      "category": "cross-domain",
      "summary": "Turns a JSON response into a JSONP call of the function named in the callback query parameter, when one is given.",
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
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/jsonp-policy",
      "docDate": "2024-03-18",
      "constraints": [
        "May appear only once per policy section."
      ]
    },
    {
      "name": "cross-domain",
      "kind": "policy",
      "category": "cross-domain",
      "summary": "Returns an Adobe Flash or Silverlight cross-domain policy document (crossdomain.xml content).",
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
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [
        {
          "name": "cross-domain-policy",
          "required": false,
          "multiple": false,
          "description": "Content in the Adobe cross-domain policy file format, such as <allow-http-request-headers-from domain='*' headers='*'/>."
        }
      ],
      "childElements": {
        "cross-domain-policy": {
          "attributes": [],
          "children": [],
          "content": "An Adobe cross-domain policy document (for example <allow-access-from>, <allow-http-request-headers-from>); the policy schema does not apply inside it.",
          "body": true
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/cross-domain-policy",
      "docDate": "2022-11-18",
      "constraints": [
        "Allowed at global scope only."
      ]
    },
    {
      "name": "forward-request",
      "kind": "policy",
      "category": "routing",
      "summary": "Forwards the request to the backend currently selected (API settings or set-backend-service); no forward-request means no backend call.",
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
          "description": "Seconds to wait for the response headers; values above 240 may not be honoured; cannot be combined with timeout-ms.",
          "required": false,
          "expressions": true,
          "default": "300",
          "value": {
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "timeout-ms",
          "description": "In milliseconds; cannot be combined with timeout.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "int",
            "unit": "milliseconds"
          }
        },
        {
          "name": "continue-timeout",
          "description": "Seconds to wait for a 100 Continue response.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "http-version",
          "description": "HTTP/2 mostly matters for the self-hosted gateway.",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "default": "1",
          "value": {
            "kind": "enum",
            "values": [
              "1",
              "2or1",
              "2"
            ]
          }
        },
        {
          "name": "follow-redirects",
          "required": false,
          "expressions": true,
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "buffer-request-body",
          "description": "Needed so the body can be sent again on retry.",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "buffer-response",
          "description": "Set to false for server-sent events or other streaming.",
          "required": false,
          "expressions": false,
          "default": "true",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "fail-on-error-status-code",
          "description": "true: responses with status 400 to 599 go to on-error.",
          "required": false,
          "expressions": false,
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/forward-request-policy",
      "docDate": "2023-10-19",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/forward-request-policy.md",
        "read": "2026-11-30",
        "note": "The 10/19/2023 source: http-version and buffer-request-body state nothing about expressions (expressionsStated false); buffer-response and fail-on-error-status-code take none. Gateways there: dedicated, consumption, self-hosted; v2 from the policy index."
      },
      "constraints": [
        "Belongs in the backend section only.",
        "Not allowed more than once per definition (2022 doc).",
        "timeout and timeout-ms cannot both be set."
      ],
      "notes": [
        "The default global policy has <forward-request/> in backend; a backend section with neither <base/> nor forward-request never calls the backend."
      ]
    },
    {
      "name": "set-backend-service",
      "kind": "policy",
      "category": "routing",
      "summary": "Points the request at a different backend, given as a base URL or as a named backend entity.",
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
          "description": "Base URL of the new backend.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "backend-id",
          "description": "Name of a backend entity: a single backend, a load-balanced pool, a circuit breaker or Service Fabric.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
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
          "description": "Appears in a doc example but not in the attribute table.",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "enum",
            "values": [
              "primary",
              "secondary"
            ]
          }
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
          "description": "Only for the Dapr form (backend-id='dapr', self-hosted gateway).",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "dapr-method",
          "description": "Only for the Dapr form.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "dapr-namespace",
          "description": "Only for the Dapr form.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/set-backend-service-policy",
      "docDate": "2022-12-02",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/156b59bf5f49140fb5c7ecdc30095b25f12b90f2/articles/api-management/set-backend-service-policy.md",
        "read": "2026-11-30",
        "note": "The stored page (12/02/2022) lists dedicated, consumption and self-hosted gateways; v2 comes from the policy index (2024-03-28), which marks the policy Yes for V2. sf-replica-type appears only in the page's example, not in its attribute table; it stays accepted."
      },
      "constraints": [
        "Use base-url or backend-id, never both and not neither.",
        "A child scope inheriting a parent's backend-id through <base/> may only replace it with another backend-id; base-url will not do."
      ],
      "notes": [
        "The Dapr form shares this element name (backend-id='dapr' plus the dapr-* attributes); see its own entry."
      ]
    },
    {
      "name": "proxy",
      "kind": "policy",
      "category": "routing",
      "summary": "Makes forwarded backend calls go through an HTTP proxy, optionally authenticating with Basic or NTLM.",
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
          "description": "Proxy address as http://host:port; the connection to the proxy is plain HTTP.",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "username",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "password",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/proxy-policy",
      "docDate": "2022-11-18",
      "notes": [
        "To send a send-request through a proxy, nest <proxy> in <send-request>.",
        "The doc page consulted was written before workspace scope existed; current docs may add it."
      ]
    },
    {
      "name": "send-request",
      "kind": "policy",
      "category": "integration",
      "summary": "Calls some other HTTP endpoint and saves what comes back (an IResponse) in a context variable.",
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
          "name": "mode",
          "description": "copy starts from the current request's headers and body; in outbound, copy does not set up the body.",
          "required": false,
          "expressions": true,
          "default": "new",
          "value": {
            "kind": "enum",
            "values": [
              "new",
              "copy"
            ]
          }
        },
        {
          "name": "response-variable-name",
          "description": "Variable that gets the IResponse; it is created only on success.",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "timeout",
          "description": "In seconds.",
          "required": false,
          "expressions": true,
          "default": "60",
          "value": {
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "ignore-error",
          "description": "true: errors are ignored and the variable is set to null.",
          "required": false,
          "expressions": false,
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
          "multiple": false,
          "description": "Appears in the authentication-managed-identity doc example."
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
              "default": "override",
              "value": {
                "kind": "enum",
                "values": [
                  "override",
                  "skip",
                  "append",
                  "delete"
                ]
              }
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
              "expressionsStated": false,
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
              "expressionsStated": false,
              "default": "blank",
              "value": {
                "kind": "enum",
                "values": [
                  "blank",
                  "null"
                ]
              }
            },
            {
              "name": "parse-date",
              "description": "false copies date-like strings (\"/Date(1198908717056)/\", \"2012-03-21T05:40Z\") as they are; true (the default) parses them to System.DateTime.",
              "required": false,
              "expressions": false,
              "default": "true",
              "value": {
                "kind": "bool"
              }
            }
          ],
          "children": [],
          "body": true
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
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "output-token-variable-name",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "ignore-error",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "default": "false",
              "value": {
                "kind": "bool"
              }
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
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "username",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "password",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            }
          ],
          "children": []
        },
        "set-url": {
          "attributes": [],
          "children": [],
          "content": "Target URL; expressions work; needed unless mode='copy'."
        },
        "set-method": {
          "attributes": [],
          "children": [],
          "content": "HTTP method; needed unless mode='copy'."
        },
        "value": {
          "attributes": [],
          "children": [],
          "content": "A header value; expressions work; repeat the element for several values.",
          "body": true
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/send-request-policy",
      "checked": {
        "source": "https://learn.microsoft.com/zh-cn/azure/api-management/send-request-policy",
        "read": "2026-11-30",
        "note": "The global Learn page (its Chinese rendering, whose usage section came through): scopes global, workspace, product, API, operation; gateways dedicated (classic and v2), consumption, self-hosted, workspace. It gives no date."
      },
      "notes": [
        "Read the result with `((IResponse)context.Variables[\"name\"]).Body.As<JObject>()`.",
        "With an internal VNet, calling the gateway itself may time out (500 BackendConnectionFailure); target https://127.0.0.1 and set the Host header."
      ]
    },
    {
      "name": "send-one-way-request",
      "kind": "policy",
      "category": "integration",
      "summary": "Fire-and-forget HTTP call: the response is not awaited.",
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
          "default": "new",
          "value": {
            "kind": "enum",
            "values": [
              "new",
              "copy"
            ]
          }
        },
        {
          "name": "timeout",
          "required": false,
          "expressions": true,
          "default": "60",
          "value": {
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "default": "override",
              "value": {
                "kind": "enum",
                "values": [
                  "override",
                  "skip",
                  "append",
                  "delete"
                ]
              }
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
              "expressionsStated": false,
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
              "expressionsStated": false,
              "default": "blank",
              "value": {
                "kind": "enum",
                "values": [
                  "blank",
                  "null"
                ]
              }
            },
            {
              "name": "parse-date",
              "description": "false copies date-like strings (\"/Date(1198908717056)/\", \"2012-03-21T05:40Z\") as they are; true (the default) parses them to System.DateTime.",
              "required": false,
              "expressions": false,
              "default": "true",
              "value": {
                "kind": "bool"
              }
            }
          ],
          "children": [],
          "body": true
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
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "output-token-variable-name",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "ignore-error",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "default": "false",
              "value": {
                "kind": "bool"
              }
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
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "username",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "password",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            }
          ],
          "children": []
        },
        "set-url": {
          "attributes": [],
          "children": [],
          "content": "Target URL; expressions work; needed unless mode='copy'."
        },
        "set-method": {
          "attributes": [],
          "children": [],
          "content": "HTTP method; needed unless mode='copy'."
        },
        "value": {
          "attributes": [],
          "children": [],
          "content": "A header value; expressions work; repeat the element for several values.",
          "body": true
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/send-one-way-request-policy",
      "docDate": "2023-08-02",
      "checked": {
        "source": "https://learn.microsoft.com/azure/api-management/send-one-way-request-policy",
        "read": "2026-11-30",
        "note": "The Learn rendering (en-au copy) for attributes, elements (proxy included) and usage: workspace scope, gateways classic, v2, consumption, self-hosted (no workspace gateway). It gives no date; docDate is the stored source's (08/02/2023), which says the same apart from the v2 gateway."
      }
    },
    {
      "name": "log-to-eventhub",
      "kind": "policy",
      "category": "logging",
      "summary": "Logs the element's text, or an expression's result, to an Event Hub via a logger entity.",
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
          "description": "ID of the Event Hub logger entity.",
          "required": true,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "partition-id",
          "description": "Cannot be combined with partition-key.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "partition-key",
          "description": "Cannot be combined with partition-id.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "content": "Text or expression to log; at most 200 KB, anything beyond is cut off.",
      "doc": "https://learn.microsoft.com/azure/api-management/log-to-eventhub-policy",
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://learn.microsoft.com/zh-cn/azure/api-management/log-to-eventhub-policy",
        "read": "2026-11-30",
        "note": "The global Learn page (its Chinese and Japanese renderings, whose usage sections came through): same attributes, all four sections, scopes without workspace, gateways classic, v2, consumption, self-hosted. It gives no date; docDate is the earlier reading."
      },
      "notes": [
        "Application Insights sampling does not apply to it."
      ]
    },
    {
      "name": "set-backend-service",
      "kind": "policy",
      "variantOf": "set-backend-service",
      "variant": "dapr",
      "category": "dapr",
      "summary": "Dapr form of set-backend-service that routes through the Dapr sidecar to http://localhost:3500/v1.0/invoke/{app-id}[.{ns}]/method/{method}.",
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
          "description": "Has to be 'dapr'.",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "enum",
            "values": [
              "dapr"
            ]
          }
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
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/set-backend-service-dapr-policy",
      "docDate": "2024-03-18",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/1a36581d4c4cda9c4be150133aa5f9c42bac61c8/articles/api-management/set-backend-service-dapr-policy.md",
        "read": "2026-11-30"
      },
      "notes": [
        "The XML element is set-backend-service; backend-id='dapr' and the dapr-* attributes mark this form.",
        "The self-hosted gateway needs Dapr turned on."
      ]
    },
    {
      "name": "publish-to-dapr",
      "kind": "policy",
      "category": "dapr",
      "summary": "Publishes what the element contains as a message on a Dapr pub/sub topic.",
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
          "description": "When left out, topic must have the form 'pubsub-name/topic-name'.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
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
          "default": "false",
          "value": {
            "kind": "bool"
          }
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
          "description": "Between 1 and 240 seconds.",
          "required": false,
          "expressions": true,
          "default": "5",
          "value": {
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "template",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
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
          "expressionsStated": false,
          "value": {
            "kind": "enum",
            "values": [
              "application/json"
            ]
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "content": "Message content, as text or an expression.",
      "body": true,
      "doc": "https://learn.microsoft.com/azure/api-management/publish-to-dapr-policy",
      "docDate": "2022-12-07",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/03acc2f3f8e7156a606800792cc7cdd9b7c9d747/articles/api-management/publish-to-dapr-policy.md",
        "read": "2026-11-30"
      }
    },
    {
      "name": "invoke-dapr-binding",
      "kind": "policy",
      "category": "dapr",
      "summary": "Invokes a Dapr output binding, optionally with metadata and data.",
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
          "default": "false",
          "value": {
            "kind": "bool"
          }
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
          "description": "Between 1 and 240 seconds.",
          "required": false,
          "expressions": true,
          "default": "5",
          "value": {
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "template",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
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
          "expressionsStated": false,
          "value": {
            "kind": "enum",
            "values": [
              "application/json"
            ]
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            }
          ],
          "children": [],
          "content": "Value of the metadata item."
        },
        "data": {
          "attributes": [],
          "children": [],
          "content": "Message content; expressions work.",
          "body": true
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/invoke-dapr-binding-policy",
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/0b8729eaf7eb0aabc6390cb17348d19761285f12/articles/api-management/invoke-dapr-binding-policy.md",
        "read": "2026-11-30"
      }
    },
    {
      "name": "trace",
      "kind": "policy",
      "category": "logging",
      "summary": "Emits a custom trace that shows up in the test console trace, Application Insights traces and resource logs.",
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
          "name": "source",
          "description": "A string literal.",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "severity",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "default": "verbose",
          "value": {
            "kind": "enum",
            "values": [
              "verbose",
              "information",
              "error"
            ]
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [
        {
          "name": "message",
          "required": false,
          "multiple": false,
          "description": "The text to trace; older policies put it directly in the element instead."
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
        },
        "message": {
          "attributes": [],
          "children": [],
          "content": "A string or an expression."
        }
      },
      "content": "Older form: the message as the element's own text (string or expression) instead of a <message> child.",
      "doc": "https://learn.microsoft.com/azure/api-management/trace-policy",
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/trace-policy.md",
        "read": "2026-11-30",
        "note": "The page lists inbound, outbound and backend, message as required and no expressions in source; deployed policies use trace in on-error, without message, and with @(context.Api.Name) as source (CORRECTIONS.md #7, #8, #15), so those stay."
      },
      "notes": [
        "On the v2 gateway it adds nothing to the test console trace (per the policy index).",
        "Application Insights sampling does not apply to it.",
        "The doc page consulted was written before workspace scope existed; current docs may add it."
      ]
    },
    {
      "name": "emit-metric",
      "kind": "policy",
      "category": "logging",
      "summary": "Emits a custom metric, with dimensions, to Application Insights.",
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
          "name": "namespace",
          "required": false,
          "expressions": false,
          "default": "API Management",
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "value",
          "required": false,
          "expressions": true,
          "default": "1",
          "value": {
            "kind": "number"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "description": "Built-in dimensions that need no value: API ID, Operation ID, Product ID, User ID, Subscription ID, Location, Gateway ID; newer docs add Backend ID and Model for LLM.",
              "required": true,
              "expressions": true,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "value",
              "description": "Leave it out only for the built-in dimension names.",
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
      "doc": "https://learn.microsoft.com/azure/api-management/emit-metric-policy",
      "docDate": "2024-09-25",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/emit-metric-policy.md",
        "read": "2026-11-30"
      },
      "constraints": [
        "No more than 10 custom dimensions."
      ]
    },
    {
      "name": "choose",
      "kind": "policy",
      "category": "control-flow",
      "summary": "Conditional branching: runs the policies of the first <when> whose condition holds, otherwise those of <otherwise>.",
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
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "description": "A Boolean expression or constant, such as @(context.Request.Method == \"POST\").",
              "required": true,
              "expressions": true,
              "value": {
                "kind": "bool-expression"
              }
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
      "docDate": "2022-12-08",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/0b2db47d370e0c449e21154af4859c814a04fe3e/articles/api-management/choose-policy.md",
        "read": "2026-11-30",
        "note": "The stored source is 12/08/2022 (scopes without workspace). The current Learn rendering matches its statement and elements; its usage section did not come through, so scopes and gateways were not re-checked."
      },
      "constraints": [
        "Needs at least one <when>; <otherwise> is optional, appears once at most, and comes last."
      ],
      "notes": [
        "Every nested policy has to be allowed in the section that encloses the choose.",
        "The doc page consulted was written before workspace scope existed; current docs may add it."
      ]
    },
    {
      "name": "include-fragment",
      "kind": "policy",
      "category": "control-flow",
      "summary": "Inserts the named policy fragment at this point.",
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
          "description": "Name of the policy fragment.",
          "required": true,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/include-fragment-policy",
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/include-fragment-policy.md",
        "read": "2026-11-30"
      }
    },
    {
      "name": "retry",
      "kind": "policy",
      "category": "control-flow",
      "summary": "Runs its child policies once and repeats them while the condition holds, up to count times, waiting fixed, linear or exponential intervals.",
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
          "description": "Retrying goes on while this is true.",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "bool-expression"
          }
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
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "max-interval",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "delta",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "int",
            "unit": "seconds"
          }
        },
        {
          "name": "first-fast-retry",
          "required": false,
          "expressions": true,
          "default": "false",
          "value": {
            "kind": "bool"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [
        {
          "name": "*policy*",
          "required": false,
          "multiple": true,
          "description": "Any policies; when retrying backend calls, set buffer-request-body='true' on forward-request."
        }
      ],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/retry-policy",
      "docDate": "2022-12-08",
      "checked": {
        "source": "https://learn.microsoft.com/azure/api-management/retry-policy",
        "read": "2026-11-30",
        "note": "The current Learn page (English, and the Azure China copy for its usage section): same attributes, count 1-50, all four sections, scopes with workspace. It now excludes wait as a child; recorded as a note, not yet checked. It gives no date; docDate is the earlier reading."
      },
      "notes": [
        "A reading of the current page (round 3) found <wait> excluded as a child of <retry>; not confirmed since: the page's statement still says no restrictions, and it names no save or run-time failure."
      ]
    },
    {
      "name": "wait",
      "kind": "policy",
      "category": "control-flow",
      "summary": "Starts its direct children in parallel and continues when all have finished, or when the first has.",
      "sections": [
        "inbound",
        "backend",
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
          "name": "for",
          "required": false,
          "expressions": true,
          "default": "all",
          "value": {
            "kind": "enum",
            "values": [
              "all",
              "any"
            ]
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
      "docDate": "2024-07-23",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/api-management/wait-policy.md",
        "read": "2026-11-30"
      },
      "constraints": [
        "Direct children can only be send-request, cache-lookup-value or choose."
      ]
    },
    {
      "name": "send-service-bus-message",
      "kind": "policy",
      "category": "integration",
      "summary": "Posts a message to a Service Bus queue or topic, authenticating with a managed identity (preview).",
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
          "description": "Either queue-name or topic-name is needed.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
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
          "description": "Fully qualified namespace name, such as my-sb.servicebus.windows.net.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "client-id",
          "description": "User-assigned identity to use (system-assigned by default); it needs the Azure Service Bus Data Sender role.",
          "required": false,
          "expressions": true,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            }
          ],
          "children": [],
          "content": "Value of the property."
        },
        "payload": {
          "attributes": [],
          "children": [],
          "content": "Message content; expressions work.",
          "body": true
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/send-service-bus-message-policy",
      "docDate": "2025-08-26",
      "constraints": [
        "Use queue-name or topic-name, not both."
      ],
      "preview": true
    },
    {
      "name": "validate-content",
      "kind": "policy",
      "category": "validation",
      "summary": "Checks the size and content of a request or response body against the API's JSON, XML or SOAP schema.",
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
          "expressionsStated": false,
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
          "description": "At most 102400 (100 KB); compared with Content-Length.",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "int",
            "unit": "bytes"
          }
        },
        {
          "name": "size-exceeded-action",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
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
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "missing-content-type-value",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
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
              "description": "A known incoming content type; use when instead for a condition.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "when",
              "description": "Condition expression.",
              "required": false,
              "expressions": true,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "to",
              "required": true,
              "expressions": true,
              "expressionsStated": false,
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
              "description": "Content type; when empty, every type in the schema.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "validate-as",
              "required": true,
              "expressions": true,
              "expressionsStated": false,
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
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "schema-ref",
              "description": "JSON only, for example #/components/schemas/address.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "action",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
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
              "expressionsStated": false,
              "value": {
                "kind": "bool"
              }
            }
          ],
          "children": []
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/validate-content-policy",
      "docDate": "2022-12-05",
      "notes": [
        "Actions: ignore skips the check; prevent stops processing with an error (400 inbound, 502 outbound); detect only logs and continues.",
        "The doc page consulted is from 2022-12-05 ('dedicated' gateways).",
        "The doc page consulted was written before workspace scope existed; current docs may add it."
      ]
    },
    {
      "name": "validate-parameters",
      "kind": "policy",
      "category": "validation",
      "summary": "Compares header, query and path parameters of the request with the API schema.",
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
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "expressionsStated": false,
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
              "expressionsStated": false,
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
              "expressionsStated": false,
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
              "expressionsStated": false,
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
              "expressionsStated": false,
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
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "action",
              "required": true,
              "expressions": true,
              "expressionsStated": false,
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
      "docDate": "2022-12-05",
      "constraints": [
        "May appear only once per policy section.",
        "<path> has no unspecified-parameter-action attribute."
      ]
    },
    {
      "name": "validate-headers",
      "kind": "policy",
      "category": "validation",
      "summary": "Compares response headers with the API schema.",
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
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "action",
              "required": true,
              "expressions": true,
              "expressionsStated": false,
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
      "docDate": "2024-03-18",
      "constraints": [
        "May appear only once per policy section."
      ]
    },
    {
      "name": "validate-status-code",
      "kind": "policy",
      "category": "validation",
      "summary": "Checks that response status codes are ones the API schema declares.",
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
          "expressionsStated": false,
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
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "expressionsStated": false,
              "value": {
                "kind": "int"
              }
            },
            {
              "name": "action",
              "required": true,
              "expressions": true,
              "expressionsStated": false,
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
      "docDate": "2022-12-05",
      "notes": [
        "The doc page consulted was written before workspace scope existed; current docs may add it."
      ]
    },
    {
      "name": "validate-graphql-request",
      "kind": "policy",
      "category": "validation",
      "summary": "Compares a GraphQL request with the schema and applies field-level authorization rules by path.",
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
          "description": "At most 102400.",
          "required": true,
          "expressions": true,
          "value": {
            "kind": "int",
            "unit": "bytes"
          }
        },
        {
          "name": "max-depth",
          "required": false,
          "expressions": true,
          "default": "6",
          "value": {
            "kind": "int"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "description": "Path as /type/field; '/__*' stands for introspection.",
              "required": true,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "action",
              "required": false,
              "expressions": true,
              "default": "allow",
              "value": {
                "kind": "enum",
                "values": [
                  "allow",
                  "remove",
                  "reject",
                  "ignore"
                ]
              }
            }
          ],
          "children": []
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/validate-graphql-request-policy",
      "docDate": "2022-12-02",
      "checked": {
        "source": "https://learn.microsoft.com/azure/api-management/validate-graphql-request-policy",
        "read": "2026-11-30",
        "note": "Attributes and elements from the current Learn rendering (and its Azure China copy): all three attributes now say policy expressions are allowed. Its usage section did not come through; sections, scopes and gateways are the 12/02/2022 source's (v2 from the policy index). The page still states max-size at most 102,400 bytes (kept as a description)."
      },
      "notes": [
        "Errors are also put in the GraphQLErrors variable.",
        "The doc page consulted was written before workspace scope existed; current docs may add it."
      ]
    },
    {
      "name": "validate-odata-request",
      "kind": "policy",
      "category": "validation",
      "summary": "Checks that the URL, headers and parameters of an OData request conform to the OData specification.",
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
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "default-odata-version",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "default": "4.0",
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "min-odata-version",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "max-odata-version",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "max-size",
          "required": false,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "int",
            "unit": "bytes"
          }
        },
        {
          "name": "id",
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [],
      "childElements": {},
      "doc": "https://learn.microsoft.com/azure/api-management/validate-odata-request-policy",
      "docDate": "2024-07-23",
      "constraints": [
        "May appear only once per policy section.",
        "Not available at operation scope."
      ]
    },
    {
      "name": "http-data-source",
      "kind": "policy",
      "category": "graphql",
      "summary": "GraphQL resolver that gets field data through an HTTP request, with optional shaping of the response.",
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
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
          "description": "Order is significant; each child at most once unless stated otherwise.",
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
        },
        "set-url": {
          "attributes": [],
          "children": [],
          "content": "URL of the resolver's HTTP request; expressions work."
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/http-data-source-policy",
      "docDate": "2024-05-02",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/07e8a1d05368cebff601032cf05968463def1704/articles/api-management/http-data-source-policy.md",
        "read": "2026-11-30"
      },
      "notes": [
        "It is the root element of a resolver policy document, not placed inside <policies>.",
        "context.GraphQL.Arguments and context.GraphQL.Parent can be used."
      ]
    },
    {
      "name": "sql-data-source",
      "kind": "policy",
      "category": "graphql",
      "summary": "GraphQL resolver backed by a T-SQL statement run on Azure SQL.",
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
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "default": "false",
              "value": {
                "kind": "bool"
              }
            }
          ],
          "children": [],
          "content": "Azure SQL connection string, using SQL authentication or, with use-managed-identity, Microsoft Entra authentication."
        },
        "request": {
          "attributes": [
            {
              "name": "single-result",
              "required": false,
              "expressions": true,
              "default": "false",
              "value": {
                "kind": "bool"
              }
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
              "description": "Parameter name, written as @name.",
              "required": true,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "sql-type",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            }
          ],
          "children": [],
          "content": "A value or an expression."
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
        },
        "sql-statement": {
          "attributes": [],
          "children": [],
          "content": "T-SQL to run; several statements (for example UPDATE then SELECT) run in order and the last one supplies the result."
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/sql-data-source-policy",
      "docDate": "2023-06-07",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/117750076332cb123664c9e5a8462a2d043376da/articles/api-management/sql-data-source-policy.md",
        "read": "2026-11-30",
        "note": "The page lists the dedicated gateway only; classic and v2 come from the policy index (2024-03-28: Yes, Yes, No, No)."
      },
      "notes": [
        "It is the root element of a resolver policy document, not placed inside <policies>."
      ],
      "preview": true
    },
    {
      "name": "cosmosdb-data-source",
      "kind": "policy",
      "category": "graphql",
      "summary": "GraphQL resolver backed by a Cosmos DB container: query, read, write or delete items.",
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
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "expressionsStated": false,
              "default": "false",
              "value": {
                "kind": "bool"
              }
            }
          ],
          "children": [],
          "content": "Cosmos DB connection string (AccountEndpoint=...;AccountKey=...); leave the key out when a managed identity is used."
        },
        "query-request": {
          "attributes": [
            {
              "name": "enable-low-precision-order-by",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
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
              "expressionsStated": false,
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
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "post-trigger",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
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
              "expressionsStated": false,
              "default": "upsert",
              "value": {
                "kind": "enum",
                "values": [
                  "insert",
                  "replace",
                  "upsert"
                ]
              }
            },
            {
              "name": "consistency-level",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
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
              "expressionsStated": false,
              "default": "default",
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "pre-trigger",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            },
            {
              "name": "post-trigger",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            }
          ],
          "children": [
            {
              "name": "id",
              "required": false,
              "multiple": false,
              "description": "Needed when type='replace'."
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
              "expressionsStated": false,
              "default": "string",
              "value": {
                "kind": "enum",
                "values": [
                  "string",
                  "number",
                  "bool",
                  "none",
                  "null"
                ]
              }
            },
            {
              "name": "template",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "enum",
                "values": [
                  "liquid"
                ]
              }
            }
          ],
          "children": [],
          "content": "Partition key value that routes the request within the container."
        },
        "etag": {
          "attributes": [
            {
              "name": "type",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "default": "match",
              "value": {
                "kind": "enum",
                "values": [
                  "match",
                  "no-match"
                ]
              }
            },
            {
              "name": "template",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "enum",
                "values": [
                  "liquid"
                ]
              }
            }
          ],
          "children": [],
          "content": "Entity tag of the item, for optimistic concurrency."
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
        },
        "database-name": {
          "attributes": [],
          "children": [],
          "content": "Name of the Cosmos DB database."
        },
        "container-name": {
          "attributes": [],
          "children": [],
          "content": "Name of the container in that database."
        },
        "sql-statement": {
          "attributes": [],
          "children": [],
          "content": "SQL query to run against the container."
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
              "description": "Query parameter name in @ notation.",
              "required": true,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            }
          ],
          "children": [],
          "content": "Parameter value or expression."
        },
        "max-item-count": {
          "attributes": [
            {
              "name": "template",
              "description": "Only 'liquid' is supported: the text is a Liquid template.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "enum",
                "values": [
                  "liquid"
                ]
              }
            }
          ],
          "children": [],
          "content": "Largest number of items one query execution returns; -1 means no limit."
        },
        "continuation-token": {
          "attributes": [
            {
              "name": "template",
              "description": "Only 'liquid' is supported: the text is a Liquid template.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "enum",
                "values": [
                  "liquid"
                ]
              }
            }
          ],
          "children": [],
          "content": "Continuation token that fetches the next page of results."
        },
        "id": {
          "attributes": [
            {
              "name": "template",
              "description": "Only 'liquid' is supported: the text is a Liquid template.",
              "required": false,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "enum",
                "values": [
                  "liquid"
                ]
              }
            }
          ],
          "children": [],
          "content": "ID of the item in the container."
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/cosmosdb-data-source-policy",
      "docDate": "2024-03-18",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/0b8729eaf7eb0aabc6390cb17348d19761285f12/articles/api-management/cosmosdb-data-source-policy.md",
        "read": "2026-11-30"
      },
      "constraints": [
        "Use exactly one of query-request, read-request, delete-request or write-request."
      ],
      "notes": [
        "It is the root element of a resolver policy document, not placed inside <policies>."
      ],
      "preview": true
    },
    {
      "name": "publish-event",
      "kind": "policy",
      "category": "graphql",
      "summary": "Publishes an event to one or more GraphQL subscriptions from a resolver's response.",
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
          "description": "Optional on every policy; a literal identifier that context.LastError.PolicyId reports when this policy fails.",
          "required": false,
          "expressions": false,
          "value": {
            "kind": "string"
          }
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
              "description": "Name of the subscription field.",
              "required": true,
              "expressions": true,
              "expressionsStated": false,
              "value": {
                "kind": "string"
              }
            }
          ],
          "children": []
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/publish-event-policy",
      "docDate": "2024-07-23",
      "notes": [
        "Allowed inside http-response or response of data-source resolvers."
      ]
    },
    {
      "name": "set-graphql-resolver",
      "kind": "policy",
      "category": "graphql",
      "summary": "Retired resolver policy (preview, 2022) that resolved one GraphQL field through an HTTP request; superseded by the http-data-source resolver policy.",
      "sections": [
        "backend"
      ],
      "scopes": [
        "global",
        "product",
        "api",
        "operation"
      ],
      "gateways": [
        "classic"
      ],
      "attributes": [
        {
          "name": "parent-type",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        },
        {
          "name": "field",
          "required": true,
          "expressions": true,
          "expressionsStated": false,
          "value": {
            "kind": "string"
          }
        }
      ],
      "children": [
        {
          "name": "http-data-source",
          "required": true,
          "multiple": false
        }
      ],
      "childElements": {
        "http-data-source": {
          "attributes": [],
          "children": [
            {
              "name": "http-request",
              "required": true,
              "multiple": false
            },
            {
              "name": "http-response",
              "required": false,
              "multiple": false
            }
          ]
        },
        "http-request": {
          "description": "The HTTP request that resolves the field; each child at most once.",
          "attributes": [],
          "children": [
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
        "http-response": {
          "description": "Optional policies applied to the HTTP response; without it the response is returned as a raw string.",
          "attributes": [],
          "children": [
            {
              "name": "set-body",
              "required": false,
              "multiple": false
            },
            {
              "name": "json-to-xml",
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
            }
          ]
        },
        "set-url": {
          "attributes": [],
          "children": [],
          "content": "URL of the resolver's HTTP request; expressions work."
        }
      },
      "doc": "https://learn.microsoft.com/azure/api-management/set-graphql-resolver-policy",
      "docDate": "2022-12-02",
      "checked": {
        "source": "https://github.com/MicrosoftDocs/azure-docs/blob/0034ad727362c18ed3b2e65fbae4fbd650d5e9eb/articles/api-management/set-graphql-resolver-policy.md",
        "read": "2026-11-30",
        "note": "The last stored page of the retired policy (12/02/2022, preview). The current policy index has no row for it; its replacement is the http-data-source resolver policy."
      },
      "notes": [
        "Not in the current policy index; kept so that older policies still validate. New resolvers use http-data-source as the root of a resolver policy.",
        "context.ParentResult holds the parent object; GraphQL arguments arrive in the request body under \"arguments\"."
      ],
      "deprecated": true
    },
    {
      "name": "policies",
      "kind": "structural",
      "summary": "Root of a policy document for the global, workspace, product, API or operation scope.",
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
      "doc": "https://learn.microsoft.com/azure/api-management/api-management-howto-policies",
      "notes": [
        "Its children come in the order inbound, backend, outbound, on-error, each at most once.",
        "on-error is absent by default; without it a failure gives the caller a 4xx or 5xx error response.",
        "Policy fragments (<fragment> root) and GraphQL resolver policies (data-source root) do not use it."
      ]
    },
    {
      "name": "inbound",
      "kind": "structural",
      "summary": "Holds the policies applied to the request on its way in, before the backend is called.",
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
      "doc": "https://learn.microsoft.com/azure/api-management/api-management-howto-policies",
      "notes": [
        "Its policy statements run in document order.",
        "<base/> is where the parent scope's policies of this section run; leave it out and none are inherited.",
        "At global scope <base/> does nothing because there is no parent.",
        "When an error occurs, the remaining inbound, backend and outbound steps are skipped and processing moves to on-error."
      ]
    },
    {
      "name": "backend",
      "kind": "structural",
      "summary": "Runs before and around forwarding the request to the backend; forward-request belongs here.",
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
      "doc": "https://learn.microsoft.com/azure/api-management/api-management-howto-policies",
      "notes": [
        "Its policy statements run in document order.",
        "<base/> is where the parent scope's policies of this section run; leave it out and none are inherited.",
        "At global scope <base/> does nothing because there is no parent.",
        "When an error occurs, the remaining inbound, backend and outbound steps are skipped and processing moves to on-error."
      ]
    },
    {
      "name": "outbound",
      "kind": "structural",
      "summary": "Processes the response before it goes back to the caller.",
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
      "doc": "https://learn.microsoft.com/azure/api-management/api-management-howto-policies",
      "notes": [
        "Its policy statements run in document order.",
        "<base/> is where the parent scope's policies of this section run; leave it out and none are inherited.",
        "At global scope <base/> does nothing because there is no parent.",
        "When an error occurs, the remaining inbound, backend and outbound steps are skipped and processing moves to on-error."
      ]
    },
    {
      "name": "on-error",
      "kind": "structural",
      "summary": "Runs when an earlier step fails; context.LastError describes the failure.",
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
      "doc": "https://learn.microsoft.com/azure/api-management/api-management-howto-policies",
      "notes": [
        "Its policy statements run in document order.",
        "<base/> is where the parent scope's policies of this section run; leave it out and none are inherited.",
        "At global scope <base/> does nothing because there is no parent.",
        "The docs list these policies for on-error, an incomplete list (set-body works too): choose, set-variable, find-and-replace, return-response, set-header, set-method, set-status, send-request, send-one-way-request, log-to-eventhub, json-to-xml, xml-to-json, limit-concurrency, mock-response, retry, trace."
      ]
    },
    {
      "name": "base",
      "kind": "structural",
      "summary": "Stands for the parent scope's policies of the enclosing section.",
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
      "doc": "https://learn.microsoft.com/azure/api-management/api-management-howto-policies",
      "notes": [
        "Empty: no attributes and no children.",
        "Can come before or after other policies; its position decides whether child-scope policies run before or after the parent's.",
        "Evaluation starts with the operation scope and works outward to parent scopes through <base/>.",
        "Leaving it out drops every parent-scope policy of that section, including the global forward-request when in backend.",
        "Not allowed in a policy fragment.",
        "Does nothing at global scope."
      ]
    },
    {
      "name": "fragment",
      "kind": "structural",
      "summary": "Root element of a policy fragment: reusable policy statements that include-fragment inserts.",
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
      "doc": "https://learn.microsoft.com/azure/api-management/policy-fragments",
      "notes": [
        "Has to be well-formed XML holding one or more policies.",
        "Cannot hold section elements (<inbound>, <outbound> and so on) or <base/>.",
        "Cannot include another fragment (include-fragment is not currently supported inside a fragment).",
        "At most 512 KB.",
        "The policies inside must be valid for the section and scope where the fragment is included.",
        "Expressions and named values can be used."
      ]
    }
  ],
  "setVariableTypes": [
    "System.Boolean",
    "System.SByte",
    "System.SByte[]",
    "System.Byte",
    "System.Byte[]",
    "System.UInt16",
    "System.UInt32",
    "System.UInt64",
    "System.Int16",
    "System.Int32",
    "System.Int64",
    "System.Decimal",
    "System.Single",
    "System.Double",
    "System.Guid",
    "System.String",
    "System.Char",
    "System.DateTime",
    "System.TimeSpan",
    "System.Byte?",
    "System.UInt16?",
    "System.UInt32?",
    "System.UInt64?",
    "System.Int16?",
    "System.Int32?",
    "System.Int64?",
    "System.Decimal?",
    "System.Single?",
    "System.Double?",
    "System.Guid?",
    "System.String?",
    "System.Char?",
    "System.DateTime?"
  ],
  "liquidFilters": [
    "Abs",
    "Append",
    "AtLeast",
    "AtMost",
    "Capitalize",
    "Compact",
    "Currency",
    "Date",
    "Default",
    "DividedBy",
    "Downcase",
    "Escape",
    "First",
    "H",
    "Join",
    "Last",
    "Lstrip",
    "Map",
    "Minus",
    "Modulo",
    "NewlineToBr",
    "Plus",
    "Prepend",
    "Remove",
    "RemoveFirst",
    "Replace",
    "ReplaceFirst",
    "Round",
    "Rstrip",
    "Size",
    "Slice",
    "Sort",
    "Split",
    "Strip",
    "StripHtml",
    "StripNewlines",
    "Times",
    "Truncate",
    "TruncateWords",
    "Uniq",
    "Upcase",
    "UrlDecode",
    "UrlEncode"
  ]
};
