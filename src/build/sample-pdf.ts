import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { foldVietnamese } from '../text/fold.ts';

/**
 * Writes a small valid one-page PDF for sample attachments:
 * `node src/build/sample-pdf.ts content/sotuphap/tep/2024/qd-15.pdf "Quyết định 15/2024"`.
 * The standard PDF fonts have no Vietnamese glyphs, so the text is folded to ASCII.
 */
export function minimalPdf(lines: string[]): Buffer {
  const esc = (s: string) =>
    foldVietnamese(s)
      .replace(/[^\x20-\x7e]/g, '?')
      .replace(/([\\()])/g, '\\$1');
  const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${esc(l)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

if (import.meta.main) {
  const [target, ...lines] = process.argv.slice(2);
  if (!target || lines.length === 0) {
    console.error('Cách dùng: node src/build/sample-pdf.ts <tệp.pdf> "<dòng tiêu đề>" ["<dòng khác>" …]');
    process.exit(2);
  }
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, minimalPdf(lines));
  console.log(`Đã tạo ${target}`);
}
