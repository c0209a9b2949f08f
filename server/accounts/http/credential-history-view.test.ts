import { describe, expect, it } from 'vitest';
import type { CredentialIssue } from '../credential-history.ts';
import { credentialHistoryView } from './credential-history-view.ts';

const issue: CredentialIssue = {
  kind: 'reset',
  account: 'ttbhanh',
  at: Date.parse('2026-11-29T03:40:05Z'),
  by: 'nvan',
  ip: '10.0.0.5',
  delivery: 'screen',
  firstSignIn: { at: Date.parse('2026-11-29T04:00:00Z'), ip: null, userAgent: 'Firefox' },
};

describe('credentialHistoryView', () => {
  it('says how each password reached its holder and when they first signed in after it, in Vietnam time', () => {
    const [row] = credentialHistoryView([issue], 'Các lần cấp').rows;
    expect(row).toEqual({
      kind: 'Cấp lại mật khẩu',
      at: '29/11/2026 10:40:05',
      by: 'nvan',
      ip: '10.0.0.5',
      delivery: 'Hiện trên màn hình người cấp',
      firstSignIn: { text: '29/11/2026 11:00:00, từ —', userAgent: 'Firefox' },
    });
  });

  it('names the account only in the head’s view of the board, and says when there is nothing', () => {
    expect(credentialHistoryView([issue], 'x', true).rows[0]!.account).toBe('ttbhanh');
    expect(credentialHistoryView([{ ...issue, firstSignIn: null }], 'x').rows[0]!.firstSignIn).toBeNull();
    expect(credentialHistoryView([], 'Các lần cấp').empty).toBe('Các lần cấp: chưa có.');
  });
});
