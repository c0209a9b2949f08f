import { describe, expect, it } from 'vitest';
import { aCase } from '#tests/support/records.ts';
import { noticeText } from './case-notifier.ts';
import { stepLabel, transitionLabel } from './step-labels.ts';

describe('steps named by their service (docs/adr/0048)', () => {
  it('a request for information is "accepted" as a valid request with its time, and resolved by giving the information', () => {
    expect(stepLabel('tiep-can-thong-tin', 'accept')).toBe(
      'Yêu cầu hợp lệ: cơ quan thông báo thời hạn cung cấp thông tin',
    );
    expect(transitionLabel('tiep-can-thong-tin', 'resolve')).toBe('Cung cấp thông tin');
    // Every other service keeps the common words, and a step without a label shows its name.
    expect(stepLabel('khieu-nai-to-cao', 'accept')).toBe('Đã thụ lý');
    expect(transitionLabel('ho-so', 'resolve')).toBe(transitionLabel('khieu-nai-to-cao', 'resolve'));
    expect(stepLabel('tiep-can-thong-tin', 'buoc-cu')).toBe('buoc-cu');
  });

  it('the mail to the requester says the same', () => {
    const record = aCase({ service: 'tiep-can-thong-tin', kind: 'thu-dien-tu', status: 'rejected' });
    const text = noticeText(
      record,
      { action: 'reject', status: 'rejected', publicText: 'Thông tin thuộc bí mật nhà nước.' },
      'Sở Tư pháp',
    );
    expect(JSON.stringify(text)).toContain('Từ chối cung cấp thông tin');
  });
});
