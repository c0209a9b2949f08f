import { readdir, readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSites, PROJECT_ROOT } from '#src/build/build-sites.ts';
import { loadDepartments } from '#src/content-source/departments.ts';
import { FEED_SECTIONS, feedPath } from '#src/outputs/feed-links.ts';
import { DATASET_IDS, columnsOf, recordSchema } from '#src/outputs/open-data.ts';
import { ENGLISH_TOPIC_IDS } from '#src/schema/content/english-page.ts';
import type { Department } from '#src/schema/department.ts';
import { ACCESSIBILITY_PATH, PRIVACY_NOTICE_PATH, ROBOTS_PATH, SITEMAP_PATH, SITE_FEED_PATH } from '#src/site-paths.ts';
import { FORMULA_START } from '#src/text/csv.ts';
import { atomProblems } from '../support/atom-validator.ts';
import { childElements, parseXml } from '../support/xml.ts';

/**
 * What every sample department site offers beyond its sections
 * (docs/adr/0023–0026), read from the real build of the sample content:
 * English pages linked both ways, a sitemap of every page, robots.txt, valid
 * Atom feeds, open data that parses back to the same records, JSON-LD, and
 * the statements linked from every page.
 */
let work: string;
let outDir: string;
let departments: Department[];
const workDir = path.join(PROJECT_ROOT, '.build', `outputs-${process.pid}`);

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'congso-outputs-'));
  outDir = path.join(work, 'dist');
  departments = await loadDepartments(PROJECT_ROOT);
  await buildSites({ contentRoot: PROJECT_ROOT, outDir, workDir, precompress: false });
}, 300_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
  if (work) await rm(work, { recursive: true, force: true });
});

const read = (site: string, p: string) => readFile(path.join(outDir, site, p.replace(/\/$/, '/index.html')), 'utf8');

/** Root-relative paths of every HTML page of a built site. */
async function htmlPages(site: string): Promise<string[]> {
  const files = (await readdir(path.join(outDir, site), { recursive: true }))
    .map(String)
    .filter((f) => f.endsWith('index.html'));
  return files.map((f) => `/${f.slice(0, -'index.html'.length)}`.replace(/\/+/g, '/'));
}

/** `<link rel="alternate" hreflang>` of a page: language → address. */
function hreflangs(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [tag] of html.matchAll(/<link rel="alternate" hreflang="[^"]+"[^>]*>/g)) {
    out[/hreflang="([^"]+)"/.exec(tag)![1]!] = /href="([^"]+)"/.exec(tag)![1]!;
  }
  return out;
}

/** The schema.org objects of a page's JSON-LD blocks, parsed. */
function jsonLd(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

describe('each sample department site, as built', () => {
  it('publishes the four English pages under /en/, each linked both ways with its Vietnamese page and with a language switch', async () => {
    for (const d of departments) {
      const home = await read(d.id, '/en/');
      expect(home, d.id).toMatch(/<html lang="en"/);
      expect(hreflangs(home)).toEqual({ vi: `${d.url}/`, en: `${d.url}/en/`, 'x-default': `${d.url}/` });
      const links = [...home.matchAll(/<h3 class="card__title"><a href="(\/en\/[a-z-]+\/)"/g)].map((m) => m[1]!);
      expect(links, d.id).toHaveLength(ENGLISH_TOPIC_IDS.length);
      for (const link of links) {
        const page = await read(d.id, link);
        const pair = hreflangs(page);
        expect(pair.en).toBe(`${d.url}${link}`);
        const vietnamese = pair.vi!.slice(d.url.length);
        expect(await read(d.id, vietnamese), `${d.id} ${vietnamese}`).toContain(`hreflang="en" href="${d.url}${link}"`);
        expect(page).toContain(`class="lang-switch" href="${vietnamese}" lang="vi"`);
        expect(await read(d.id, vietnamese)).toContain(`class="lang-switch" href="${link}" lang="en"`);
      }
    }
  });

  it('lists every HTML page once in the parts sitemap.xml indexes, with its last change, and points robots.txt to it', async () => {
    const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
    const W3C_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
    for (const d of departments) {
      const index = parseXml(await read(d.id, SITEMAP_PATH));
      expect(index.documentElement?.namespaceURI).toBe(NS);
      expect(index.documentElement?.localName).toBe('sitemapindex');
      const parts = childElements(index.documentElement!, NS, 'sitemap');
      expect(parts.length).toBeGreaterThan(5);
      const listed: string[] = [];
      let urls = 0;
      let dated = 0;
      for (const part of parts) {
        // Each part at the root of the department's own host, as the protocol requires.
        const loc = childElements(part, NS, 'loc')[0]!.textContent!;
        expect(loc).toMatch(new RegExp(`^${d.url}/sitemap-[a-z-]+\\.xml$`));
        const partUpdated = childElements(part, NS, 'lastmod')[0]?.textContent;
        if (partUpdated) expect(partUpdated).toMatch(W3C_DATE);
        const doc = parseXml(await read(d.id, loc.slice(d.url.length)));
        expect(doc.documentElement?.localName).toBe('urlset');
        const entries = childElements(doc.documentElement!, NS, 'url');
        expect(entries.length, loc).toBeGreaterThan(0);
        const lastmods: string[] = [];
        for (const u of entries) {
          listed.push(childElements(u, NS, 'loc')[0]!.textContent!);
          const lastmod = childElements(u, NS, 'lastmod')[0]?.textContent;
          if (lastmod) {
            expect(lastmod).toMatch(W3C_DATE);
            lastmods.push(lastmod);
          }
        }
        // The index dates a part by the latest change of its pages.
        expect(partUpdated, loc).toBe(lastmods.sort().at(-1));
        urls += entries.length;
        dated += lastmods.length;
      }
      const indexable = [];
      for (const p of await htmlPages(d.id))
        if (!(await read(d.id, p)).includes('<meta name="robots" content="noindex">')) indexable.push(`${d.url}${p}`);
      expect([...listed].sort(), d.id).toEqual(indexable.sort());
      expect(new Set(listed).size).toBe(listed.length);
      expect(dated).toBeGreaterThan(urls * 0.9);
      expect(await read(d.id, ROBOTS_PATH)).toMatch(new RegExp(`^Sitemap: ${d.url}${SITEMAP_PATH}$`, 'm'));
    }
  });

  it('writes a valid Atom feed for the site and for each section that changes, announced on its pages', async () => {
    for (const d of departments) {
      for (const feed of [SITE_FEED_PATH, ...FEED_SECTIONS.map(feedPath)]) {
        const xml = await read(d.id, feed);
        expect(atomProblems(xml), `${d.id}${feed}`).toEqual([]);
      }
      const news = parseXml(await read(d.id, feedPath('tin-tuc')));
      expect(childElements(news.documentElement!, 'http://www.w3.org/2005/Atom', 'entry').length).toBeGreaterThan(0);
      const list = await read(d.id, '/tin-tuc/');
      expect(list).toContain(`<link rel="alternate" type="application/atom+xml" href="${feedPath('tin-tuc')}"`);
      expect(list).toContain(`<link rel="alternate" type="application/atom+xml" href="${SITE_FEED_PATH}"`);
    }
  });

  it('publishes each register as JSON and CSV that parse back to the same records, with a schema and a licence', async () => {
    for (const d of departments) {
      for (const id of DATASET_IDS) {
        const json = JSON.parse(await read(d.id, `/du-lieu/${id}.json`));
        expect(json.licence.url).toMatch(/^https:\/\/creativecommons\.org\/licenses\/by\/4\.0\//);
        expect(json.schema).toBe(`${d.url}/du-lieu/luoc-do/${id}.json`);
        const records = recordSchema(id).array().parse(json.records);
        expect(records.length, `${d.id} ${id}`).toBeGreaterThan(0);
        const schema = JSON.parse(await read(d.id, `/du-lieu/luoc-do/${id}.json`));
        expect(Object.keys(schema.properties)).toEqual(columnsOf(id).map((c) => c.name));

        const rows: Record<string, string>[] = parseCsv(await read(d.id, `/du-lieu/${id}.csv`), {
          bom: true,
          columns: true,
        });
        const fromCsv = rows.map((row) => {
          const record: Record<string, unknown> = {};
          for (const c of columnsOf(id)) {
            // A leading apostrophe only ever guards a formula-like text (docs/adr/0025).
            const cell =
              row[c.name]!.startsWith("'") && FORMULA_START.test(row[c.name]!.slice(1))
                ? row[c.name]!.slice(1)
                : row[c.name]!;
            if (c.kind === 'lines') record[c.name] = cell === '' ? [] : cell.split('\n');
            else if (cell !== '') record[c.name] = c.kind === 'integer' ? Number(cell) : cell;
          }
          return record;
        });
        expect(recordSchema(id).array().parse(fromCsv), `${d.id} ${id}.csv`).toEqual(records);
      }
    }
  });

  it('describes documents, procedures and the organisation in JSON-LD that parses', async () => {
    for (const d of departments) {
      const doc = (await htmlPages(d.id)).find(
        (p) => /^\/van-ban\/[a-z0-9-]+\/$/.test(p) && !/\/(loai|nam|sap-xep|trang|linh-vuc|hieu-luc)\//.test(p),
      )!;
      const [legislation] = jsonLd(await read(d.id, doc));
      expect(legislation).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Legislation',
        url: `${d.url}${doc}`,
      });
      expect(legislation!.legislationIdentifier).toEqual(expect.any(String));
      const procedure = (await htmlPages(d.id)).find(
        (p) => /^\/thu-tuc-hanh-chinh\/[a-z0-9-]+\/$/.test(p) && !/\/(trang|linh-vuc|muc-do)\//.test(p),
      )!;
      expect(jsonLd(await read(d.id, procedure))[0]).toMatchObject({
        '@type': 'GovernmentService',
        provider: expect.any(Object),
      });
      expect(jsonLd(await read(d.id, '/'))[0]).toMatchObject({
        '@type': 'GovernmentOrganization',
        name: d.name,
        email: d.contact.email,
      });
      expect(jsonLd(await read(d.id, '/en/'))[0]).toMatchObject({
        '@type': 'GovernmentOrganization',
        name: d.english!.name,
        alternateName: d.name,
      });
      expect(jsonLd(await read(d.id, '/gioi-thieu/lanh-dao/'))[0]!.employee).toEqual(
        expect.arrayContaining([expect.objectContaining({ '@type': 'Person' })]),
      );
    }
  });

  it('links the accessibility statement and the personal-data notice from every page’s footer', async () => {
    for (const d of departments) {
      const statement = await read(d.id, ACCESSIBILITY_PATH);
      expect(statement).toContain('WCAG 2.1');
      expect(statement).toContain('href="/dich-vu/phan-hoi-website?loai=tiep-can"');
      expect(await read(d.id, PRIVACY_NOTICE_PATH)).toContain('91/2025/QH15');
      for (const p of await htmlPages(d.id)) {
        const footer = /<footer class="site-footer">([\s\S]*?)<\/footer>/.exec(await read(d.id, p))?.[1] ?? '';
        expect(footer, `${d.id}${p}`).toContain(`href="${ACCESSIBILITY_PATH}"`);
        expect(footer, `${d.id}${p}`).toContain(`href="${PRIVACY_NOTICE_PATH}"`);
      }
    }
  });

  it('has the access-to-information section: the list generated from its sections, what is not online, the contact point and the form (docs/adr/0048)', async () => {
    for (const d of departments) {
      const page = await read(d.id, '/tiep-can-thong-tin/');
      const listed = [...page.matchAll(/data-nhom="([^"]+)"/g)].map((m) => m[1]);
      // Every section with entries is listed, by the address of its list, and only those.
      for (const section of ['/van-ban/', '/thu-tuc-hanh-chinh/', '/tin-tuc/', '/gop-y/'])
        expect(listed, d.id).toContain(section);
      for (const href of listed) expect((await htmlPages(d.id)).includes(href!), `${d.id}${href}`).toBe(true);
      expect(listed).not.toContain('/tiep-can-thong-tin/');
      expect(page.match(/data-muc-khac/g)?.length, d.id).toBeGreaterThan(0);
      expect(page).toContain('data-dau-moi');
      expect(page).toContain(d.contact.address);
      expect(page).toContain('href="/dich-vu/tiep-can-thong-tin"');
      expect(await read(d.id, '/')).toContain('href="/tiep-can-thong-tin/"');
    }
  });
});
