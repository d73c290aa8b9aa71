'use strict';
// The CodeLens on <policies> opens the effective policy: what APIM runs for the operation, the
// levels in APIM's order (global → API → operation), each statement under a comment naming its file.
module.exports = {
  name: 'effective policy: the CodeLens on <policies> opens the composed policy, global first',
  async run({ wb, page, assert, screenshot }) {
    await wb.closeAllEditors();
    await wb.openFile('apis/orders/operations/create-order/policy.xml');
    const lens = page.locator('.editor-group-container.active .codelens-decoration a', { hasText: 'Effective policy' });
    await lens.first().waitFor({ state: 'visible', timeout: 30_000 });
    const title = (await lens.first().textContent()).replace(/\u00a0/g, ' ');
    assert.match(title, /global → API → operation/);
    await lens.first().click();
    const tab = page.locator('.tabs-container .tab', { hasText: '(effective)' });
    await tab.first().waitFor({ timeout: 15_000 });
    // the composed document's text, as rendered (the lines a person reads)
    const editor = page.locator('.editor-group-container .monaco-editor', { has: page.locator('.view-lines') }).last();
    let text = '';
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      text = (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
      if (/from: operation/.test(text)) break;
      await page.waitForTimeout(250);
    }
    await screenshot();
    const at = (re) => text.search(re);
    assert.ok(at(/from: global/) >= 0, `no statement from the global policy:\n${text}`);
    assert.ok(at(/from: api/) > at(/from: global/), `the API's statements do not follow the global ones:\n${text}`);
    assert.ok(at(/from: operation/) > at(/from: api/), `the operation's statements do not follow the API's:\n${text}`);
    await wb.closeAllEditors();
  },
};
