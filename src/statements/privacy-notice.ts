import { ACCESSIBILITY_PATH } from '../site-paths.ts';
import { tel, type StatementContext, type StatementPart } from './statement.ts';

/**
 * The personal-data notice of every form of a department site, per the Law on
 * Personal Data Protection 91/2025/QH15 (in force from 1 January 2026, in
 * place of Nghị định 13/2023/NĐ-CP): who controls the data, for what, on which
 * legal basis, what is kept and how long, who sees it, the person's rights
 * and how to use them. One text, read by the site page `/quyen-rieng-tu/`
 * that every footer and every form links; the forms' short notice points
 * here (docs/adr/0026-statements.md).
 */
export const PRIVACY_NOTICE_TITLE = 'Thông báo về xử lý dữ liệu cá nhân';

/** When the text was last reviewed against the law: the page's "Cập nhật" and its sitemap date. */
export const PRIVACY_NOTICE_REVIEWED = new Date('2026-01-01T00:00:00+07:00');

/** The default of `CASE_RETENTION_DAYS`: closed cases and their files are proposed for disposal after this. */
export const CASE_RETENTION_YEARS = 5;

export function privacyNotice(ctx: StatementContext): StatementPart[] {
  return [
    {
      id: 'ben-kiem-soat',
      heading: 'Bên kiểm soát và xử lý dữ liệu',
      paragraphs: [
        `${ctx.departmentName} là bên kiểm soát và xử lý dữ liệu cá nhân mà Ông/Bà gửi qua các biểu mẫu trên trang này: khiếu nại, tố cáo, phản ánh, kiến nghị; câu hỏi về chính sách, pháp luật; hồ sơ thủ tục hành chính; góp ý dự thảo văn bản; góp ý về trang thông tin điện tử.`,
        `Địa chỉ: ${ctx.address}. ${ctx.operator} vận hành kỹ thuật nền tảng và chỉ xử lý dữ liệu theo yêu cầu của cơ quan, không dùng cho mục đích nào khác.`,
      ],
      links: [
        { href: `mailto:${ctx.email}`, text: `Thư điện tử: ${ctx.email}` },
        { href: tel(ctx.phone), text: `Điện thoại: ${ctx.phone}` },
      ],
    },
    {
      id: 'muc-dich',
      heading: 'Mục đích xử lý',
      items: [
        'Tiếp nhận, giải quyết và trả lời đúng yêu cầu Ông/Bà gửi; không dùng cho việc khác.',
        'Báo cho Ông/Bà tình trạng giải quyết qua thư điện tử, nếu Ông/Bà để lại địa chỉ.',
        'Thống kê tình hình giải quyết theo Điều 16 Quy chế 2567/2007/QĐ-UBND: chỉ số liệu tổng hợp, không có thông tin của cá nhân nào.',
        'Bảo vệ dịch vụ khỏi gửi tự động, gửi trùng: địa chỉ mạng và dấu vết của nội dung chỉ dùng để giới hạn số lần gửi.',
      ],
    },
    {
      id: 'can-cu',
      heading: 'Căn cứ pháp lý',
      paragraphs: [
        'Sự đồng ý của Ông/Bà khi đánh dấu ô đồng ý và gửi biểu mẫu, theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15; và nhiệm vụ của cơ quan nhà nước theo luật khi giải quyết yêu cầu.',
      ],
      items: [
        'Luật Khiếu nại năm 2011, Luật Tố cáo năm 2018, Luật Tiếp công dân năm 2013;',
        'Nghị định 45/2020/NĐ-CP về thực hiện thủ tục hành chính trên môi trường điện tử;',
        'Quyết định 2567/2007/QĐ-UBND của UBND tỉnh về vận hành trang thông tin điện tử và các dịch vụ công (Điều 12–16).',
      ],
    },
    {
      id: 'du-lieu-luu-giu',
      heading: 'Dữ liệu được lưu và thời hạn lưu',
      items: [
        'Những gì Ông/Bà điền vào biểu mẫu (họ tên, địa chỉ, số điện thoại, thư điện tử, nội dung) và các tệp đính kèm.',
        'Mã hồ sơ, thời điểm gửi và quá trình giải quyết; mã bí mật chỉ được lưu dưới dạng đã băm, cơ quan không đọc được.',
        `Hồ sơ đã kết thúc và các tệp của nó được lưu ${CASE_RETENTION_YEARS} năm, trừ khi pháp luật về lưu trữ buộc giữ lâu hơn; sau đó chỉ bị huỷ theo danh sách được Thủ trưởng cơ quan phê duyệt, và danh sách mã hồ sơ đã huỷ được giữ lại.`,
        'Câu trả lời hỏi đáp được Trưởng Ban Biên tập duyệt đăng công khai (Điều 13.3) không kèm tên, địa chỉ hay thông tin liên hệ của người hỏi.',
      ],
    },
    {
      id: 'ai-duoc-xem',
      heading: 'Ai được xem dữ liệu',
      items: [
        'Cán bộ được phân công tiếp nhận, giải quyết yêu cầu và lãnh đạo cơ quan có thẩm quyền; mỗi lần xem, thay đổi đều được ghi lại.',
        'Cơ quan có thẩm quyền khác khi yêu cầu phải chuyển đến đó để giải quyết, hoặc khi pháp luật buộc cung cấp.',
        'Không công bố trên trang, không bán, không chuyển ra nước ngoài. Thông tin của người tố cáo được giữ bí mật theo Luật Tố cáo 2018.',
      ],
    },
    {
      id: 'quyen',
      heading: 'Quyền của Ông/Bà',
      items: [
        'Được biết về việc xử lý dữ liệu của mình (thông báo này).',
        'Đồng ý hoặc không đồng ý; rút lại sự đồng ý. Việc rút lại không làm mất hiệu lực những gì đã xử lý hợp pháp trước đó, và cơ quan vẫn giữ những gì pháp luật buộc giữ để giải quyết yêu cầu đã gửi.',
        'Xem, chỉnh sửa hoặc yêu cầu chỉnh sửa dữ liệu của mình; yêu cầu cung cấp bản sao.',
        'Yêu cầu xoá, hạn chế xử lý; phản đối việc xử lý.',
        'Khiếu nại, tố cáo, khởi kiện và yêu cầu bồi thường thiệt hại khi quyền về dữ liệu cá nhân bị vi phạm.',
      ],
    },
    {
      id: 'cach-thuc-hien',
      heading: 'Cách thực hiện quyền',
      paragraphs: [
        `Gửi yêu cầu đến ${ctx.departmentName} qua thư điện tử, điện thoại hoặc trực tiếp tại trụ sở, ghi mã hồ sơ nếu có. Ông/Bà cũng tra cứu được hồ sơ của mình bằng mã hồ sơ và mã bí mật tại trang Tra cứu. Cơ quan trả lời trong thời hạn luật định.`,
        'Nếu cho rằng quyền của mình chưa được bảo đảm, Ông/Bà có thể khiếu nại đến cơ quan chuyên trách bảo vệ dữ liệu cá nhân thuộc Bộ Công an.',
      ],
      links: [
        { href: `mailto:${ctx.email}`, text: `Gửi yêu cầu qua thư điện tử: ${ctx.email}` },
        { href: '/tra-cuu/', text: 'Tra cứu hồ sơ đã gửi' },
        { href: ACCESSIBILITY_PATH, text: 'Tuyên bố về khả năng tiếp cận của trang' },
      ],
    },
  ];
}
