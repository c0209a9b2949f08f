import { describe, expect, it } from 'vitest';
import { buildHostIndex, siteForHost } from './site-for-host.ts';

const index = buildHostIndex(
  [
    { id: 'sotuphap', name: 'Sở Tư pháp', domains: ['stp.thuathienhue.gov.vn'] },
    { id: 'soyte', name: 'Sở Y tế', domains: ['syt.thuathienhue.gov.vn', 'soyte.hue.gov.vn'] },
  ],
  ['thuathienhue.gov.vn'],
);

describe('site for a Host header', () => {
  it.each([
    ['sotuphap.localhost:4321', 'sotuphap'],
    ['SoTuPhap.localhost', 'sotuphap'],
    ['stp.thuathienhue.gov.vn', 'sotuphap'],
    ['soyte.hue.gov.vn.', 'soyte'],
    ['syt.thuathienhue.gov.vn:443', 'soyte'],
  ])('%s → department %s', (host, id) => {
    expect(siteForHost(host, index)).toMatchObject({ kind: 'department', department: { id } });
  });

  it.each(['localhost', 'localhost:4321', '127.0.0.1:4321', '[::1]:4321', 'thuathienhue.gov.vn'])(
    '%s → portal',
    (host) => {
      expect(siteForHost(host, index)).toEqual({ kind: 'portal' });
    },
  );

  it.each(['evil.example', 'sokhac.localhost', 'a.b.localhost', ''])('%s → nothing', (host) => {
    expect(siteForHost(host, index)).toBeNull();
  });
});
