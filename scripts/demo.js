#!/usr/bin/env node
// `npm run demo`: the checker on the example APIOps workspace, then the token inspector's
// simulation on a sample token (unsigned, made up here: never a real token).
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');
const run = (args, title) => {
  console.log(`\n=== ${title}\n$ apim-policy ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  return r.status;
};

/** Lines of at most `width` characters, each starting with `indent`. */
const wrap = (text, indent, width = 100) => {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
};

/**
 * The findings one block each: where and what rule, the first sentence (the fix, for the flow
 * cross-check) on its own line, the rest below it; an UNCONFIRMED note that an earlier block
 * already printed is named, not repeated.
 */
const printFindings = findings => {
  const notes = new Map();
  for (const f of findings) {
    const at = `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
    let message = f.message;
    const u = message.indexOf('UNCONFIRMED:');
    if (u >= 0) {
      const note = message.substring(u);
      if (notes.has(note)) message = `${message.substring(0, u)}(The UNCONFIRMED note of ${notes.get(note)} applies here too.)`;
      else notes.set(note, at);
    }
    const [lead, ...rest] = message.split(/(?<=[.?!])\s+(?=[A-Z])/);
    console.log(`${at}  ${f.severity} ${f.code}`);
    console.log(wrap(lead, '    ').replace(/^ {4}/, '  → '));
    if (rest.length) console.log(wrap(rest.join(' '), '    '));
    console.log('');
  }
};

const checkTitle = 'Policies of examples/ (an APIOps tree with seeded mistakes) checked, flow cross-check included';
console.log(`\n=== ${checkTitle}\n$ apim-policy check examples\n`);
const check = spawnSync(process.execPath, [cli, 'check', 'examples', '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const checkCode = check.status;
if (check.stderr) process.stderr.write(check.stderr);
const findings = JSON.parse(check.stdout || '[]');
printFindings(findings);
const count = s => findings.filter(f => f.severity === s).length;
console.log(`${count('error')} errors, ${count('warning')} warnings, ${count('information')} notes.`);

const tenant = 'd7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f';
const now = Math.floor(Date.now() / 1000);
const enc = o => Buffer.from(JSON.stringify(o)).toString('base64url');
const token = `${enc({ alg: 'RS256', typ: 'JWT', kid: 'demo' })}.${enc({
  aud: 'https://service.flow.microsoft.com/', iss: `https://sts.windows.net/${tenant}/`, tid: tenant, ver: '1.0',
  oid: '0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b', appid: '9f8e7d6c-2222-4b4a-8c9d-8e7f6a5b4c3d', idtyp: 'app',
  iat: now - 60, nbf: now - 60, exp: now + 3600,
})}.ZGVtbw`;
run(['token', token, '--config', 'examples/apim-flows.json', '--flow', 'order-approval'],
  'A token of APIM\'s system identity against the order-approval flow (its export lists the client ID instead of the principal ID)');

console.log(`\nThe check exited ${checkCode}: 1 means it found errors, as examples/ has them on purpose (see examples/README.md).`);
