import { describe, expect, it } from 'vitest';
import { timeline } from './timeline.ts';

describe('timeline', () => {
  it('lists the steps in order, each with a machine-readable time and its notes kept as text', async () => {
    const out = (
      await timeline(
        [
          { at: '16/11/2026 09:00', datetime: '2026-11-16T02:00:00.000Z', label: 'Đã nhận đơn trực tuyến', notes: [] },
          {
            at: '17/11/2026 10:30',
            datetime: '2026-11-17T03:30:00.000Z',
            label: 'Đã thụ lý',
            actor: 'Lê Văn Bình',
            notes: ['<i>Đã thụ lý</i>'],
          },
        ],
        { className: 'dv-timeline', noteClass: 'dv-pre' },
      )
    ).toString();
    expect(out).toMatch(/^<ol class="dv-timeline">/);
    expect(out).toContain(
      '<li><time datetime="2026-11-16T02:00:00.000Z">16/11/2026 09:00</time> – <strong>Đã nhận đơn trực tuyến</strong>',
    );
    expect(out).toContain('<strong>Đã thụ lý</strong> – Lê Văn Bình');
    expect(out).toContain('<p class="dv-pre">&lt;i&gt;Đã thụ lý&lt;/i&gt;</p>');
    expect(out.indexOf('Đã nhận đơn')).toBeLessThan(out.indexOf('Lê Văn Bình'));
  });
});
