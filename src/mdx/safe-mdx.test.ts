import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSafeMdx } from '#src/mdx/safe-mdx.ts';

const hostileDir = path.join(import.meta.dirname, '../../tests/fixtures/hostile-mdx');
const hostile = readdirSync(hostileDir).filter((f) => f.endsWith('.mdx'));

describe('MDX entries never become code', () => {
  it('has a real corpus of hostile bodies', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(15);
  });

  it.each(hostile)('refuses %s with a message and renders nothing', (file) => {
    const result = renderSafeMdx(readFileSync(path.join(hostileDir, file), 'utf8'));
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.issues[0]!.message).toMatch(/\S/);
    expect(result.html).toBe('');
  });

  it('renders Markdown and the allowed components to plain HTML', () => {
    const body = [
      '## Hồ sơ cần chuẩn bị',
      '',
      'Xem [biểu mẫu](/thu-tuc-hanh-chinh/cap-phieu/) hoặc gửi thư tới [stp@thuathienhue.gov.vn](mailto:stp@thuathienhue.gov.vn).',
      '',
      '<Callout type="warning" title="Hạn chót">',
      'Nộp trước **16 giờ** ngày 30/11.',
      '</Callout>',
      '',
      '<Attachment file="/tep/2024/to-khai.pdf" label="Tờ khai (PDF)" />',
      '',
      '<Figure src="/tep/anh/hoi-nghi.jpg" alt="Hội nghị tổng kết" caption="Toàn cảnh hội nghị" />',
    ].join('\n');
    const { html, text, issues } = renderSafeMdx(body);
    expect(issues).toEqual([]);
    expect(html).toContain('<h2>Hồ sơ cần chuẩn bị</h2>');
    expect(html).toContain('<aside class="callout callout--warning" role="note">');
    expect(html).toContain('<p class="callout__title">Hạn chót</p>');
    expect(html).toContain('<strong>16 giờ</strong>');
    expect(html).toContain('<a href="/tep/2024/to-khai.pdf" download>Tờ khai (PDF)</a>');
    expect(html).toContain('<img src="/tep/anh/hoi-nghi.jpg" alt="Hội nghị tổng kết"');
    expect(html).not.toMatch(/<script|on[a-z]+=/i);
    expect(text).toContain('Nộp trước 16 giờ ngày 30/11.');
  });

  it('reports the line of the offending construct', () => {
    const { issues } = renderSafeMdx('Dòng một.\n\nDòng ba {x}.');
    expect(issues[0]!.line).toBe(3);
  });

  it('accepts escaped braces as text', () => {
    const { html, issues } = renderSafeMdx('Ký hiệu \\{a\\} là văn bản.');
    expect(issues).toEqual([]);
    expect(html).toContain('{a}');
  });
});
