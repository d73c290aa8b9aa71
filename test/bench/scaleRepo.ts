/**
 * A generated APIOps repository for the scale figures: copies of the corpus's real policies placed
 * in an APIOps tree in a temp folder (never committed). 250 APIs of one API policy and 19
 * operation policies each make 5,000 policies; the corpus's fragments go under `policy fragments/`,
 * and a global policy, a product and a few named values and backends complete the service.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { rootElementName } from '../../server/src/node/policyFiles';

export interface ScaleRepo {
  /** The service folder (holds `apis/`). */
  root: string;
  /** How many policy files (global, product, API and operation policies; fragments not counted). */
  policies: number;
  fragments: number;
  /** Total bytes of policy and fragment text. */
  bytes: number;
  dispose(): void;
}

function corpusXml(corpus: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.toLowerCase().endsWith('.xml')) out.push(p);
    }
  };
  for (const sub of ['policies', 'apiops']) if (fs.existsSync(path.join(corpus, sub))) walk(path.join(corpus, sub));
  return out;
}

export function generateScaleRepo(corpus: string, policies = 5000): ScaleRepo {
  const texts = corpusXml(corpus).map(f => fs.readFileSync(f, 'utf8'));
  const policyTexts = texts.filter(t => rootElementName(t) === 'policies');
  const fragmentTexts = texts.filter(t => rootElementName(t) === 'fragment');
  if (policyTexts.length === 0) throw new Error(`no corpus policies under ${corpus}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apim-scale-'));
  const root = path.join(tmp, 'apim');
  let bytes = 0;
  const write = (rel: string, text: string) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    if (rel.endsWith('.xml')) bytes += Buffer.byteLength(text);
  };
  write('policy.xml', '<policies>\n\t<inbound>\n\t\t<cors>\n\t\t\t<allowed-origins>\n\t\t\t\t<origin>*</origin>\n\t\t\t</allowed-origins>\n\t\t</cors>\n\t</inbound>\n\t<backend>\n\t\t<forward-request />\n\t</backend>\n\t<outbound />\n\t<on-error />\n</policies>\n');
  write('products/starter/policy.xml', policyTexts[0]);
  write('products/starter/apis/api-0000/productApiInformation.json', '{}');
  for (let i = 0; i < 10; i++) {
    write(`named values/nv-${i}/namedValueInformation.json`, JSON.stringify({ properties: { displayName: `nv-${i}`, value: `value-${i}`, secret: false } }));
    write(`backends/backend-${i}/backendInformation.json`, JSON.stringify({ properties: { url: `https://backend-${i}.example.com/`, protocol: 'http' } }));
  }
  fragmentTexts.forEach((t, i) => write(`policy fragments/fragment-${i}/policy.xml`, t));
  let n = 2;
  let next = 0;
  for (let api = 0; n < policies; api++) {
    const apiDir = `apis/api-${String(api).padStart(4, '0')}`;
    write(`${apiDir}/policy.xml`, policyTexts[next++ % policyTexts.length]);
    n++;
    for (let op = 0; op < 19 && n < policies; op++, n++) write(`${apiDir}/operations/op-${op}/policy.xml`, policyTexts[next++ % policyTexts.length]);
  }
  return { root, policies: n, fragments: fragmentTexts.length, bytes, dispose: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}
