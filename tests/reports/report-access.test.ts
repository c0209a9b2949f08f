import { describe, expect, it } from 'vitest';
import { authorizeReportRead } from '#server/platform/http/report-access.ts';

const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'allowed';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('who reads the usage reports (Điều 16)', () => {
  it('leaders and the IT officer of the department read its report, not another department’s', () => {
    for (const role of ['head', 'deputy', 'it-officer'] as const) {
      expect(codeOf(() => authorizeReportRead({ role, departmentId: 'soyte' }, 'soyte'))).toBe('allowed');
      expect(codeOf(() => authorizeReportRead({ role, departmentId: 'soyte' }, 'sotuphap'))).toBe(
        'E_OUTSIDE_DEPARTMENT',
      );
      expect(codeOf(() => authorizeReportRead({ role, departmentId: 'soyte' }, null))).toBe('E_OUTSIDE_DEPARTMENT');
    }
  });

  it('the province administrator reads every department and the province as a whole', () => {
    expect(codeOf(() => authorizeReportRead({ role: 'admin', departmentId: null }, null))).toBe('allowed');
    expect(codeOf(() => authorizeReportRead({ role: 'admin', departmentId: null }, 'sotuphap'))).toBe('allowed');
  });

  it('editors and contributors do not', () => {
    for (const role of ['editor', 'contributor'] as const) {
      expect(codeOf(() => authorizeReportRead({ role, departmentId: 'soyte' }, 'soyte'))).toBe('E_PERMISSION_DENIED');
    }
  });
});
