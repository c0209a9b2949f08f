import { describe, expect, it } from 'vitest';
import { anAccount, DEPARTMENT_SITE } from '#tests/support/records.ts';
import { serviceGrantsPageView } from './service-grants-page-view.ts';

describe('serviceGrantsPageView', () => {
  it('gives one form per officer with their services ticked, none for the head who sees every case', () => {
    const head = anAccount();
    const officer = anAccount({ id: 'a2', username: 'lvbinh', fullName: 'Lê Văn Bình', role: 'editor' });
    const view = serviceGrantsPageView({
      site: DEPARTMENT_SITE,
      account: head,
      officers: [
        { account: head, services: [] },
        { account: officer, services: ['hoi-dap'] },
      ],
    });
    expect(view.officers).toHaveLength(1);
    expect(view.officers[0]!.action).toBe('/quan-tri/ho-so/phan-quyen/a2');
    expect(view.officers[0]!.services.legend).toBe('Lê Văn Bình (lvbinh)');
    expect(view.officers[0]!.services.options.filter((o) => o.checked).map((o) => o.value)).toEqual(['hoi-dap']);
  });
});
