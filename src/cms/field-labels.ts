/**
 * Vietnamese labels for fields of nested schemas that carry no
 * `.meta({ title })` (people, attachments, procedure steps…) and for values
 * of literal unions that have no label map. Top-level entry fields take
 * their label from the schema itself; a test fails when a field has none.
 * Better still: give the nested schema fields `.meta({ title })` and delete
 * the line here.
 */
export const FIELD_LABELS: Record<string, string> = {
  name: 'Tên',
  position: 'Chức vụ',
  email: 'Thư điện tử',
  phone: 'Điện thoại',
  address: 'Địa chỉ',
  head: 'Người đứng đầu',
  label: 'Tên hiển thị',
  file: 'Tệp',
  src: 'Ảnh',
  alt: 'Mô tả ảnh (cho người khiếm thị)',
  caption: 'Chú thích',
  kind: 'Loại',
  url: 'Địa chỉ trang',
  title: 'Tiêu đề',
  type: 'Kiểu',
  body: 'Nội dung',
  responsible: 'Người chịu trách nhiệm',
  timeLimit: 'Thời hạn',
  value: 'Số lượng',
  unit: 'Đơn vị',
  copies: 'Số bản',
  original: 'Bản chính',
  template: 'Mẫu',
  amount: 'Số tiền (đồng)',
  item: 'Mục',
};

export const VALUE_LABELS: Record<string, string> = {
  original: 'Tin do Ban Biên tập viết',
  cited: 'Đăng lại, ghi rõ nguồn (Điều 19a)',
  note: 'Lưu ý',
  warning: 'Cảnh báo',
  tip: 'Hướng dẫn',
};
