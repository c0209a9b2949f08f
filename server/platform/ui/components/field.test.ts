import { describe, expect, it } from 'vitest';
import { BACK_OFFICE_FIELD, CITIZEN_FIELD } from '../field-styles.ts';
import { field } from './field.ts';

const render = async (...args: Parameters<typeof field>) => (await field(...args)).toString();

describe('field', () => {
  it('ties the hint and the error to the control, and marks it invalid', async () => {
    const out = await render(
      { id: 'email', label: 'Hộp thư', hint: 'Địa chỉ .gov.vn', error: 'Sai định dạng.', value: 'a@b' },
      BACK_OFFICE_FIELD,
    );
    expect(out).toContain('<label for="email">Hộp thư</label>');
    expect(out).toContain('aria-describedby="email-goi-y email-loi"');
    expect(out).toContain('aria-invalid="true"');
    expect(out).toMatch(
      /<p class="field-error" id="email-loi"><span class="visually-hidden">Lỗi: <\/span>Sai định dạng\.<\/p>/,
    );
    expect(out).toContain('class="field field-invalid"');
  });

  it('leaves out what is not there: no empty describedby, no invalid flag', async () => {
    const out = await render({ id: 'fullName', label: 'Họ và tên', required: true }, BACK_OFFICE_FIELD);
    expect(out).not.toContain('aria-describedby');
    expect(out).not.toContain('aria-invalid');
    expect(out).toContain(' required');
  });

  it('escapes what a person typed', async () => {
    const out = await render(
      { id: 'q', label: 'Câu hỏi', control: 'textarea', value: '</textarea><script>alert(1)</script>' },
      CITIZEN_FIELD,
    );
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;/textarea&gt;');
  });

  it('marks a required citizen field in words and puts its error under the control', async () => {
    const out = await render(
      {
        id: 'truong-content',
        name: 'content',
        label: 'Nội dung',
        control: 'textarea',
        required: true,
        error: 'Bắt buộc.',
      },
      CITIZEN_FIELD,
    );
    expect(out).toContain('Nội dung <span class="dv-required">(bắt buộc)</span></label>');
    expect(out.indexOf('<textarea')).toBeLessThan(out.indexOf('class="dv-error"'));
  });

  it('keeps the selected option and the checked box', async () => {
    const select = await render(
      {
        id: 'role',
        label: 'Vai trò',
        control: 'select',
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B', selected: true },
        ],
      },
      BACK_OFFICE_FIELD,
    );
    expect(select).toContain('<option value="b" selected>B</option>');
    const box = await render(
      { id: 'truong-consent', name: 'consent', label: 'Đồng ý', control: 'checkbox', checked: true },
      CITIZEN_FIELD,
    );
    expect(box).toMatch(
      /^<div class="dv-field dv-check"><input type="checkbox" id="truong-consent" name="consent" checked \/>/,
    );
  });
});
