'use strict';
// Opening an API policy: the editor shows it in the APIM Policy language mode.
module.exports = {
  name: 'open an API policy (language mode APIM Policy)',
  async run({ wb, files, manifest, assert, screenshot }) {
    const [policy] = files(/^apis\/[^/]+\/policy\.xml$/);
    assert.ok(policy, 'the workspace needs apis/<api>/policy.xml');
    await wb.openFile(policy);
    const alias = manifest.contributes.languages.find((l) => l.id === 'apim-policy').aliases[0];
    const mode = await wb.languageMode();
    assert.equal(mode, alias);
    await screenshot();
  },
};
