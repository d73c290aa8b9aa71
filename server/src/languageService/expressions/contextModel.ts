/**
 * The `context` object of policy expressions as data: its types, their members, the member types
 * and what each one means (../shared/reference/apim-policies.md §2, in our own words).
 *
 * Type names are written as C# would show them. A type is `closed` when every member it has is
 * listed here, so a member we do not know is a mistake worth a warning; open types (dictionaries,
 * strings, collections: LINQ and extension methods apply; types the newer docs extend) only get
 * completion.
 */

export interface MemberInfo {
  name: string;
  kind: 'property' | 'method';
  /** The member's type; for a method, its result type. `T` stands for the method's type argument. */
  type: string;
  /** Parameters as written in completion details, e.g. `(name: string, defaultValue: string)`. */
  parameters?: string;
  /** Takes a type argument (`As<JObject>()`). */
  generic?: boolean;
  /** Type of an `out` argument the method fills (`TryParseJwt(out var jwt)`). */
  outType?: string;
  description: string;
  /** Known string values, offered when the member is compared with a string literal. */
  values?: readonly string[];
  /** Listed by newer docs or seen in real policies, but not in the reference this model comes from. */
  newer?: boolean;
}

export interface TypeInfo {
  name: string;
  description: string;
  members: readonly MemberInfo[];
  closed: boolean;
  /** The type an indexer `[key]` gives. */
  indexer?: string;
}

const prop = (name: string, type: string, description: string, extra: Partial<MemberInfo> = {}): MemberInfo => ({ name, kind: 'property', type, description, ...extra });
const method = (name: string, type: string, parameters: string, description: string, extra: Partial<MemberInfo> = {}): MemberInfo =>
  ({ name, kind: 'method', type, parameters, description, ...extra });

/** Members every .NET object has. */
const OBJECT_MEMBERS: readonly MemberInfo[] = [
  method('ToString', 'string', '()', 'The value as text.'),
  method('Equals', 'bool', '(obj: object)', 'Whether the value equals another one.'),
  method('GetHashCode', 'int', '()', 'A hash code of the value.'),
];

/** Predefined `Reason` values of `context.LastError`. */
export const LAST_ERROR_REASONS: readonly string[] = [
  'OperationNotFound', 'SubscriptionKeyNotFound', 'SubscriptionKeyInvalid', 'ClientConnectionFailure', 'BackendConnectionFailure',
  'ExpressionValueEvaluationFailure', 'Timeout',
  'RateLimitExceeded', 'QuotaExceeded', 'CallbackParameterInvalid', 'FailedToParseCallerIP', 'CallerIpNotAllowed', 'CallerIpBlocked',
  'HeaderNotFound', 'HeaderValueNotAllowed',
  'TokenNotPresent', 'TokenSignatureInvalid', 'TokenAudienceNotAllowed', 'TokenIssuerNotAllowed', 'TokenExpired',
  'TokenSignatureKeyNotFound', 'TokenClaimNotFound', 'TokenClaimValueNotAllowed', 'JwtInvalid',
];

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'];
const SECTIONS = ['inbound', 'backend', 'outbound', 'on-error'];

/** Types `IMessageBody.As<T>()` can read the body as. */
export const BODY_TYPES: readonly string[] = ['string', 'byte[]', 'JObject', 'JToken', 'JArray', 'XNode', 'XElement', 'XDocument'];

export const CONTEXT_TYPE = 'IProxyContext';
export const STRING_DICTIONARY = 'IReadOnlyDictionary<string, string[]>';
export const VARIABLES_TYPE = 'IReadOnlyDictionary<string, object>';

const TYPE_LIST: TypeInfo[] = [
  {
    name: CONTEXT_TYPE, closed: true,
    description: 'The request being processed: what came in, where it goes, who sent it, and the variables set so far.',
    members: [
      prop('Api', 'IApi', 'The API the request matched.'),
      prop('Deployment', 'IDeployment', 'The API Management instance and gateway that handle the request.'),
      prop('Elapsed', 'TimeSpan', 'Time passed since the request arrived (since `Timestamp`).'),
      prop('GraphQL', 'IGraphQLContext', 'In GraphQL resolver policies: the arguments and the parent object of the field being resolved.', { newer: true }),
      prop('LastError', 'ILastError', 'The error that sent processing to `on-error`: where it happened and why.'),
      prop('Operation', 'IOperation', 'The API operation the request matched.'),
      prop('Product', 'IProduct', 'The product of the subscription used for the call (null without a subscription).'),
      prop('Request', 'IRequest', 'The incoming request: method, URL, headers, body, client address and certificate.'),
      prop('RequestId', 'Guid', 'A unique identifier of this request.'),
      prop('Response', 'IResponse', 'The response: from the backend, or the one policies are building.'),
      prop('Subscription', 'ISubscription', 'The subscription whose key came with the request (null without one).'),
      prop('Timestamp', 'DateTime', 'When the gateway received the request.'),
      prop('Tracing', 'bool', 'Whether tracing is on for this request.'),
      prop('User', 'IUser', 'The developer account that owns the subscription (null without one).'),
      prop('Variables', VARIABLES_TYPE, 'Variables set by `set-variable` and by policies that store results (`send-request`, `cache-lookup-value`, `validate-jwt`…).'),
      prop('Workspace', 'IWorkspace', 'The workspace the API belongs to.', { newer: true }),
      method('Trace', 'void', '(message: string)', 'Writes a message to the request trace (seen when tracing is on).'),
      ...OBJECT_MEMBERS,
    ],
  },
  {
    name: 'IApi', closed: true, description: 'An API of the API Management instance.',
    members: [
      prop('Id', 'string', 'The API identifier (its resource name).'),
      prop('IsCurrentRevision', 'bool', 'Whether this is the current revision of the API.'),
      prop('Name', 'string', 'The API display name.'),
      prop('Path', 'string', 'The API URL suffix.'),
      prop('Protocols', 'IEnumerable<string>', 'The protocols the API accepts (`http`, `https`).'),
      prop('Revision', 'string', 'The API revision.'),
      prop('ServiceUrl', 'IUrl', 'The backend URL configured for the API.'),
      prop('SubscriptionKeyParameterNames', 'ISubscriptionKeyParameterNames', 'Names of the header and query parameter that carry the subscription key.'),
      prop('Version', 'string', 'The API version.'),
      prop('Workspace', 'IWorkspace', 'The workspace the API belongs to.', { newer: true }),
      ...OBJECT_MEMBERS,
    ],
  },
  {
    name: 'ISubscriptionKeyParameterNames', closed: true, description: 'Where the API expects the subscription key.',
    members: [
      prop('Header', 'string', 'Name of the header that carries the subscription key.'),
      prop('Query', 'string', 'Name of the query parameter that carries the subscription key.'),
      ...OBJECT_MEMBERS,
    ],
  },
  {
    name: 'IDeployment', closed: true, description: 'The API Management instance and the gateway running the policy.',
    members: [
      prop('Certificates', 'IReadOnlyDictionary<string, X509Certificate2>', 'Certificates uploaded to the instance, by thumbprint.'),
      prop('Gateway', 'IGateway', 'The gateway running the policy.', { newer: true }),
      prop('GatewayId', 'string', 'The gateway identifier: `managed` for the managed gateway, otherwise the self-hosted gateway\'s id.'),
      prop('Region', 'string', 'The Azure region of the gateway.'),
      prop('ServiceId', 'string', 'The resource identifier of the instance.', { newer: true }),
      prop('ServiceName', 'string', 'The name of the API Management instance.'),
      ...OBJECT_MEMBERS,
    ],
  },
  {
    name: 'IGateway', closed: false, description: 'The gateway running the policy (newer docs).',
    members: [
      prop('Id', 'string', 'The gateway identifier.'),
      prop('InstanceId', 'string', 'The identifier of the gateway instance.'),
      prop('IsManaged', 'bool', 'Whether this is the managed (cloud) gateway.'),
    ],
  },
  {
    name: 'IGraphQLContext', closed: false, description: 'GraphQL resolver data.',
    members: [
      prop('Arguments', 'JObject', 'The arguments of the field being resolved, e.g. `context.GraphQL.Arguments["id"]`.'),
      prop('Parent', 'JObject', 'The parent object of the field being resolved.'),
    ],
  },
  {
    name: 'IWorkspace', closed: false, description: 'A workspace of the API Management instance (newer docs).',
    members: [
      prop('Id', 'string', 'The workspace identifier.'),
      prop('Name', 'string', 'The workspace name.'),
    ],
  },
  {
    name: 'ILastError', closed: true, description: 'The error that moved processing to the `on-error` section.',
    members: [
      prop('Source', 'string', 'What failed: a built-in step or the name of the policy element.'),
      prop('Reason', 'string', 'A machine-readable reason, e.g. `RateLimitExceeded` or `TokenExpired`.', { values: LAST_ERROR_REASONS }),
      prop('Message', 'string', 'A readable description of the error.'),
      prop('Scope', 'string', 'The scope of the policy that failed (global, product, api, operation…).'),
      prop('Section', 'string', 'The section where the error happened.', { values: SECTIONS }),
      prop('Path', 'string', 'Where in the section the failing policy sits, e.g. `choose[3]/when[2]`.'),
      prop('PolicyId', 'string', 'The `id` attribute of the failing policy, when it has one.'),
      ...OBJECT_MEMBERS,
    ],
  },
  {
    name: 'IOperation', closed: true, description: 'An operation of an API.',
    members: [
      prop('Id', 'string', 'The operation identifier (its resource name).'),
      prop('Method', 'string', 'The HTTP method of the operation.', { values: HTTP_METHODS }),
      prop('Name', 'string', 'The operation display name.'),
      prop('UrlTemplate', 'string', 'The URL template of the operation, e.g. `/orders/{id}`.'),
      ...OBJECT_MEMBERS,
    ],
  },
  {
    name: 'IProduct', closed: true, description: 'A product of the API Management instance.',
    members: [
      prop('Apis', 'IEnumerable<IApi>', 'The APIs in the product.'),
      prop('ApprovalRequired', 'bool', 'Whether subscriptions to the product need approval.'),
      prop('Groups', 'IEnumerable<IGroup>', 'The groups that can see the product.'),
      prop('Id', 'string', 'The product identifier.'),
      prop('Name', 'string', 'The product display name.'),
      prop('State', 'ProductState', 'Whether the product is `Published` or `NotPublished`.'),
      prop('SubscriptionLimit', 'int?', 'How many subscriptions a user may have (null: no limit).'),
      prop('SubscriptionRequired', 'bool', 'Whether calls need a subscription key.'),
      ...OBJECT_MEMBERS,
    ],
  },
  {
    name: 'IRequest', closed: true, description: 'The incoming HTTP request.',
    members: [
      prop('Body', 'IMessageBody', 'The request body; null when the request has none (a GET, for instance).'),
      prop('Certificate', 'X509Certificate2', 'The client certificate, when the client sent one.'),
      prop('Headers', STRING_DICTIONARY, 'The request headers, by name (case-insensitive).'),
      prop('IpAddress', 'string', 'The IP address of the caller.'),
      prop('MatchedParameters', 'IReadOnlyDictionary<string, string>', 'Values of the URL template parameters of the matched operation.'),
      prop('Method', 'string', 'The HTTP method.', { values: HTTP_METHODS }),
      prop('OriginalUrl', 'IUrl', 'The URL as the client sent it, before any rewrite.'),
      prop('PrivateEndpointConnection', 'IPrivateEndpointConnection', 'The private endpoint the request came through; null otherwise.'),
      prop('Url', 'IUrl', 'The request URL (after `rewrite-uri`, the rewritten one).'),
      ...OBJECT_MEMBERS,
    ],
  },
  {
    name: 'IPrivateEndpointConnection', closed: true, description: 'The private endpoint connection a request came through.',
    members: [
      prop('Name', 'string', 'The name of the private endpoint connection.'),
      prop('GroupId', 'string', 'The group identifier of the connection.'),
      prop('MemberName', 'string', 'The member name of the connection.'),
      ...OBJECT_MEMBERS,
    ],
  },
  {
    name: 'IResponse', closed: true,
    description: 'An HTTP response: `context.Response`, or a `send-request` response stored in a variable (`(IResponse)context.Variables["name"]`).',
    members: [
      prop('Body', 'IMessageBody', 'The response body.'),
      prop('Headers', STRING_DICTIONARY, 'The response headers, by name (case-insensitive).'),
      prop('StatusCode', 'int', 'The HTTP status code.'),
      prop('StatusReason', 'string', 'The HTTP reason phrase.'),
      ...OBJECT_MEMBERS,
    ],
  },
  {
    name: 'IMessageBody', closed: true, description: 'The body of a request or response.',
    members: [
      method('As', 'T', '<T>(preserveContent: bool = false)',
        'Reads the body as `string`, `byte[]`, `JObject`, `JToken`, `JArray`, `XNode`, `XElement` or `XDocument`. Without `preserveContent: true` the body is consumed: later policies and the backend get an empty body.',
        { generic: true }),
      method('AsFormUrlEncodedContent', 'IDictionary<string, IList<string>>', '(preserveContent: bool = false)',
        'Reads an `application/x-www-form-urlencoded` body as a dictionary of fields (consumed unless `preserveContent: true`).'),
      ...OBJECT_MEMBERS,
    ],
  },
  {
    name: 'IUrl', closed: true, description: 'A URL, split into its parts.',
    members: [
      prop('Host', 'string', 'The host name.'),
      prop('Path', 'string', 'The path, starting with `/`.'),
      prop('Port', 'int', 'The port number.'),
      prop('Query', STRING_DICTIONARY, 'The query parameters, by name.'),
      prop('QueryString', 'string', 'The query string, starting with `?` (empty without a query).'),
      prop('Scheme', 'string', 'The scheme: `http` or `https`.'),
      method('ToUri', 'Uri', '()', 'The URL as a `System.Uri`.'),
      ...OBJECT_MEMBERS,
    ],
  },
  {
    name: 'ISubscription', closed: true, description: 'A subscription (the key a caller uses).',
    members: [
      prop('CreatedDate', 'DateTime', 'When the subscription was created.'),
      prop('EndDate', 'DateTime?', 'When the subscription ends, if it does.'),
      prop('Id', 'string', 'The subscription identifier.'),
      prop('Key', 'string', 'The key the caller used for this request.'),
      prop('Name', 'string', 'The subscription display name.'),
      prop('PrimaryKey', 'string', 'The primary key of the subscription.'),
      prop('SecondaryKey', 'string', 'The secondary key of the subscription.'),
      prop('StartDate', 'DateTime?', 'When the subscription starts, if set.'),
      ...OBJECT_MEMBERS,
    ],
  },
  {
    name: 'IUser', closed: true, description: 'A developer account of the API Management instance.',
    members: [
      prop('Email', 'string', 'The user\'s email address.'),
      prop('FirstName', 'string', 'The user\'s first name.'),
      prop('Groups', 'IEnumerable<IGroup>', 'The groups the user belongs to.'),
      prop('Id', 'string', 'The user identifier.'),
      prop('Identities', 'IEnumerable<IUserIdentity>', 'The identity providers the user signs in with.'),
      prop('LastName', 'string', 'The user\'s last name.'),
      prop('Note', 'string', 'A note about the user.'),
      prop('RegistrationDate', 'DateTime', 'When the user registered.'),
      ...OBJECT_MEMBERS,
    ],
  },
  {
    name: 'IGroup', closed: true, description: 'A group of developer accounts.',
    members: [prop('Id', 'string', 'The group identifier.'), prop('Name', 'string', 'The group name.'), ...OBJECT_MEMBERS],
  },
  {
    name: 'IUserIdentity', closed: true, description: 'An identity a user signs in with.',
    members: [prop('Id', 'string', 'The user\'s identifier at the provider.'), prop('Provider', 'string', 'The identity provider.'), ...OBJECT_MEMBERS],
  },
  {
    name: STRING_DICTIONARY, closed: false, description: 'Headers or query parameters: each name maps to its values.', indexer: 'string[]',
    members: [
      method('GetValueOrDefault', 'string', '(name: string, defaultValue: string)', 'The values of `name` joined with commas, or `defaultValue` when it is absent.'),
      method('ContainsKey', 'bool', '(name: string)', 'Whether `name` is present.'),
      method('TryGetValue', 'bool', '(name: string, out string[] values)', 'Gets the values of `name` if present.'),
      prop('Keys', 'IEnumerable<string>', 'The names.'),
      prop('Values', 'IEnumerable<string[]>', 'The values.'),
      prop('Count', 'int', 'How many names there are.'),
    ],
  },
  {
    name: 'IReadOnlyDictionary<string, string>', closed: false, description: 'Names mapped to single values.', indexer: 'string',
    members: [
      method('GetValueOrDefault', 'string', '(name: string, defaultValue: string)', 'The value of `name`, or `defaultValue` when it is absent.'),
      method('ContainsKey', 'bool', '(name: string)', 'Whether `name` is present.'),
      method('TryGetValue', 'bool', '(name: string, out string value)', 'Gets the value of `name` if present.'),
      prop('Keys', 'IEnumerable<string>', 'The names.'),
      prop('Values', 'IEnumerable<string>', 'The values.'),
      prop('Count', 'int', 'How many names there are.'),
    ],
  },
  {
    name: 'IReadOnlyDictionary<string, X509Certificate2>', closed: false, description: 'Certificates by thumbprint.', indexer: 'X509Certificate2',
    members: [
      method('ContainsKey', 'bool', '(thumbprint: string)', 'Whether a certificate with this thumbprint is present.'),
      method('TryGetValue', 'bool', '(thumbprint: string, out X509Certificate2 certificate)', 'Gets the certificate if present.'),
      prop('Keys', 'IEnumerable<string>', 'The thumbprints.'),
      prop('Values', 'IEnumerable<X509Certificate2>', 'The certificates.'),
      prop('Count', 'int', 'How many certificates there are.'),
    ],
  },
  {
    name: VARIABLES_TYPE, closed: false, description: 'Context variables by name; the values keep the type they were set with.', indexer: 'object',
    members: [
      method('GetValueOrDefault', 'T', '<T>(name: string, defaultValue: T = default)',
        'The variable `name` as `T`, or the default when it is not set. Throws when the value has another type.', { generic: true }),
      method('ContainsKey', 'bool', '(name: string)', 'Whether the variable is set.'),
      method('TryGetValue', 'bool', '(name: string, out object value)', 'Gets the variable if it is set.'),
      prop('Keys', 'IEnumerable<string>', 'The names of the variables set so far.'),
      prop('Values', 'IEnumerable<object>', 'The values.'),
      prop('Count', 'int', 'How many variables are set.'),
    ],
  },
  {
    name: 'Jwt', closed: true,
    description: 'A parsed JSON Web Token: from `AsJwt()` / `TryParseJwt()`, or stored by `validate-jwt` / `validate-azure-ad-token` in `output-token-variable-name`.',
    members: [
      prop('Algorithm', 'string', 'The signing algorithm (`alg`).'),
      prop('Audiences', 'IEnumerable<string>', 'The audiences (`aud`).'),
      prop('Claims', STRING_DICTIONARY, 'All claims by name; `Claims.GetValueOrDefault("name", "")` joins several values with commas.'),
      prop('ExpirationTime', 'DateTime?', 'When the token expires (`exp`).'),
      prop('Id', 'string', 'The token identifier (`jti`).'),
      prop('Issuer', 'string', 'Who issued the token (`iss`).'),
      prop('IssuedAt', 'DateTime?', 'When the token was issued (`iat`).'),
      prop('NotBefore', 'DateTime?', 'When the token becomes valid (`nbf`).'),
      prop('Subject', 'string', 'The subject (`sub`).'),
      prop('Type', 'string', 'The token type (`typ`).'),
      ...OBJECT_MEMBERS,
    ],
  },
  {
    name: 'BasicAuthCredentials', closed: true, description: 'User name and password of an HTTP Basic `Authorization` header (from `AsBasic()`).',
    members: [prop('UserId', 'string', 'The user name.'), prop('Password', 'string', 'The password.'), ...OBJECT_MEMBERS],
  },
  {
    name: 'Authorization', closed: false, description: 'What `get-authorization-context` stores: the access token of a credential manager connection.',
    members: [
      prop('AccessToken', 'string', 'The access token.'),
      prop('Claims', 'IReadOnlyDictionary<string, object>', 'Claims of the token response.'),
    ],
  },
  {
    name: 'string', closed: false, description: 'Text (`System.String`).',
    members: [
      prop('Length', 'int', 'The number of characters.'),
      method('Contains', 'bool', '(value: string)', 'Whether the text contains `value`.'),
      method('StartsWith', 'bool', '(value: string, comparison?: StringComparison)', 'Whether the text starts with `value`.'),
      method('EndsWith', 'bool', '(value: string, comparison?: StringComparison)', 'Whether the text ends with `value`.'),
      method('Equals', 'bool', '(value: string, comparison?: StringComparison)', 'Whether the text equals `value`.'),
      method('IndexOf', 'int', '(value: string)', 'Where `value` first occurs (-1: nowhere).'),
      method('Split', 'string[]', '(separator: char)', 'Cuts the text at each separator.'),
      method('Substring', 'string', '(start: int, length?: int)', 'A part of the text.'),
      method('Replace', 'string', '(oldValue: string, newValue: string)', 'The text with every `oldValue` replaced.'),
      method('ToLower', 'string', '()', 'The text in lower case.'),
      method('ToUpper', 'string', '()', 'The text in upper case.'),
      method('ToLowerInvariant', 'string', '()', 'The text in lower case, culture-independent.'),
      method('ToUpperInvariant', 'string', '()', 'The text in upper case, culture-independent.'),
      method('Trim', 'string', '()', 'The text without leading and trailing white space.'),
      method('TrimStart', 'string', '(chars?: char[])', 'The text without leading white space (or `chars`).'),
      method('TrimEnd', 'string', '(chars?: char[])', 'The text without trailing white space (or `chars`).'),
      method('AsJwt', 'Jwt', '()', 'APIM extension: parses the text as a JWT (null when it is not one).'),
      method('TryParseJwt', 'bool', '(out Jwt result)', 'APIM extension: parses the text as a JWT; false when it is not one.', { outType: 'Jwt' }),
      method('AsBasic', 'BasicAuthCredentials', '()', 'APIM extension: parses a Basic `Authorization` header value (null when it is not one).'),
      method('TryParseBasic', 'bool', '(out BasicAuthCredentials result)', 'APIM extension: parses a Basic `Authorization` header value; false when it is not one.', { outType: 'BasicAuthCredentials' }),
      ...OBJECT_MEMBERS.filter(m => m.name !== 'Equals'),
    ],
  },
];

const TYPES = new Map<string, TypeInfo>(TYPE_LIST.map(t => [t.name, t]));

/** Aliases C# accepts for the same type. */
const ALIASES: Record<string, string> = { String: 'string', 'System.String': 'string' };

export function getType(name: string | undefined): TypeInfo | undefined {
  if (name === undefined) return undefined;
  return TYPES.get(ALIASES[name] ?? name);
}

export function findMember(type: TypeInfo, name: string): MemberInfo | undefined {
  return type.members.find(m => m.name === name);
}

/** The result type of a member access, an invocation (with its type argument) or neither. */
export function memberResultType(member: MemberInfo, typeArgument?: string): string | undefined {
  if (member.type === 'T') return typeArgument;
  if (member.type === 'void') return undefined;
  return member.type;
}
