import { describe, expect, it } from 'vitest';
import { atomXml, type AtomFeed } from '#src/outputs/atom.ts';
import { atomProblems } from '../support/atom-validator.ts';

/** The validator the site tests rely on must itself refuse what RFC 4287 forbids. */
const feed: AtomFeed = {
  selfUrl: 'https://sotuphap.thuathienhue.gov.vn/tin-tuc/feed.atom',
  pageUrl: 'https://sotuphap.thuathienhue.gov.vn/tin-tuc/',
  title: 'Tin tức — Sở Tư pháp',
  lang: 'vi',
  author: { name: 'Sở Tư pháp', email: 'stp@thuathienhue.gov.vn' },
  updated: new Date('2026-11-20T08:00:00Z'),
  entries: [
    {
      url: 'https://sotuphap.thuathienhue.gov.vn/tin-tuc/a/',
      title: 'Tin <a> & "b"',
      updated: new Date('2026-11-20T08:10:00Z'),
      summary: 'Tóm tắt\u0007 có ký tự điều khiển',
      categories: ['Tin tức'],
    },
  ],
};

describe('the Atom validator of the tests', () => {
  it('accepts the feed the site writes, even with markup and control characters in an editor’s text', () => {
    expect(atomProblems(atomXml(feed))).toEqual([]);
  });

  it.each([
    ['not well-formed', (x: string) => x.replace('</feed>', '')],
    ['no feed id', (x: string) => x.replace(/ {2}<id>[^<]*<\/id>\n/, '')],
    [
      'a relative entry id',
      (x: string) => x.replace('<id>https://sotuphap.thuathienhue.gov.vn/tin-tuc/a/</id>', '<id>/tin-tuc/a/</id>'),
    ],
    [
      'a date without time zone',
      (x: string) =>
        x.replace(
          /<updated>2026-11-20T08:10:00Z<\/updated>\n {4}<link/,
          '<updated>2026-11-20 08:10</updated>\n    <link',
        ),
    ],
    ['no author anywhere', (x: string) => x.replace(/ {2}<author>[\s\S]*?<\/author>\n/, '')],
    [
      'two titles in an entry',
      (x: string) => x.replace('<title type="text">Tin', '<title>x</title><title type="text">Tin'),
    ],
    [
      'an entry with neither content nor alternate link',
      (x: string) => x.replace(/ {4}<link rel="alternate"[^>]*\/>\n/, ''),
    ],
    ['the wrong namespace', (x: string) => x.replace('http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#')],
    ['an unknown text type', (x: string) => x.replace('<summary type="text">', '<summary type="markdown">')],
  ])('refuses a feed with %s', (_, spoil) => {
    const xml = atomXml(feed);
    expect(atomProblems(xml)).toEqual([]);
    expect(atomProblems(spoil(xml)).length).toBeGreaterThan(0);
  });
});
