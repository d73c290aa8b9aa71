'use strict';
// "APIM: Show Language Server Output" from the Command Palette shows the server's output channel.
module.exports = {
  name: 'command palette: APIM: Show Language Server Output',
  async run({ wb, page, manifest, assert, screenshot }) {
    const cmd = manifest.contributes.commands.find((c) => c.command === 'apimPolicy.showOutput');
    assert.ok(cmd, 'apimPolicy.showOutput is not contributed');
    const label = `${cmd.category}: ${cmd.title}`;
    await wb.runCommand(label);
    const panel = page.locator('.part.panel');
    await panel.waitFor({ state: 'visible' });
    await page.locator('.part.panel .composite-bar .action-item.checked', { hasText: /output/i }).waitFor();
    const channel = page.locator('.part.panel select.monaco-select-box');
    await page.waitForFunction(() => {
      const s = document.querySelector('.part.panel select.monaco-select-box');
      return s && s.selectedIndex >= 0 && /apim/i.test(s.options[s.selectedIndex].text);
    }, undefined, { timeout: 30_000 });
    const selected = await channel.evaluate((s) => s.options[s.selectedIndex].text);
    await screenshot();
    assert.match(selected, /apim/i);
  },
};
