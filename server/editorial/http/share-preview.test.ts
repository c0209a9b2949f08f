import { describe, expect, it } from 'vitest';
import { sharePreviewView } from './share-preview.ts';

const link = { expiresAt: Date.parse('2026-11-17T02:00:00Z') };

describe('sharePreviewView (docs/adr/0093)', () => {
  it('shows the title, the day without an hour, the body through the safe renderer and until when the link works', () => {
    const view = sharePreviewView('---\ntitle: Hội nghị\ndate: 2024-12-20\n---\n\nSáng **20/12**.\n', link, 'hoi-nghi');
    expect(view.title).toBe('Hội nghị');
    expect(view.date).toBe('ngày 20 tháng 12 năm 2024');
    expect(view.body).toContain('<strong>20/12</strong>');
    expect(view.banner).toContain('17/11/2026 09:00');
  });

  it('never renders what the allow-list refuses, and falls back to the address for a broken front matter', () => {
    expect(
      sharePreviewView('---\ntitle: X\n---\n\nimport x from "y"\n\n<script>alert(1)</script>\n', link, 'x').body,
    ).toBeNull();
    expect(sharePreviewView('không có front matter', link, 'dia-chi')).toMatchObject({
      title: 'dia-chi',
      body: null,
      date: null,
    });
  });
});
