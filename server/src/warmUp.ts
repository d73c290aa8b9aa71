/**
 * Warm-up of the server's hot code while it is idle after start.
 *
 * V8 runs new code in its interpreter first and compiles it to fast machine code only once it is
 * hot. The first large policy a user opens would pay for that (a 250 KB policy takes about twice
 * as long). So the server checks built-in policies while it is idle, in small slices that let
 * requests run between them. It does so with its own language service: V8 keeps what it learns per
 * closure, and a service of the warm-up's own would leave the server's closures cold (measured: a
 * 250 KB policy then took 70-95 ms instead of 41-50). Nothing is published; the checks of the
 * built-in expressions stay in the service's caches like any document's (correct results, for
 * texts no user has).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from './languageService/languageService';

/** Statements whose expressions differ with `n`, in both formats (escaped and rawxml). */
function statements(n: number): string {
  return `
		<set-variable name="caller-${n}" value="@(context.Request.Headers.GetValueOrDefault(&quot;x-caller-${n}&quot;, &quot;anonymous&quot;).ToLowerInvariant())" />
		<set-variable name="started-${n}" value="@(DateTime.UtcNow.AddSeconds(${n}).ToString(&quot;o&quot;))" />
		<choose>
			<when condition="@(context.Request.Url.Query.ContainsKey(&quot;v${n}&quot;) &amp;&amp; context.Request.Method != &quot;GET&quot;)">
				<set-body>@{
					var body = context.Request.Body.As<JObject>(preserveContent: true);
					body["seq"] = ${n};
					body["caller"] = (string)context.Variables["caller-${n}"];
					return body.ToString(Newtonsoft.Json.Formatting.None);
				}</set-body>
			</when>
			<when condition="@(((string)context.Variables[&quot;caller-${n}&quot;]).StartsWith(&quot;svc-&quot;) || context.User?.Email?.EndsWith(&quot;@contoso.com&quot;) == true)">
				<rate-limit-by-key calls="${10 + n}" renewal-period="60" counter-key="@(context.Subscription?.Key ?? context.Request.IpAddress + &quot;:${n}&quot;)" />
			</when>
			<otherwise>
				<return-response>
					<set-status code="403" reason="Forbidden" />
					<set-body>@($"{{\\"error\\":\\"caller {context.Request.IpAddress} is not allowed ({${n}})\\"}}")</set-body>
				</return-response>
			</otherwise>
		</choose>
		<cache-lookup-value key="@("token-" + context.Api.Id + "-${n}")" variable-name="cached-${n}" />
		<send-request mode="new" response-variable-name="lookup-${n}" timeout="${20 + (n % 10)}" ignore-error="true">
			<set-url>@($"https://lookup.example.com/items/{context.Request.MatchedParameters.GetValueOrDefault("id", "${n}")}")</set-url>
			<set-method>GET</set-method>
			<set-header name="traceparent" exists-action="override">
				<value>@(context.RequestId.ToString("N").Substring(0, ${1 + (n % 30)}))</value>
			</set-header>
		</send-request>
		<authentication-managed-identity resource="https://service.flow.microsoft.com/" output-token-variable-name="msi-${n}" ignore-error="false" />
		<set-header name="Authorization" exists-action="override">
			<value>@("Bearer " + (string)context.Variables["msi-${n}"])</value>
		</set-header>
		<set-query-parameter name="sig-${n}" exists-action="delete" />
		<trace source="warm-up" severity="information">
			<message>@(String.Join(",", context.Request.Headers.Where(h => h.Key.StartsWith("x-${n}")).Select(h => h.Key).ToArray()))</message>
			<metadata name="n" value="${n}" />
		</trace>`;
}

/** A policy with `count` groups of statements, the first numbered `first`. */
export function warmUpPolicy(first: number, count: number): string {
  const inbound: string[] = [];
  for (let i = 0; i < count; i++) inbound.push(statements(first + i));
  return `<policies>
	<inbound>
		<base />
		<validate-jwt header-name="Authorization" failed-validation-httpcode="401" require-scheme="Bearer">
			<openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration" />
			<required-claims>
				<claim name="aud" match="any"><value>api://orders-${first}</value></claim>
			</required-claims>
		</validate-jwt>${inbound.join('')}
		<set-backend-service base-url="@(context.Deployment.Region == &quot;West Europe&quot; ? &quot;https://a-${first}.example.com&quot; : &quot;https://b.example.com&quot;)" />
	</inbound>
	<backend>
		<forward-request timeout="60" />
	</backend>
	<outbound>
		<base />
		<set-header name="x-elapsed-${first}" exists-action="override">
			<value>@((DateTime.UtcNow - DateTime.Parse((string)context.Variables["started-${first}"])).TotalMilliseconds.ToString())</value>
		</set-header>
		<choose>
			<when condition="@(context.Response.StatusCode >= ${400 + (first % 100)})">
				<set-body>@{ return new JObject(new JProperty("status", context.Response.StatusCode), new JProperty("id", context.RequestId)).ToString(); }</set-body>
			</when>
		</choose>
	</outbound>
	<on-error>
		<base />
		<set-body>@(context.LastError.Source + ": " + context.LastError.Message + " (${first})")</set-body>
	</on-error>
</policies>
`;
}

export interface WarmUpOptions {
  /** Policies checked, one per slice. */
  slices?: number;
  /** Statement groups per policy (each about 2.4 KB with 11 expressions). */
  groups?: number;
  /** Whether real work is waiting or running: the next slice then waits for it to end. */
  busy?(): boolean;
}

/** How long a busy host is left alone before the warm-up looks again. */
const BUSY_WAIT_MS = 50;

/**
 * Checks built-in policies with `service`, asks for completion and hover inside them, and resolves
 * with the milliseconds spent. Each slice runs
 * once the event loop has served what was waiting (messages first), and not while `busy()`.
 * Never rejects.
 */
export function warmUp(service: LanguageService, options: WarmUpOptions = {}): Promise<number> {
  const slices = options.slices ?? 80;
  const groups = options.groups ?? 2;
  const busy = options.busy ?? (() => false);
  let spent = 0;
  return new Promise(resolve => {
    const next = (slice: number) => setImmediate(() => {
      if (busy()) setTimeout(() => next(slice), BUSY_WAIT_MS);
      else step(slice);
    });
    const step = (slice: number) => {
      if (slice >= slices) return resolve(spent);
      const t0 = performance.now();
      try {
        const text = warmUpPolicy(slice * groups, groups);
        const document = TextDocument.create(`untitled:warm-up-${slice}.xml`, 'apim-policy', 1, text);
        const doc = service.parse(document);
        service.doValidation(document, doc);
        for (const needle of ['context.Request.', '<set-header ', 'Variables["']) {
          const at = text.indexOf(needle);
          if (at < 0) continue;
          const position = document.positionAt(at + needle.length);
          service.doComplete(document, position, doc);
          service.doHover(document, document.positionAt(at + 2), doc);
        }
      } catch {
        // a warm-up that fails only leaves the code colder
        return resolve(spent);
      } finally {
        spent += performance.now() - t0;
      }
      next(slice + 1);
    };
    next(0);
  });
}
