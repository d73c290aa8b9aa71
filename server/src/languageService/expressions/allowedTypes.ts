/**
 * The .NET types policy expressions may use (../shared/reference/apim-policies.md §2, the 2022
 * list), and the ones that are clearly out of bounds: the file system, the network, processes,
 * reflection, threads, the environment. Newer docs add types to the list, so a type that is
 * neither listed nor clearly forbidden is left alone.
 */

/** Namespace → allowed type names. */
const ALLOWED: Record<string, readonly string[]> = {
  'Newtonsoft.Json': ['Formatting', 'JsonConvert'],
  'Newtonsoft.Json.Linq': ['Extensions', 'JArray', 'JConstructor', 'JContainer', 'JObject', 'JProperty', 'JRaw', 'JToken', 'JTokenType', 'JValue'],
  System: [
    'Array', 'BitConverter', 'Boolean', 'Byte', 'SByte', 'Char', 'Convert', 'DateTime', 'DateTimeKind', 'DateTimeOffset', 'Decimal',
    'Double', 'Single', 'Exception', 'Guid', 'Int16', 'Int32', 'Int64', 'UInt16', 'UInt32', 'UInt64', 'Math', 'MidpointRounding',
    'Nullable', 'Random', 'String', 'StringComparer', 'StringComparison', 'StringSplitOptions', 'TimeSpan', 'TimeZone', 'TimeZoneInfo',
    'Tuple', 'Uri', 'UriPartial',
  ],
  'System.Collections.Generic': [
    'Dictionary', 'HashSet', 'ICollection', 'IDictionary', 'IEnumerable', 'IEnumerator', 'IList', 'IReadOnlyCollection',
    'IReadOnlyDictionary', 'ISet', 'KeyValuePair', 'List', 'Queue', 'Stack',
  ],
  'System.IO': ['StringReader', 'StringWriter'],
  'System.Linq': ['Enumerable'],
  'System.Net': ['IPAddress', 'WebUtility'],
  'System.Security.Cryptography': [
    'AsymmetricAlgorithm', 'CipherMode', 'HashAlgorithm', 'HashAlgorithmName', 'HMAC', 'HMACMD5', 'HMACSHA1', 'HMACSHA256', 'HMACSHA384',
    'HMACSHA512', 'KeyedHashAlgorithm', 'MD5', 'Oid', 'PaddingMode', 'RNGCryptoServiceProvider', 'RSA', 'RSAEncryptionPadding',
    'RSASignaturePadding', 'SHA1', 'SHA1Managed', 'SHA256', 'SHA256Managed', 'SHA384', 'SHA384Managed', 'SHA512', 'SHA512Managed',
    'SymmetricAlgorithm',
  ],
  'System.Security.Cryptography.X509Certificates': [
    'PublicKey', 'RSACertificateExtensions', 'X500DistinguishedName', 'X509Certificate', 'X509Certificate2', 'X509ContentType', 'X509NameType',
  ],
  'System.Text': ['Encoding', 'StringBuilder'],
  'System.Text.RegularExpressions': ['Regex', 'RegexOptions', 'Match', 'Group', 'GroupCollection', 'CaptureCollection', 'Capture', 'MatchCollection'],
  'System.Xml.Linq': [
    'Extensions', 'XAttribute', 'XCData', 'XComment', 'XContainer', 'XDeclaration', 'XDocument', 'XDocumentType', 'XElement', 'XName',
    'XNamespace', 'XNode', 'XNodeDocumentOrderComparer', 'XNodeEqualityComparer', 'XObject', 'XProcessingInstruction', 'XText',
  ],
  'System.Xml': ['XmlNodeType'],
};

/** Namespaces whose every type is out of bounds. */
const FORBIDDEN_NAMESPACES: Record<string, string> = {
  'System.Net.Http': 'network access',
  'System.Net.Sockets': 'network access',
  'System.Net.Mail': 'network access',
  'System.Net.WebSockets': 'network access',
  'System.Diagnostics': 'processes and diagnostics',
  'System.Reflection': 'reflection',
  'System.Threading': 'threads',
  'System.Threading.Tasks': 'threads',
  'System.Runtime': 'runtime internals',
  'System.Runtime.InteropServices': 'native code',
  'System.Security.AccessControl': 'access control',
  'System.Security.Principal': 'Windows identities',
  'Microsoft.Win32': 'the Windows registry',
};

/** Types that are out of bounds, with their namespace. */
const FORBIDDEN_TYPES: Record<string, { namespace: string; why: string }> = {};
function forbid(namespace: string, why: string, names: string[]): void {
  for (const n of names) FORBIDDEN_TYPES[n] = { namespace, why };
}
forbid('System.IO', 'file system access', ['File', 'Directory', 'FileInfo', 'DirectoryInfo', 'FileStream', 'DriveInfo', 'FileSystemWatcher', 'Path']);
forbid('System', 'the process environment', ['Environment', 'AppDomain', 'Activator', 'GC', 'Console']);
forbid('System.Net', 'network access', ['WebClient', 'WebRequest', 'HttpWebRequest', 'FtpWebRequest', 'Dns', 'HttpListener', 'ServicePointManager']);
forbid('System.Net.Http', 'network access', ['HttpClient', 'HttpClientHandler', 'HttpRequestMessage', 'HttpResponseMessage']);
forbid('System.Net.Sockets', 'network access', ['Socket', 'TcpClient', 'TcpListener', 'UdpClient']);
forbid('System.Net.Mail', 'network access', ['SmtpClient']);
forbid('System.Diagnostics', 'processes', ['Process', 'ProcessStartInfo']);
forbid('System.Reflection', 'reflection', ['Assembly', 'MethodInfo', 'PropertyInfo', 'FieldInfo', 'BindingFlags']);
forbid('System.Threading', 'threads', ['Thread', 'ThreadPool', 'Mutex', 'Semaphore', 'SemaphoreSlim', 'Monitor', 'Interlocked']);
forbid('System.Threading.Tasks', 'threads', ['Task', 'Parallel']);
forbid('System.Runtime.InteropServices', 'native code', ['Marshal']);
forbid('Microsoft.Win32', 'the Windows registry', ['Registry', 'RegistryKey']);

const ALLOWED_TYPE_NAMESPACE = new Map<string, string>();
for (const [ns, names] of Object.entries(ALLOWED)) for (const n of names) if (!ALLOWED_TYPE_NAMESPACE.has(n)) ALLOWED_TYPE_NAMESPACE.set(n, ns);

/** Roots of namespaces a dotted name may start with. */
const NAMESPACE_ROOTS = new Set(['System', 'Newtonsoft', 'Microsoft']);

export type TypeVerdict =
  | { kind: 'allowed'; fullName: string }
  | { kind: 'forbidden'; fullName: string; why: string }
  | { kind: 'unknown'; fullName: string };

/** The namespace an allowed type lives in (`JObject` → `Newtonsoft.Json.Linq`). */
export function allowedTypeNamespace(name: string): string | undefined {
  return ALLOWED_TYPE_NAMESPACE.get(name);
}

export function allowedTypeNames(): string[] {
  return [...ALLOWED_TYPE_NAMESPACE.keys()];
}

/** True when `name` starts a namespace (`System`, `Newtonsoft`, `Microsoft`). */
export function isNamespaceRoot(name: string): boolean {
  return NAMESPACE_ROOTS.has(name);
}

/**
 * Judges a dotted name that starts with a namespace root, e.g. `System.IO.File.ReadAllText`:
 * walks the namespaces from the left to the first type. Returns the verdict and how many segments
 * make up the namespace and type; undefined when the name says nothing we know.
 */
export function judgeQualifiedName(segments: readonly string[]): { verdict: TypeVerdict; length: number } | undefined {
  for (let i = 1; i < segments.length; i++) {
    const ns = segments.slice(0, i).join('.');
    const type = segments[i];
    const fullName = `${ns}.${type}`;
    if (ALLOWED[ns]?.includes(type)) return { verdict: { kind: 'allowed', fullName }, length: i + 1 };
    const f = FORBIDDEN_TYPES[type];
    if (f && f.namespace === ns) return { verdict: { kind: 'forbidden', fullName, why: f.why }, length: i + 1 };
    if (isKnownNamespace(fullName)) continue;
    const why = forbiddenNamespaceOf(ns);
    if (why) return { verdict: { kind: 'forbidden', fullName, why }, length: i + 1 };
    return { verdict: { kind: 'unknown', fullName }, length: i + 1 };
  }
  // the whole name is a namespace (`System.Net.Http` alone)
  const whole = segments.join('.');
  const why = forbiddenNamespaceOf(whole);
  if (why) return { verdict: { kind: 'forbidden', fullName: whole, why }, length: segments.length };
  return undefined;
}

function forbiddenNamespaceOf(ns: string): string | undefined {
  for (const [f, why] of Object.entries(FORBIDDEN_NAMESPACES)) if (ns === f || ns.startsWith(f + '.')) return why;
  return undefined;
}

function isKnownNamespace(name: string): boolean {
  if (ALLOWED[name] || FORBIDDEN_NAMESPACES[name]) return true;
  const prefix = name + '.';
  return Object.keys(ALLOWED).some(ns => ns.startsWith(prefix)) || Object.keys(FORBIDDEN_NAMESPACES).some(ns => ns.startsWith(prefix));
}

/** Judges a type named without its namespace, as the expression's predefined imports would resolve it. */
export function judgeSimpleName(name: string): TypeVerdict | undefined {
  const ns = ALLOWED_TYPE_NAMESPACE.get(name);
  if (ns) return { kind: 'allowed', fullName: `${ns}.${name}` };
  const f = FORBIDDEN_TYPES[name];
  if (f) return { kind: 'forbidden', fullName: `${f.namespace}.${name}`, why: f.why };
  return undefined;
}
