import { describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS } from '../uploads.ts';
import { serviceFormView } from './service-form-page-view.ts';

const base = { values: {}, errors: [], idempotencyKey: 'k', uploadLimits: null };

describe('serviceFormView', () => {
  it('states the file limits the service is configured with, not fixed numbers', () => {
    const view = serviceFormView({
      ...base,
      service: 'ho-so',
      uploadLimits: { maxFileBytes: 5 * 1024 * 1024, maxTotalBytes: 12.5 * 1024 * 1024, maxFiles: 4 },
    });
    expect(view.files?.hint).toBe(
      'PDF, JPEG, PNG, DOCX hoặc ODT; mỗi tệp tối đa 5 MB, tổng cộng tối đa 12,5 MB, tối đa 4 tệp.',
    );
    expect(view.multipart).toBe(true);
    expect(serviceFormView({ ...base, service: 'ho-so', uploadLimits: DEFAULT_UPLOAD_LIMITS }).files?.hint).toContain(
      'mỗi tệp tối đa 10 MB, tổng cộng tối đa 30 MB, tối đa 10 tệp',
    );
  });

  it('takes no files for a service without them', () => {
    const view = serviceFormView({ ...base, service: 'hoi-dap' });
    expect([view.files, view.multipart]).toEqual([null, false]);
  });

  it('sends the form back with what was typed, each error on its field and linked from the summary', () => {
    const view = serviceFormView({
      ...base,
      service: 'hoi-dap',
      values: { fullName: 'A', consent: 'on' },
      errors: [{ field: 'fullName', message: 'Họ và tên quá ngắn.' }],
    });
    const fullName = view.fields.find((f) => f.name === 'fullName')!;
    expect(fullName).toMatchObject({ id: 'truong-fullName', value: 'A', error: 'Họ và tên quá ngắn.', required: true });
    expect(view.errors?.items).toEqual([{ text: 'Họ và tên quá ngắn.', href: '#truong-fullName' }]);
    expect(view.consent.checked).toBe(true);
    expect(view.title).toBe('Lỗi: Gửi trực tuyến');
  });

  it('says what the chosen procedure asks to attach, and keeps hidden fields out of sight', () => {
    const procedure = {
      slug: 'ly-lich',
      code: '2.000488',
      title: 'Cấp phiếu lý lịch tư pháp',
      documents: [{ name: 'Tờ khai', copies: 1, original: true }],
    };
    const view = serviceFormView({ ...base, service: 'ho-so', uploadLimits: DEFAULT_UPLOAD_LIMITS, procedure });
    expect(view.checklist).toEqual({
      procedure: 'Thủ tục: 2.000488 – Cấp phiếu lý lịch tư pháp',
      documents: ['Tờ khai (1 bản chính)'],
    });
    const comment = serviceFormView({ ...base, service: 'gop-y-du-thao', values: { consultation: 'du-thao-a' } });
    expect(comment.hidden).toEqual([{ name: 'consultation', value: 'du-thao-a' }]);
    expect(comment.fields.map((f) => f.name)).not.toContain('consultation');
  });
});
