'use strict';
// The CodeLens above a managed identity names the linked flow and the verdict; clicking it opens
// the flow's entry in apim-flows.json.
module.exports = {
  name: 'codelens: the flow and the verdict above the managed identity, and a click opens the flow',
  async run({ wb, page, assert, screenshot }) {
    await wb.closeAllEditors();
    await wb.openFile('apis/orders/policy.xml');
    const lens = page.locator('.editor-group-container.active .contentWidgets .codelens-decoration a, .editor-group-container.active .codelens-decoration a', { hasText: 'order-intake' });
    await lens.first().waitFor({ state: 'visible', timeout: 30_000 });
    const title = (await lens.first().textContent()).replace(/\u00a0/g, ' ');
    await screenshot();
    assert.match(title, /order-intake \(Power Automate, tenant\): accepted/);
    await lens.first().click();
    await page.locator('.tabs-container .tab.active', { hasText: 'apim-flows.json' }).waitFor({ timeout: 15_000 });
    await wb.closeAllEditors();
  },
};
