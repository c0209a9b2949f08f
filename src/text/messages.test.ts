import { describe, expect, it } from 'vitest';
import { conversionMessage, ENCODING_LABELS } from './messages.ts';

describe('conversionMessage', () => {
  it('tells which encoding the text came from', () => {
    expect(conversionMessage('tcvn3')).toBe(
      'Văn bản được chuyển từ mã TCVN3 (ABC) sang Unicode dựng sẵn (TCVN 6909:2001).',
    );
    expect(conversionMessage('vni')).toBe(
      'Văn bản được chuyển từ mã VNI-Windows sang Unicode dựng sẵn (TCVN 6909:2001).',
    );
    expect(conversionMessage('viqr')).toBe('Văn bản được chuyển từ mã VIQR sang Unicode dựng sẵn (TCVN 6909:2001).');
  });

  it('says when Unicode text was only normalised, or needed nothing', () => {
    expect(conversionMessage('unicode')).toBe('Văn bản được chuẩn hoá về dạng Unicode dựng sẵn (TCVN 6909:2001).');
    expect(conversionMessage('unicode', false)).toBe(
      'Văn bản đã dùng mã Unicode dựng sẵn (TCVN 6909:2001), không cần chuyển đổi.',
    );
  });

  it('has a label for every encoding', () => {
    expect(Object.keys(ENCODING_LABELS).sort()).toEqual(['tcvn3', 'unicode', 'viqr', 'vni']);
  });
});
