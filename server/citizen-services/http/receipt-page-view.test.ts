import { describe, expect, it } from 'vitest';
import { receiptView } from './receipt-page-view.ts';

const props = {
  service: 'khieu-nai-to-cao' as const,
  trackingCode: 'STP-2026-7KQ4-M9',
  secret: 'ABCD',
  acceptDueAt: Date.parse('2026-11-20T17:30:00Z'),
  hasEmail: false,
};

describe('receiptView', () => {
  it('gives the acceptance deadline as the date in Huế', () => {
    expect(receiptView(props).acceptDue).toBe('Hạn xem xét thụ lý: 21/11/2026.');
  });

  it('tells the sender of a complaint or denunciation at once that a signed letter is still needed, and how (docs/adr/0057)', () => {
    const complaint = receiptView({ ...props, kind: 'khieu-nai' });
    expect(complaint.signedLetter?.lines.join(' ')).toMatch(
      /Luật Khiếu nại năm 2011 \(Điều 8\).*bản chụp.*Tra cứu.*bưu điện/s,
    );
    expect(complaint.acceptDue).toBe('Thời hạn thụ lý được tính từ ngày cơ quan nhận được đơn có chữ ký.');
    expect(receiptView({ ...props, kind: 'to-cao' }).signedLetter?.lines[0]).toMatch(
      /Luật Tố cáo năm 2018 \(Điều 23\)/,
    );
    expect(receiptView({ ...props, kind: 'phan-anh' }).signedLetter).toBeNull();
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
