import { REPORT_BARRIER_PATH } from '../site-paths.ts';
import { tel, type StatementContext, type StatementPart } from './statement.ts';

/**
 * The accessibility statement of each department site
 * (docs/adr/0026-statements.md): the target (WCAG 2.1 level AA, as Điều 4.2a
 * asks for convenient access for everyone and the Law on Persons with
 * Disabilities 51/2010/QH12 for people with disabilities), how the platform
 * is tested, what is known not to meet it, and how to report a barrier —
 * which opens a website-feedback case with a tracking code (Điều 13).
 */
export const ACCESSIBILITY_STATEMENT_TITLE = 'Tuyên bố về khả năng tiếp cận';

/** When the statement was last reviewed: the page's "Cập nhật" and its sitemap date. */
export const ACCESSIBILITY_STATEMENT_REVIEWED = new Date('2026-11-20T00:00:00+07:00');

export function accessibilityStatement(ctx: StatementContext): StatementPart[] {
  return [
    {
      id: 'cam-ket',
      heading: 'Cam kết',
      paragraphs: [
        `${ctx.departmentName} cam kết để mọi người, kể cả người khuyết tật và người cao tuổi, đọc và dùng được trang thông tin điện tử này theo Luật Người khuyết tật số 51/2010/QH12 và Điều 4.2a Quy chế 2567/2007/QĐ-UBND.`,
        'Mục tiêu: đáp ứng Hướng dẫn về khả năng tiếp cận nội dung web (WCAG) 2.1, mức AA. Hiện trang đáp ứng một phần: các phần chưa đạt được nêu ở mục "Những hạn chế đã biết".',
      ],
    },
    {
      id: 'cach-kiem-tra',
      heading: 'Trang được kiểm tra như thế nào',
      items: [
        'Mỗi thay đổi của nền tảng được kiểm tra tự động bằng axe-core theo WCAG 2.1 A và AA trên trình duyệt Chromium, cho từng loại trang: trang chủ, danh sách và bài của mọi chuyên mục, tìm kiếm, biểu mẫu dịch vụ công, trang tiếng Anh, các tuyên bố này và trang dữ liệu mở. Thay đổi có lỗi không được đưa vào sử dụng.',
        'Trang nội dung không cần JavaScript; dùng được hoàn toàn bằng bàn phím; phóng to tới 200% và đọc trên màn hình điện thoại hẹp không mất nội dung.',
        'Đơn vị vận hành tự đánh giá; trang chưa được tổ chức độc lập đánh giá.',
      ],
    },
    {
      id: 'han-che',
      heading: 'Những hạn chế đã biết',
      items: [
        'Một số tệp PDF đính kèm là bản quét của văn bản giấy, trình đọc màn hình không đọc được. Ông/Bà có thể đề nghị cơ quan gửi bản đọc được.',
        'Tìm kiếm theo từ khoá cần JavaScript. Không có JavaScript, danh mục văn bản và danh sách thủ tục hành chính vẫn lọc được theo loại, lĩnh vực, năm và mức độ.',
        'Chất lượng văn bản thay thế của ảnh do Ban Biên tập viết; ảnh thiếu mô tả phù hợp có thể được báo như một rào cản.',
        'Chỉ các trang giới thiệu cơ bản có bản tiếng Anh; trang tiếng Việt là bản gốc.',
      ],
    },
    {
      id: 'phan-hoi',
      heading: 'Báo một rào cản',
      paragraphs: [
        'Nếu Ông/Bà gặp khó khăn khi đọc hay dùng bất kỳ phần nào của trang, hãy báo cho cơ quan. Góp ý gửi qua biểu mẫu được cấp mã hồ sơ để theo dõi và được trả lời trong thời hạn của dịch vụ góp ý về trang thông tin điện tử; cơ quan cũng cung cấp thông tin ở dạng khác (bản in, bản đọc được) khi được đề nghị.',
      ],
      links: [
        { href: REPORT_BARRIER_PATH, text: 'Báo rào cản tiếp cận qua biểu mẫu góp ý' },
        { href: `mailto:${ctx.email}`, text: `Thư điện tử: ${ctx.email}` },
        { href: tel(ctx.phone), text: `Điện thoại: ${ctx.phone}` },
      ],
    },
  ];
}
