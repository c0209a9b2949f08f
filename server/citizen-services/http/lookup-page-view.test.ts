import { describe, expect, it } from 'vitest';
import { lookupFormView } from './lookup-page-view.ts';

describe('lookupFormView', () => {
  it('keeps the code typed after a refusal, never the secret', () => {
    const view = lookupFormView({ code: 'STP-2026-7KQ4-M9', error: 'Không tìm thấy hồ sơ.' });
    expect(view.fields.map((f) => [f.name, f.value])).toEqual([
      ['code', 'STP-2026-7KQ4-M9'],
      ['secret', undefined],
    ]);
    expect(view.error?.message).toBe('Không tìm thấy hồ sơ.');
    expect(view.title).toBe('Lỗi: Tra cứu');
    expect(lookupFormView({}).title).toBe('Tra cứu');
  });
});
