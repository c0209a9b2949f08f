// Enhancement of the citizen forms (Điều 13, docs/adr/0051). Without this
// script the forms still post and the server answers with a page; with it the
// browser first solves the proof-of-work challenge, then submits in place and
// shows the receipt without leaving the page. Server text is inserted with
// textContent only, never as HTML.
(() => {
  // biome-ignore lint/suspicious/noRedundantUseStrict: a classic script, not a module: strict mode is asked for here
  'use strict';
  const encoder = new TextEncoder();

  function leadingZeroBits(bytes) {
    let bits = 0;
    for (const byte of bytes) {
      if (byte === 0) {
        bits += 8;
        continue;
      }
      return bits + Math.clz32(byte) - 24;
    }
    return bits;
  }

  async function solve(challenge, difficulty) {
    for (let n = 0; ; n += 1) {
      const nonce = n.toString(36);
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(challenge + nonce)));
      if (leadingZeroBits(digest) >= difficulty) return nonce;
      // Yield now and then so the page stays responsive while the citizen types.
      if (n % 4000 === 3999) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  async function fetchSolution(service) {
    const response = await fetch(`/dich-vu/thu-thach?dich-vu=${encodeURIComponent(service)}`, {
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) throw new Error('challenge');
    const { challenge, difficulty } = await response.json();
    return { challenge, nonce: await solve(challenge, difficulty) };
  }

  function element(tag, text, attributes = {}) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  function showErrors(form, error) {
    for (const old of form.querySelectorAll('.dv-error-js')) old.remove();
    for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
    const summary = element('div', undefined, { class: 'dv-error-summary dv-error-js', role: 'alert', tabindex: '-1' });
    summary.append(element('h2', 'Biểu mẫu chưa gửi được'));
    // biome-ignore lint/complexity/useOptionalChain: older phones' browsers lack optional chaining; the form works without this script, but should work with it
    const issues = error && error.data && Array.isArray(error.data.issues) ? error.data.issues : [];
    if (issues.length === 0) {
      // biome-ignore lint/complexity/useOptionalChain: older phones' browsers lack optional chaining; the form works without this script, but should work with it
      summary.append(element('p', (error && error.message) || 'Không gửi được. Vui lòng thử lại.'));
    }
    const list = element('ul');
    for (const issue of issues) {
      // biome-ignore lint/complexity/useOptionalChain: older phones' browsers lack optional chaining; the form works without this script, but should work with it
      const message = issue.message || (error && error.message) || 'Giá trị không hợp lệ.';
      const item = element('li');
      const link = element('a', message, { href: `#truong-${issue.field}` });
      item.append(link);
      list.append(item);
      const input = form.querySelector(`#truong-${CSS.escape(issue.field)}`);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        const note = element('p', message, { class: 'dv-error dv-error-js', id: `truong-${issue.field}-loi-js` });
        input.insertAdjacentElement('afterend', note);
        input.setAttribute(
          'aria-describedby',
          `${input.getAttribute('aria-describedby') || ''} truong-${issue.field}-loi-js`.trim(),
        );
      }
    }
    if (issues.length) summary.append(list);
    form.prepend(summary);
    summary.focus();
  }

  function showReceipt(article, receipt, form) {
    const box = element('section', undefined, { class: 'dv-confirmation', 'aria-labelledby': 'da-nhan' });
    const heading = element('h1', 'Cơ quan đã nhận yêu cầu của Ông/Bà', { id: 'da-nhan', tabindex: '-1' });
    const codes = element('dl', undefined, { class: 'dv-codes' });
    codes.append(element('dt', 'Mã hồ sơ'), Object.assign(element('dd'), {}));
    codes.lastChild.append(element('code', receipt.trackingCode, { 'data-ma-ho-so': '' }));
    codes.append(element('dt', 'Mã bí mật'), element('dd'));
    codes.lastChild.append(element('code', receipt.secret, { 'data-ma-bi-mat': '' }));
    const warning = element(
      'p',
      'Mã bí mật chỉ hiển thị một lần. Vui lòng ghi lại cả hai mã để tra cứu tình trạng giải quyết.',
    );
    const link = element('p');
    link.append(element('a', 'Tra cứu tình trạng giải quyết', { href: '/tra-cuu/' }));
    box.append(heading, element('p', 'Vui lòng ghi lại hai mã dưới đây.'), codes, warning);
    // What the law still asks before the case can be handled (the signed letter, docs/adr/0057), in the server's words.
    // biome-ignore lint/complexity/useOptionalChain: older phones' browsers lack optional chaining; the form works without this script, but should work with it
    if (receipt.stillToDo && receipt.stillToDo.length) {
      const todo = element('section', undefined, { class: 'dv-notice', role: 'note', 'data-can-don-ky': '' });
      todo.append(element('h2', 'Cần gửi đơn có chữ ký'));
      for (const line of receipt.stillToDo) todo.append(element('p', line));
      box.append(todo);
    }
    // Text pasted in an old 8-bit Vietnamese encoding was converted (Điều 8): say so, as the server-rendered page does.
    for (const conversion of receipt.conversions || []) {
      const label = form.querySelector(`label[for="truong-${conversion.field}"]`);
      box.append(
        element(
          'p',
          `${label ? label.textContent.replace(/\s*\(bắt buộc\)/, '') : conversion.field}: ${conversion.message} Bản gốc được lưu trong hồ sơ.`,
          { class: 'dv-notice' },
        ),
      );
    }
    box.append(link);
    article.replaceChildren(box);
    heading.focus();
  }

  function enhance(form) {
    const service = form.dataset.congsoDichVu;
    const status = element('p', '', { class: 'dv-status', role: 'status', 'aria-live': 'polite' });
    form.append(status);
    let solution = fetchSolution(service);
    solution.catch(() => undefined);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      status.textContent = 'Đang xác minh trình duyệt và gửi…';
      try {
        let answer;
        try {
          answer = await solution;
        } catch {
          // No challenge (offline, limit): the plain form still works.
          form.submit();
          return;
        }
        form.elements['pow-challenge'].value = answer.challenge;
        form.elements['pow-nonce'].value = answer.nonce;
        const data = new FormData(form);
        const hasFiles = [...form.querySelectorAll('input[type=file]')].some((input) => input.files.length > 0);
        let response;
        if (hasFiles) {
          response = await fetch(form.action, { method: 'POST', body: data, headers: { Accept: 'application/json' } });
        } else {
          const fields = {};
          for (const [name, value] of data) if (typeof value === 'string') fields[name] = value;
          response = await fetch(form.action, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify(fields),
          });
        }
        const body = await response.json();
        if (response.ok) {
          showReceipt(form.closest('article') || form, body, form);
          return;
        }
        // A spent or refused challenge: solve a fresh one for the next attempt.
        solution = fetchSolution(service);
        solution.catch(() => undefined);
        status.textContent = '';
        showErrors(form, body.error);
      } catch {
        status.textContent = 'Không gửi được. Vui lòng kiểm tra kết nối mạng rồi thử lại.';
      } finally {
        button.disabled = false;
      }
    });
  }

  for (const form of document.querySelectorAll('form[data-congso-dich-vu]')) enhance(form);
})();
