import { describe, expect, it } from 'vitest';
import { errorSummary } from './error-summary.ts';

const render = async (view: Parameters<typeof errorSummary>[0]) => (await errorSummary(view)).toString();

describe('errorSummary', () => {
  it('is announced, can take focus, is labelled by its title and links each problem to its field', async () => {
    const out = await render({
      id: 'loi',
      title: 'Có lỗi cần xử lý',
      items: [{ text: 'Họ và tên: bắt buộc', href: '#fullName' }, { text: 'Không gửi được' }],
    });
    expect(out).toMatch(
      /^<div class="error-summary" role="alert" aria-labelledby="loi-tieu-de" id="loi" tabindex="-1">/,
    );
    expect(out).toContain('<h2 id="loi-tieu-de">Có lỗi cần xử lý</h2>');
    expect(out).toContain('<li><a href="#fullName">Họ và tên: bắt buộc</a></li>');
    expect(out).toContain('<li>Không gửi được</li>');
  });

  it('shows the error code for the IT officer, and nothing at all when there is no error', async () => {
    expect(
      await render({ message: 'Không được phép.', code: { label: 'Mã lỗi:', value: 'E_PERMISSION_DENIED' } }),
    ).toContain('<p class="hint">Mã lỗi: <code>E_PERMISSION_DENIED</code></p>');
    expect(await render(null)).toBe('');
  });
});
