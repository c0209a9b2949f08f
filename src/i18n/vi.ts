/**
 * Every string the department site shows that is not content. Dotted keys by
 * the part of the page they belong to; `{name}` placeholders are filled by `t`.
 */
const VI = {
  // Written in sentence case; the header shows it in capitals with CSS, which screen readers do not spell out.
  'site.province': 'UBND tỉnh Thừa Thiên Huế',
  'site.titleSuffix': '{department} tỉnh {province}',
  'site.home': 'Trang chủ',

  'skipLink.label': 'Bỏ qua, đến nội dung chính',

  'nav.label': 'Chuyên mục',
  'nav.toggle': 'Danh mục chuyên mục',
  'breadcrumb.label': 'Đường dẫn',

  'search.label': 'Tìm kiếm',
  'search.headerLabel': 'Tìm kiếm trên trang',
  'search.inputLabel': 'Từ khoá tìm kiếm',
  'search.placeholder': 'Ví dụ: ly lich tu phap',
  'search.boxPlaceholder': 'Văn bản, thủ tục, tin tức…',
  'search.submit': 'Tìm kiếm',
  'search.title': 'Tìm kiếm',
  'search.description': 'Tìm văn bản, thủ tục hành chính, tin tức và thông tin khác trên trang của {department}.',
  'search.filters': 'Thu hẹp kết quả',
  'search.section': 'Chuyên mục',
  'search.type': 'Loại văn bản',
  'search.field': 'Lĩnh vực',
  'search.year': 'Năm',
  'search.any': 'Tất cả',
  'search.results': 'Kết quả tìm kiếm',
  'search.noscript': 'Trình duyệt của bạn đang tắt JavaScript nên chưa tra cứu được theo từ khoá. Bạn vẫn có thể xem:',
  'search.register': 'Danh mục văn bản, lọc theo loại, lĩnh vực, năm ban hành và hiệu lực',
  'search.procedures': 'Thủ tục hành chính, lọc theo lĩnh vực và mức độ trực tuyến',
  'search.found': 'Tìm thấy {count} kết quả.',
  'search.none': 'Không tìm thấy kết quả nào. Hãy thử từ khoá ngắn hơn hoặc bỏ bớt bộ lọc.',
  'search.loading': 'Đang tìm…',
  'search.error':
    'Chưa tải được bộ tìm kiếm. Vui lòng thử lại sau ít phút, hoặc xem danh mục văn bản và danh sách thủ tục hành chính.',
  'search.more': 'Xem thêm kết quả',

  'footer.contact': 'Liên hệ',
  'footer.address': 'Địa chỉ',
  'footer.phone': 'Điện thoại',
  'footer.fax': 'Fax',
  'footer.email': 'Thư điện tử',
  'footer.domains': 'Địa chỉ trang thông tin',
  'footer.owner': 'Cơ quan chủ quản',
  'footer.operator': 'Đơn vị vận hành',
  'footer.legal': 'Trang thông tin điện tử theo Quyết định 2567/2007/QĐ-UBND của UBND tỉnh Thừa Thiên Huế.',
  'footer.about': 'Về trang này',
  'footer.accessibility': 'Tuyên bố về khả năng tiếp cận',
  'footer.privacy': 'Thông báo xử lý dữ liệu cá nhân',
  'footer.openData': 'Dữ liệu mở',
  'footer.feeds': 'Tin mới qua Atom',

  // The link to the other language is written in that language, for those who read only it.
  'lang.switch': 'English',

  'page.updated': 'Cập nhật',
  'page.empty': 'Chưa có thông tin trong mục này.',
  'page.clause': 'Điều 7, khoản {clause}: {title}',
  'page.basis': '{title}',

  'pagination.label': 'Phân trang',
  'pagination.prev': 'Trang trước',
  'pagination.next': 'Trang sau',
  'pagination.newer': 'Trang mới hơn',
  'pagination.older': 'Trang cũ hơn',
  'pagination.newest': 'Mới nhất',
  'pagination.currentNewest': 'Đang ở trang mới nhất',
  'pagination.currentPage': 'Đang ở trang {page}',
  'pagination.currentArchive': 'Đang ở trang {page}, đánh số từ trang cũ nhất',
  'pagination.page': 'Trang {page}',

  'home.urgent': 'Thông báo khẩn',
  'home.news': 'Tin mới',
  'home.sections': 'Thông tin theo Quy chế',
  'home.documents': 'Văn bản mới ban hành',
  'home.consultations': 'Đang lấy ý kiến góp ý',
  'home.noConsultations': 'Hiện không có dự thảo nào đang lấy ý kiến.',
  'home.count': '{count} mục',
  'home.all': 'Xem tất cả: {section}',

  'facets.label': 'Bộ lọc',
  'facets.clear': 'Bỏ lọc',
  'facets.current': 'Đang lọc: {label}',

  'register.caption': 'Danh mục văn bản',
  'register.sort': 'Sắp xếp',
  'register.sort.moi-nhat': 'Ngày ban hành, mới nhất trước',
  'register.sort.cu-nhat': 'Ngày ban hành, cũ nhất trước',
  'register.sort.so-ky-hieu': 'Số, ký hiệu',
  'register.sortedBy': 'sắp xếp theo {sort}',
  'register.facet.loai': 'Loại văn bản',
  'register.facet.linh-vuc': 'Lĩnh vực',
  'register.facet.nam': 'Năm ban hành',
  'register.facet.hieu-luc': 'Tình trạng hiệu lực',

  'procedures.facet.linh-vuc': 'Lĩnh vực',
  'procedures.facet.muc-do': 'Mức độ trực tuyến',

  'document.meta': 'Thông tin văn bản',
  'document.number': 'Số, ký hiệu',
  'document.type': 'Loại văn bản',
  'document.issuer': 'Cơ quan ban hành',
  'document.signer': 'Người ký',
  'document.issued': 'Ngày ban hành',
  'document.effective': 'Ngày có hiệu lực',
  'document.status': 'Tình trạng hiệu lực',
  'document.field': 'Lĩnh vực',
  'document.summary': 'Trích yếu',
  'document.attachment': 'Tệp đính kèm',
  'document.noAttachment': 'Không có',

  'procedure.meta': 'Thông tin thủ tục',
  'procedure.code': 'Mã thủ tục',
  'procedure.field': 'Lĩnh vực',
  'procedure.level': 'Cấp thực hiện',
  'procedure.onlineLevel': 'Mức độ trực tuyến',
  'procedure.agency': 'Cơ quan thực hiện',
  'procedure.applicants': 'Đối tượng thực hiện',
  'procedure.steps': 'Trình tự thực hiện',
  'procedure.responsible': 'Người chịu trách nhiệm',
  'procedure.timeLimit': 'Thời hạn',
  'procedure.totalTime': 'Thời hạn giải quyết',
  'procedure.fees': 'Phí, lệ phí',
  'procedure.free': 'Miễn phí',
  'procedure.documents': 'Thành phần hồ sơ',
  'procedure.original': 'Bản chính',
  'procedure.copy': 'Bản sao',
  'procedure.copies': '{count} bộ',
  'procedure.template': 'Mẫu',
  'procedure.result': 'Kết quả thực hiện',
  'procedure.legalBasis': 'Căn cứ pháp lý',
  'procedure.forms': 'Mẫu đơn, tờ khai',
  'procedure.details': 'Hướng dẫn thêm',

  'news.category': 'Chuyên mục',
  'news.source': 'Nguồn',
  'news.original': 'Tin: Ban Biên tập',
  'news.urgent': 'Tin khẩn',
  /** Above the page in Decap's preview pane (docs/adr/0094). */

  'directory.email': 'Thư điện tử của đơn vị',
  'directory.personEmail': 'Thư điện tử',
  'directory.phone': 'Điện thoại',
  'directory.address': 'Địa chỉ',
  'directory.contacts': 'Cán bộ, công chức',
  'directory.name': 'Họ và tên',
  'directory.position': 'Chức vụ',

  'procurement.kind': 'Loại thông tin',
  'procurement.status': 'Tình trạng',
  'procurement.investor': 'Chủ đầu tư, bên mời thầu',
  'procurement.location': 'Địa điểm',
  'procurement.budget': 'Tổng mức đầu tư, giá gói thầu',
  'procurement.funding': 'Nguồn vốn',
  'procurement.closes': 'Thời điểm đóng thầu',
  'procurement.meta': 'Thông tin dự án, gói thầu',

  'online.kind': 'Loại hoạt động',
  'online.url': 'Địa chỉ truy cập',
  'online.since': 'Triển khai từ',
  'online.active': 'Tình trạng',
  'online.isActive': 'Đang hoạt động',
  'online.inactive': 'Đã ngừng',
  'online.meta': 'Thông tin hoạt động',

  'consultation.meta': 'Thông tin lấy ý kiến',
  'consultation.state': 'Trạng thái',
  'consultation.stateAt': '(tính đến ngày {date}, khi trang được cập nhật)',
  'consultation.period': 'Thời gian lấy ý kiến',
  'consultation.from': 'Từ ngày',
  'consultation.to': 'đến hết ngày',
  'consultation.drafter': 'Cơ quan chủ trì soạn thảo',
  'consultation.draft': 'Dự thảo',
  'consultation.howTo': 'Ý kiến góp ý xin gửi về',
  'consultation.orByMail': 'hoặc gửi thư về',
  'consultation.summary': 'Tổng hợp ý kiến góp ý',
  'consultation.count': 'Số ý kiến đã nhận',
  'consultation.pending': 'Ban Biên tập đang tổng hợp ý kiến; kết quả sẽ được đăng tại đây.',
  'consultation.deadline': 'Hạn góp ý',

  'information.lede':
    'Công dân có quyền tiếp cận thông tin của {department} (Luật Tiếp cận thông tin 2016): đọc, xem, tải về những thông tin được công khai dưới đây, hoặc yêu cầu cơ quan cung cấp thông tin khác.',
  'information.published': 'Thông tin công khai trên trang này',
  'information.publishedCaption':
    'Danh mục thông tin được công khai trên trang thông tin điện tử, tự động cập nhật theo nội dung đã đăng',
  'information.column.group': 'Nhóm thông tin',
  'information.column.what': 'Nội dung',
  'information.column.count': 'Số mục',
  'information.column.updated': 'Cập nhật',
  'information.offline': 'Thông tin công khai bằng hình thức khác hoặc cung cấp theo yêu cầu',
  'information.offlineCaption': 'Thông tin không đăng trên trang này: nơi lưu giữ và cách tiếp cận',
  'information.column.title': 'Thông tin',
  'information.column.access': 'Cách tiếp cận',
  'information.column.holder': 'Đơn vị lưu giữ',
  'information.column.where': 'Nơi, cách tiếp cận',
  'information.offlineNone': 'Mọi thông tin cơ quan công khai đều có trên trang này.',
  'information.contact': 'Đầu mối cung cấp thông tin',
  'information.contact.unit': 'Đơn vị',
  'information.contact.person': 'Người phụ trách',
  'information.contact.address': 'Địa chỉ',
  'information.contact.phone': 'Điện thoại',
  'information.contact.email': 'Thư điện tử',
  'information.contact.hours': 'Thời gian tiếp nhận',
  'information.request': 'Yêu cầu cung cấp thông tin',
  'information.requestText':
    'Thông tin có sẵn được cung cấp chậm nhất trong {available} ngày làm việc; thông tin khác chậm nhất trong {answer} ngày làm việc kể từ ngày nhận yêu cầu hợp lệ, có thể gia hạn một lần không quá {extension} ngày làm việc và được thông báo cho người yêu cầu. Trường hợp từ chối, cơ quan trả lời bằng văn bản và nêu rõ lý do.',
  'information.requestLink': 'Gửi yêu cầu cung cấp thông tin trực tuyến',
  'information.requestOffline': 'Gửi phiếu yêu cầu đến đầu mối cung cấp thông tin nêu trên.',
  'information.legalBasis': 'Căn cứ',
  'qa.question': 'Câu hỏi',
  'qa.answer': 'Trả lời',

  'organisation.leaders': 'Lãnh đạo',
  'organisation.units': 'Đơn vị trực thuộc',
  'organisation.head': 'Người đứng đầu',
  'organisation.inSection': 'Trong mục này',

  'notFound.title': 'Không tìm thấy trang',
  'notFound.body':
    'Trang bạn tìm không có hoặc đã được chuyển sang địa chỉ khác. Bạn có thể tìm kiếm hoặc chọn một chuyên mục dưới đây.',
  'notFound.sections': 'Các chuyên mục',
} as const;

export type UiKey = keyof typeof VI;

export function t(key: UiKey, vars?: Record<string, string | number>): string {
  return fill(VI[key], vars);
}

/** `{name}` placeholders of a template filled from `vars`; unknown ones are left as written. */
export function fill(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
