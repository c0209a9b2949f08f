import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDepartments } from '../content-source/departments.ts';
import type { InformationListEntry } from '../schema/content/information-list.ts';
import { informationPageView } from './information-list.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const departments = await loadDepartments(ROOT);
const byId = (id: string) => departments.find((d) => d.id === id)!;

const ENTRY: { url: string; data: InformationListEntry } = {
  url: '/tiep-can-thong-tin/so-goc/',
  data: {
    title: 'Sổ gốc cấp văn bằng',
    date: new Date('2026-11-02'),
    stateSecret: false,
    access: 'co-dieu-kien',
    holder: 'Phòng Quản lý chất lượng',
    where: 'Tại trụ sở, giờ hành chính.',
  },
};

describe('the access-to-information page (docs/adr/0048)', () => {
  it('lists every section the site publishes in, with its count and latest change, and leaves out empty ones and itself', () => {
    const view = informationPageView(
      byId('sogddt'),
      {
        'van-ban': { count: 12, updated: new Date('2026-11-16T03:00:00Z') },
        'tin-tuc': { count: 0, updated: undefined },
        'tiep-can-thong-tin': { count: 1, updated: new Date('2026-11-02') },
      },
      [ENTRY],
    );
    expect(view.published).toEqual([
      { label: 'Văn bản', what: 'Văn bản quy phạm pháp luật', count: 12, updated: '16/11/2026', href: '/van-ban/' },
    ]);
    expect(view.offline).toEqual([
      {
        title: 'Sổ gốc cấp văn bằng',
        access: 'Tiếp cận có điều kiện (Điều 7)',
        holder: 'Phòng Quản lý chất lượng',
        where: 'Tại trụ sở, giờ hành chính.',
        legalBasis: null,
        href: '/tiep-can-thong-tin/so-goc/',
      },
    ]);
  });

  it('names the declared contact point, or the department itself when it declared none', () => {
    expect(informationPageView(byId('sotuphap'), {}, []).contact).toMatchObject({
      unit: 'Văn phòng Sở Tư pháp',
      person: 'Chánh Văn phòng Sở',
      hours: 'Giờ hành chính các ngày làm việc',
    });
    const soyte = byId('soyte');
    expect(informationPageView(soyte, {}, []).contact).toEqual({
      unit: 'Sở Y tế',
      person: null,
      address: soyte.contact.address,
      phone: soyte.contact.phone,
      email: soyte.contact.email,
      hours: null,
    });
  });

  it('states the department’s own limits, the law’s when it declared none', () => {
    const dept = byId('soyte');
    expect(informationPageView(dept, {}, []).limits).toEqual({ available: '03', answer: '10', extension: '10' });
    const shorter = {
      ...dept,
      services: {
        ...dept.services,
        'tiep-can-thong-tin': {
          ...dept.services['tiep-can-thong-tin'],
          acceptLimit: { value: 2, unit: 'ngay-lam-viec' as const },
          resolveLimit: { value: 7, unit: 'ngay-lam-viec' as const },
        },
      },
    };
    expect(informationPageView(shorter, {}, []).limits).toEqual({ available: '02', answer: '07', extension: '10' });
  });

  it('links the online request form only when the department runs the service', () => {
    const dept = byId('soyte');
    expect(informationPageView(dept, {}, [])).toMatchObject({
      requestOnline: true,
      requestHref: '/dich-vu/tiep-can-thong-tin',
    });
    const off = {
      ...dept,
      services: { ...dept.services, 'tiep-can-thong-tin': { ...dept.services['tiep-can-thong-tin'], enabled: false } },
    };
    expect(informationPageView(off, {}, []).requestOnline).toBe(false);
  });
});
