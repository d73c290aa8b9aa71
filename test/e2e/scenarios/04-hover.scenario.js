'use strict';
// Hovering a policy element name shows its documentation.
module.exports = {
  name: 'hover: a policy element shows its documentation',
  async run({ wb, files, read, assert, screenshot }) {
    const element = 'authentication-managed-identity';
    const file = files(/policy\.xml$/).find((f) => read(f).includes(`<${element}`));
    assert.ok(file, `needs a policy that uses <${element}>`);
    await wb.openFile(file);
    const text = await wb.hoverText(element);
    await screenshot();
    assert.match(text, /managed identity/i, text);
  },
};
