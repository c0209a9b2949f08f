/** The accounts list, one account's page and the one-time password page (Điều 11, 17, 19). */
export const ACCOUNT_ADMIN_TEXT = {
  'accounts.title': 'Tài khoản',
  'accounts.captionProvince': 'Tài khoản của các đơn vị ({count})',
  'accounts.captionBoard': 'Tài khoản Ban Biên tập ({count})',
  'accounts.sections': 'Chuyên mục',
  'accounts.status': 'Trạng thái',
  'accounts.actions': 'Thao tác',
  'accounts.province': 'Cấp tỉnh',
  'accounts.mustChangePassword': 'Chưa đổi mật khẩu lần đầu',
  'accounts.disable': 'Vô hiệu hóa',
  'accounts.enable': 'Kích hoạt lại',
  'accounts.resetPassword': 'Cấp lại mật khẩu',
  'accounts.ofAccount': ' tài khoản {username}',
  'accounts.create': 'Tạo tài khoản',
  'accounts.createHint':
    'Tên đăng nhập được tạo tự động từ họ tên (Điều 11, khoản 1a). Mật khẩu dùng một lần được gửi tới hộp thư công vụ nếu có; nếu không, nó hiện {once} sau khi tạo và bạn được ghi nhận là người đã thấy nó.',
  'accounts.createHintOnce': 'một lần duy nhất',
  'accounts.emailLabel': 'Hộp thư công vụ (.gov.vn, không bắt buộc)',
  'accounts.emailHint': 'Khi có, mật khẩu dùng một lần được gửi thẳng tới hộp thư này thay vì hiện cho bạn.',
  'accounts.sectionsLegend': 'Chuyên mục (chỉ cho Biên tập viên, Cộng tác viên)',
  'accounts.submit': 'Tạo tài khoản',

  'account.witness': 'Người đã thấy mật khẩu hiện tại',
  'account.witnessNote':
    'Mật khẩu dùng một lần hiện tại của tài khoản này đã hiện trên màn hình của {witness}. Trong quy trình biên tập (Điều 19), {witness} và {username} được coi là cùng một người cho đến khi mật khẩu được cấp lại qua hộp thư công vụ hoặc bởi quản trị máy chủ.',
  'account.emailHeading': 'Hộp thư công vụ',
  'account.emailLabel': 'Địa chỉ thư điện tử (.gov.vn)',
  'account.emailHint':
    'Mật khẩu dùng một lần được gửi tới địa chỉ này, không hiện cho người cấp. Để trống nếu chưa có.',
  'account.saveEmail': 'Lưu hộp thư',
  'account.saveRole': 'Lưu vai trò',
  'account.sectionsLegend': 'Chuyên mục được phân công (Điều 17)',
  'account.saveSections': 'Lưu chuyên mục',
  'account.delegationLegend': 'Ủy quyền (Điều 19)',
  'account.saveDelegation': 'Lưu ủy quyền',
  'account.passwords': 'Cấp mật khẩu',
  'account.history': 'Các lần cấp mật khẩu và lần đăng nhập đầu tiên sau đó',
  'account.back': 'Quay lại danh sách tài khoản',

  'oneTimePassword.created': 'Đã tạo tài khoản',
  'oneTimePassword.reset': 'Đã cấp lại mật khẩu',
  'oneTimePassword.mailedTo': 'Đã gửi tới {address}',
  'oneTimePassword.mailed':
    'Mật khẩu dùng một lần chỉ được gửi tới hộp thư công vụ của {name}; bạn không nhìn thấy nó.',
  'oneTimePassword.shownOnce': 'Mật khẩu này chỉ hiện một lần.',
  'oneTimePassword.handOver': 'Hãy trao trực tiếp cho {name}.',
  'oneTimePassword.expires':
    'Mật khẩu hết hạn lúc {at} (sau {hours} giờ) và chỉ dùng để đặt mật khẩu mới ở lần đăng nhập đầu tiên.',
  'oneTimePassword.witness':
    'Vì bạn đã nhìn thấy mật khẩu này, hệ thống ghi nhận bạn là người đã biết mật khẩu của tài khoản {username}: trong quy trình biên tập (Điều 19), hai tài khoản được coi là cùng một người cho đến khi mật khẩu được cấp lại qua hộp thư công vụ. Người nhận thấy việc cấp mật khẩu này trên trang chính của mình.',

  'grants.heading': 'Ủy quyền xác thực, đăng tải (Điều 19)',
  'grants.empty': 'Chưa có lần ủy quyền nào.',
  'grants.caption': 'Các lần ủy quyền gần đây, mới nhất trước',
  'grants.at': 'Thời gian',
  'grants.by': 'Người ủy quyền',
  'grants.to': 'Tài khoản được ủy quyền',
  'grants.before': 'Trước',
  'grants.after': 'Sau',
} as const;
