/**
 * Sample submissions of the complaint form (Điều 13.1), as a browser sends
 * its fields: one place for the tests that file cases and for
 * `npm run bench:api`, so that both send what the schema accepts today
 * (`samples.test.ts` holds them to it).
 */
export const COMPLAINT = {
  kind: 'khieu-nai',
  fullName: 'Tôn Nữ Thị Hà',
  address: '12 Lê Lợi, phường Phú Hội, thành phố Huế',
  idNumber: '046190001234',
  phone: '0912 345 678',
  email: 'ha@example.com',
  respondentName: 'Ủy ban nhân dân phường Phú Hội',
  respondentAddress: '5 Nguyễn Huệ, thành phố Huế',
  content: 'Tôi khiếu nại quyết định xử phạt vi phạm hành chính không đúng quy định của pháp luật.',
  reasons: 'Quyết định được ban hành khi chưa xác minh đầy đủ.',
  request: 'Đề nghị huỷ quyết định.',
  consent: 'on',
};

/** A denunciation (Luật Tố cáo 2018 Điều 23.1): the denouncer's identity is kept confidential (docs/adr/0059). */
export const DENUNCIATION = {
  ...COMPLAINT,
  kind: 'to-cao',
  fullName: 'Người Tố Cáo Bí Mật',
  respondentName: 'Ông Nguyễn Văn B, cán bộ địa chính',
  content: 'Cán bộ địa chính nhận tiền để làm nhanh thủ tục cấp giấy chứng nhận quyền sử dụng đất.',
};

/** The complaint numbered `n`, with its own idempotency key: many distinct submissions, as a load of citizens sends them. */
export function numberedComplaint(n: number, prefix = 'mau'): Record<string, string> {
  const key = `${prefix}${String(n).padStart(8, '0')}`.padEnd(32, 'x');
  return { ...COMPLAINT, content: `${COMPLAINT.content} Đơn số ${n}.`, 'idempotency-key': key };
}
