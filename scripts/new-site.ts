import path from 'node:path';
import { parseArgs } from 'node:util';
import { createSite } from '#src/build/new-site.ts';
import { isDomainError } from '#src/errors.ts';

/** `npm run new-site -- --name "Sở Công Thương" [--abbr congthuong] [--content-root <dir>]`. */
const { values } = parseArgs({ options: { name: { type: 'string' }, abbr: { type: 'string' }, 'content-root': { type: 'string' } } });
if (!values.name) {
  console.error('Cách dùng: npm run new-site -- --name "Sở Công Thương" [--abbr congthuong]');
  process.exit(2);
}
const root = path.resolve(values['content-root'] ?? process.env.CONGSO_CONTENT_ROOT ?? process.cwd());
try {
  const site = await createSite({ root, name: values.name, abbr: values.abbr });
  console.log(`✓ Đã tạo trang "${site.id}" cho ${values.name}.`);
  console.log(`  Địa chỉ (Điều 3): ${site.domains.join(', ')}; trên máy này: http://${site.id}.localhost:4321/`);
  console.log(`  Tệp đã tạo:\n${site.files.map((f) => `    ${f}`).join('\n')}`);
  console.log(
    [
      'Bước tiếp theo:',
      `  1. Mở sites/${site.id}.yaml, thay mọi giá trị "CẦN ĐIỀN" (địa chỉ, điện thoại, mô tả) và khai báo Ban Biên tập.`,
      `  2. Thay các bài mẫu trong content/${site.id}/ bằng nội dung thật (mỗi chuyên mục Điều 7 phải có ít nhất một bài).`,
      `  3. npm run check -- --site ${site.id}`,
      `  4. npm run build -- --site ${site.id}, rồi npm start.`,
    ].join('\n'),
  );
} catch (error) {
  if (isDomainError(error)) {
    console.error(`✗ ${error.message}`);
    process.exit(1);
  }
  throw error;
}
