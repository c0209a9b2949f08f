import { describe, expect, it } from 'vitest';
import { receiptView } from './receipt-page-view.ts';

const props = { service: 'khieu-nai-to-cao' as const, trackingCode: 'STP-2026-7KQ4-M9', secret: 'ABCD', acceptDueAt: Date.parse('2026-11-20T17:30:00Z'), hasEmail: false };

describe('receiptView', () => {
  it('gives the acceptance deadline as the date in Huế', () => {
    expect(receiptView(props).acceptDue).toBe('Hạn xem xét thụ lý: 21/11/2026.');
  });

  it('says the secret was mailed only when it was', () => {
    expect(receiptView({ ...props, hasEmail: true }).secretNote).toContain('đã được gửi vào thư điện tử');
    expect(receiptView(props).secretNote).not.toContain('thư điện tử');
  });

  it('names each field converted from an old encoding by its label (Điều 8)', () => {
    const view = receiptView({ ...props, conversions: [{ field: 'content', message: 'Đã chuyển từ TCVN3.' }] });
    expect(view.conversions?.items).toEqual(['Nội dung: Đã chuyển từ TCVN3. Bản gốc được lưu trong hồ sơ.']);
    expect(receiptView(props).conversions).toBeNull();
  });
});
