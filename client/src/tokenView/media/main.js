// Token Inspector webview. Builds the DOM with textContent only: a claim holding markup renders
// as text. Keeps no token; the extension sends decoded claims and check results.
// @ts-check
(function () {
  const vscode = acquireVsCodeApi();
  /** @type {any} */
  let state = { flows: [], keysNote: '' };
  /** @type {number | undefined} */
  let timer;

  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  const flowSelect = /** @type {HTMLSelectElement} */ (document.getElementById('flow'));

  /**
   * @param {string} tag
   * @param {string} [text]
   * @param {string} [cls]
   */
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  /** @param {number} seconds */
  function duration(seconds) {
    const s = Math.abs(Math.round(seconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const r = s % 60;
    return (h ? h + 'h ' : '') + (h || m ? String(m).padStart(h ? 2 : 1, '0') + 'm ' : '') + String(r).padStart(2, '0') + 's';
  }

  /** @param {number} epoch */
  function times(epoch) {
    const d = new Date(epoch * 1000);
    // past the range of dates toISOString throws: the view would stay blank
    if (Number.isNaN(d.getTime())) return epoch + ' s since 1970 (not a date)';
    return d.toLocaleString() + '  (UTC ' + d.toISOString().replace('.000Z', 'Z') + ')';
  }

  function countdownText() {
    const exp = state.decoded && state.decoded.expiresAt;
    if (typeof exp !== 'number') return 'no expiry (exp) claim';
    const left = exp - Date.now() / 1000;
    return left > 0 ? 'expires in ' + duration(left) : 'expired ' + duration(left) + ' ago';
  }

  const STATUS_MARK = { pass: '✓', fail: '✗', warn: '!', skip: '–' };

  /** @param {any[]} claims @param {string} caption */
  function claimsTable(claims, caption) {
    const table = el('table', undefined, 'claims');
    table.appendChild(el('caption', caption));
    for (const c of claims) {
      const tr = el('tr');
      tr.appendChild(el('th', c.name));
      const td = el('td');
      td.appendChild(el('code', c.value));
      if (c.utc) td.appendChild(el('div', times(Date.parse(c.utc) / 1000), 'muted'));
      td.appendChild(el('div', c.meaning, 'meaning'));
      tr.appendChild(td);
      table.appendChild(tr);
    }
    return table;
  }

  function render() {
    // flows
    flowSelect.replaceChildren();
    const none = el('option', '(no flow: token checks only)');
    none.setAttribute('value', '');
    flowSelect.appendChild(none);
    for (const f of state.flows) {
      const o = el('option', f);
      o.setAttribute('value', f);
      if (f === state.selectedFlow) o.setAttribute('selected', '');
      flowSelect.appendChild(o);
    }
    flowSelect.value = state.selectedFlow || '';

    root.replaceChildren();
    if (timer !== undefined) clearInterval(timer);
    if (state.flowsError) root.appendChild(el('div', state.flowsError, 'error'));
    if (state.error) root.appendChild(el('div', state.error, 'error'));
    const d = state.decoded;
    if (!d) {
      if (!state.error) {
        root.appendChild(el('p', 'Select a token in an editor and run "APIM: Decode Bearer Token", or decode the one in the clipboard.', 'muted'));
      }
      return;
    }
    const verdict = el('div', undefined, 'verdict ' + d.verdict);
    verdict.appendChild(el('strong', d.flow ? d.flow + ': ' + d.verdict : 'No flow chosen: ' + (d.verdict === 'rejected' ? 'rejected by the token\'s own checks' : 'pick a flow to simulate its trigger')));
    if (d.unknownReasons && d.unknownReasons.length && d.verdict === 'unknown') verdict.appendChild(el('div', d.unknownReasons.join('; ')));
    root.appendChild(verdict);

    const life = el('div', undefined, 'times');
    const countdown = el('div', countdownText(), 'countdown');
    life.appendChild(countdown);
    if (typeof d.issuedAt === 'number') life.appendChild(el('div', 'Issued: ' + times(d.issuedAt)));
    if (typeof d.notBefore === 'number') life.appendChild(el('div', 'Not before: ' + times(d.notBefore)));
    if (typeof d.expiresAt === 'number') life.appendChild(el('div', 'Expires: ' + times(d.expiresAt)));
    root.appendChild(life);
    timer = window.setInterval(() => { countdown.textContent = countdownText(); }, 1000);

    root.appendChild(el('p', 'Version ' + d.version + '. ' + d.versionNote, 'version'));
    if (state.keysNote) root.appendChild(el('p', state.keysNote, 'muted'));

    const checks = el('table', undefined, 'checks');
    checks.appendChild(el('caption', 'Checks, in the order the trigger runs them'));
    const head = el('tr');
    for (const h of ['', 'Check', 'Expected', 'Actual', 'Platform error']) head.appendChild(el('th', h));
    checks.appendChild(head);
    for (const c of d.checks) {
      if (c.id === 'result') continue;
      const tr = el('tr', undefined, 'check ' + c.status);
      tr.setAttribute('data-check', c.id);
      tr.appendChild(el('td', STATUS_MARK[c.status] || c.status, 'status'));
      const title = el('td');
      title.appendChild(el('div', c.title));
      if (c.detail && c.status !== 'pass') title.appendChild(el('div', c.detail, 'muted'));
      if (c.heuristic) title.appendChild(el('div', 'heuristic (rests on unconfirmed facts)', 'muted'));
      tr.appendChild(title);
      tr.appendChild(el('td', c.expected === undefined ? '' : c.expected));
      tr.appendChild(el('td', c.actual === undefined ? '' : c.actual));
      const pe = c.platformError;
      tr.appendChild(el('td', pe && c.status !== 'pass' ? pe.status + ' ' + pe.code + ': ' + pe.message + (pe.confirmed ? '' : ' (unconfirmed)') : ''));
      checks.appendChild(tr);
    }
    root.appendChild(checks);
    root.appendChild(claimsTable(d.payloadClaims, 'Payload'));
    root.appendChild(claimsTable(d.headerClaims, 'Header'));
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m && m.type === 'state') {
      state = m.state;
      render();
    }
  });
  flowSelect.addEventListener('change', () => vscode.postMessage({ type: 'pickFlow', flow: flowSelect.value || undefined }));
  /** @type {HTMLElement} */ (document.getElementById('paste')).addEventListener('click', () => vscode.postMessage({ type: 'decodeClipboard' }));
  /** @type {HTMLElement} */ (document.getElementById('clear')).addEventListener('click', () => vscode.postMessage({ type: 'clear' }));
  render();
  vscode.postMessage({ type: 'ready' });
})();
