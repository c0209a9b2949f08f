import { describe, expect, it } from 'vitest';
import { Browser, createTestApp } from '../accounts/support.ts';

describe('the compliance dashboard in the back office (Điều 18e)', () => {
  it('shows the head the eight sections, the news days and the directory e-mails of the department', async () => {
    const t = await createTestApp();
    const head = await t.addAccount('Nguyễn Văn An', 'head');
    const browser = new Browser(t);
    await browser.signInFully(head.username, head.password);
    const response = await browser.request('/quan-tri/tuan-thu/');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Chuyên mục bắt buộc (Điều 7)');
    expect(page).toContain('Tin đăng trước 16 giờ');
    expect(page).toContain('Sở Tư pháp: đạt');
    expect(page).not.toContain('Sở Y tế');
    await t.storage.close();
  });

  it('is refused to an editor', async () => {
    const t = await createTestApp();
    const editor = await t.addAccount('Lê Quang Minh', 'editor', 'sotuphap', ['tin-tuc']);
    const browser = new Browser(t);
    await browser.signInFully(editor.username, editor.password);
    const response = await browser.request('/quan-tri/tuan-thu/', { headers: { accept: 'application/json' } });
    expect(response.status).toBe(403);
    await t.storage.close();
  });
});
