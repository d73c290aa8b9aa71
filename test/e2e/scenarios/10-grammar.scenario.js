'use strict';
// The C# inside @(...) is coloured as C#, not as the XML attribute string around it.
module.exports = {
  name: 'grammar: C# in expressions is coloured as C#',
  async run({ wb, page, assert, screenshot }) {
    await wb.closeAllEditors();
    await wb.openFile('apis/orders/operations/create-order/policy.xml');
    const line = (text) => wb.activeEditor().locator('.view-line', { hasText: text }).first();
    const classOf = async (lineText, token) => line(lineText).locator('span > span', { hasText: token }).first().getAttribute('class');
    // `name="orderId"` is an attribute string; `Guid` in value="@(Guid.NewGuid()…)" is C#
    await line('set-variable name="orderId"').waitFor({ timeout: 15_000 });
    // tokenization is asynchronous: wait until the C# part has a class of its own
    let attr;
    let csharp;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await page.waitForTimeout(250)) {
      attr = await classOf('set-variable name="orderId"', '"orderId"');
      csharp = await classOf('set-variable name="orderId"', 'Guid');
      if (attr && csharp && attr !== csharp) break;
    }
    await screenshot();
    assert.ok(attr && csharp, `tokens not found (attribute: ${attr}, C#: ${csharp})`);
    assert.notEqual(csharp, attr, 'the C# in the expression is coloured like the attribute string around it');
  },
};
