import { CASE_RETENTION_YEARS } from '#src/statements/privacy-notice.ts';

/**
 * The short personal-data notice every citizen form shows above its consent
 * box, under the Law on Personal Data Protection 91/2025/QH15 (in force from
 * 1 January 2026, in place of Nghị định 13/2023/NĐ-CP). One text in one
 * place: the forms render it, and a page that needs the short form renders
 * the same; the full notice is the site's `/quyen-rieng-tu/`
 * (`src/statements/privacy-notice.ts`, docs/adr/0026). What it promises is
 * what the code does: denunciations are seen by the head and the assigned
 * officer only, and closed cases are destroyed by a recorded decision
 * (docs/adr/0059).
 */
export const FORM_PRIVACY_NOTICE: readonly string[] = [
  'Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, thông tin Ông/Bà cung cấp chỉ được dùng để tiếp nhận, giải quyết và trả lời yêu cầu này; chỉ cán bộ được phân công xử lý và lãnh đạo cơ quan xem được, mỗi lần xem đều được ghi lại; không công bố trên trang thông tin điện tử.',
  'Với đơn tố cáo, họ tên, địa chỉ, nội dung đơn và các tệp đính kèm được giữ bí mật theo Luật Tố cáo năm 2018: chỉ Thủ trưởng cơ quan và cán bộ được Thủ trưởng giao xem được.',
  `Hồ sơ được lưu ${CASE_RETENTION_YEARS} năm kể từ khi kết thúc, sau đó chỉ bị huỷ theo danh sách được Thủ trưởng cơ quan phê duyệt và ghi lại.`,
];
