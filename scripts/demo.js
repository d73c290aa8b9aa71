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

const checkCode = run(['check', 'examples'], 'Policies of examples/ (an APIOps tree with seeded mistakes) checked, flow cross-check included');

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
