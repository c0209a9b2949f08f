import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadProvince } from '../content-source/departments.ts';
import { DomainError } from '../errors.ts';
import { deriveAbbreviation, deriveDomains, deriveSiteId, shortNameOf } from '../schema/department-address.ts';
import { minimalPdf } from './sample-pdf.ts';

/**
 * `npm run new-site`: a new department site that passes `npm run check` at
 * once, with placeholders the editors replace. The address follows Điều 3.
 */
export class SiteExistsError extends DomainError<{ id: string; file: string }> {
  static readonly code = 'SITE_EXISTS';
  constructor(id: string, file: string) {
    super(SiteExistsError.code, { id, file }, `Trang "${id}" đã có (${file}); chọn tên viết tắt khác bằng --abbr.`);
  }
}

export class InvalidAbbreviationError extends DomainError<{ abbr: string }> {
  static readonly code = 'INVALID_ABBREVIATION';
  constructor(abbr: string) {
    super(
      InvalidAbbreviationError.code,
      { abbr },
      `Tên viết tắt "${abbr}" không hợp lệ: chỉ gồm chữ thường không dấu và chữ số, 2–30 ký tự (Điều 3).`,
    );
  }
}

export interface NewSiteOptions {
  root: string;
  /** Official name: "Sở Công Thương". */
  name: string;
  /** Overrides the derived abbreviation ("congthuong"). */
  abbr?: string;
  /** Dates of the starter entries; today by default. */
  today?: Date;
}

export interface NewSiteResult {
  id: string;
  abbr: string;
  domains: string[];
  /** Files written, relative to the root. */
  files: string[];
}

export interface PlannedSite {
  id: string;
  abbr: string;
  domains: string[];
  /** Path relative to the root → content: the site's YAML, a starter entry per section, the sample draft's file. */
  files: Map<string, string | Uint8Array>;
}

const ABBR = /^[a-z0-9]{2,30}$/;

/** Writes the planned site into a folder holding `sites/` and `content/` (a copy of the content for trying it out). */
export async function createSite(options: NewSiteOptions): Promise<NewSiteResult> {
  const site = await planSite(options);
  for (const [rel, data] of site.files) {
    await mkdir(path.dirname(path.join(options.root, rel)), { recursive: true });
    await writeFile(path.join(options.root, rel), data, { flag: 'wx' });
  }
  return { id: site.id, abbr: site.abbr, domains: site.domains, files: [...site.files.keys()] };
}

/**
 * A new department's files, checked against `root` (the content repository's
 * folder, which is `main`): the address of Điều 3, and an id no site has.
 * The server commits them through the publication gate (docs/adr/0104).
 */
export async function planSite(options: NewSiteOptions): Promise<PlannedSite> {
  const name = options.name.normalize('NFC').trim();
  const province = await loadProvince(options.root);
  const derived = deriveAbbreviation(name);
  const abbr = options.abbr?.trim() || derived;
  if (!ABBR.test(abbr)) throw new InvalidAbbreviationError(abbr);
  const id = deriveSiteId(abbr, province);
  const domains = deriveDomains(abbr, province);
  for (const taken of [`sites/${id}.yaml`, `content/${id}`]) {
    if (existsSync(path.join(options.root, taken))) throw new SiteExistsError(id, taken);
  }
  const day = (options.today ?? new Date()).toISOString().slice(0, 10);
  const files = new Map<string, string | Uint8Array>();
  files.set(
    `sites/${id}.yaml`,
    siteYaml(name, abbr === derived ? undefined : abbr, abbr, domains, province.domains[0]!.suffix),
  );
  for (const [section, entry] of Object.entries(
    starterEntries(name, abbr, day, province.domains[0]!.suffix, domains[0]!),
  )) {
    files.set(`content/${id}/${section}/${entry.slug}.mdx`, entry.source);
  }
  files.set(
    `content/${id}/tep/mau/du-thao-mau.pdf`,
    minimalPdf([`Du thao mau - ${name}`, 'Thay bang tep du thao that truoc khi lay y kien.']),
  );
  return { id, abbr, domains, files };
}

const q = (s: string) => JSON.stringify(s);

function siteYaml(
  name: string,
  abbrOverride: string | undefined,
  abbr: string,
  domains: string[],
  suffix: string,
): string {
  return [
    `# Trang thông tin điện tử của ${name}.`,
    `# Địa chỉ theo Điều 3 Quy chế 2567/2007/QĐ-UBND: ${domains.join(', ')}.`,
    '# Các dòng có "CẦN ĐIỀN" là giá trị tạm: Ban Biên tập thay bằng thông tin thật trước khi công bố.',
    `name: ${q(name)}`,
    ...(abbrOverride
      ? [`# Tên viết tắt chọn tay (khác với tên tự suy ra từ tên đơn vị).`, `abbr: ${abbrOverride}`]
      : []),
    `# Tên ngắn dùng trên thanh điều hướng.`,
    `shortName: ${q(shortNameOf(name))}`,
    `description: ${q(`CẦN ĐIỀN: chức năng, nhiệm vụ của ${name} trong một hai câu.`)}`,
    'contact:',
    `  address: ${q('CẦN ĐIỀN: số nhà, đường, phường, thành phố Huế')}`,
    '  # CẦN ĐIỀN: số điện thoại của Văn phòng.',
    '  phone: "0234 0000 000"',
    `  # CẦN ĐIỀN nếu khác: hộp thư chính thức của đơn vị (Điều 7.5).`,
    `  email: vanphong.${abbr}@${suffix}`,
    '# Ban Biên tập (Điều 17): một Trưởng Ban, tối đa hai Phó Trưởng Ban, biên tập viên, cán bộ CNTT, cộng tác viên.',
    'board:',
    '  members: []',
    '',
  ].join('\n');
}

interface Starter {
  slug: string;
  source: string;
}

const fm = (lines: string[], body: string) => `---\n${lines.join('\n')}\n---\n\n${body}\n`;
const PLACEHOLDER =
  '<Callout type="warning" title="Bài mẫu">\nBài này được tạo tự động khi lập trang. Ban Biên tập thay bằng nội dung thật hoặc gỡ bỏ trước khi công bố.\n</Callout>';

function starterEntries(
  name: string,
  abbr: string,
  day: string,
  suffix: string,
  canonical: string,
): Record<string, Starter> {
  return {
    'gioi-thieu': {
      slug: 'chuc-nang-nhiem-vu',
      source: fm(
        [
          `title: ${q(`Chức năng, nhiệm vụ, quyền hạn của ${name}`)}`,
          `date: ${day}`,
          'topic: chuc-nang-nhiem-vu',
          'order: 1',
        ],
        `${PLACEHOLDER}\n\n${name} là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh. Nêu vị trí, chức năng, nhiệm vụ và quyền hạn theo quyết định thành lập (Điều 7.1).`,
      ),
    },
    'van-ban': {
      slug: 'qd-2567-2007-quy-che-website',
      source: fm(
        [
          'title: Quy chế vận hành Website và các dịch vụ công của các Sở, Ban ngành trên mạng Internet',
          'number: 2567/2007/QĐ-UBND',
          'documentType: quyet-dinh',
          'issuer: Ủy ban nhân dân tỉnh Thừa Thiên Huế',
          'signer: Ngô Hòa',
          'issued: 2007-11-16',
          'status: con-hieu-luc',
          'field: Công nghệ thông tin',
          'summary: Ban hành Quy chế vận hành Website và các dịch vụ công của các Sở, Ban ngành trên mạng Internet.',
          `date: ${day}`,
        ],
        'Quy chế quy định địa chỉ website, nội dung thông tin bắt buộc, thời hạn cập nhật và quy trình biên tập của trang này.',
      ),
    },
    'thu-tuc-hanh-chinh': {
      slug: 'thu-tuc-mau',
      source: fm(
        [
          'title: "Thủ tục mẫu: thay bằng thủ tục hành chính thật của đơn vị"',
          'summary: Bài mẫu; mỗi thủ tục nêu người chịu trách nhiệm từng bước và thời hạn giải quyết (Điều 7.3).',
          `date: ${day}`,
          'code: "0.000000"',
          'field: CẦN ĐIỀN',
          'level: cap-tinh',
          'onlineLevel: truc-tiep',
          `agency: ${q(name)}`,
          'applicants: Tổ chức, cá nhân',
          'steps:',
          '  - { title: Tiếp nhận hồ sơ, responsible: { name: CẦN ĐIỀN, position: Bộ phận Một cửa }, timeLimit: { value: 1 } }',
          'totalTime: { value: 1 }',
          'documents:',
          '  - { name: CẦN ĐIỀN thành phần hồ sơ }',
          'result: CẦN ĐIỀN',
          'legalBasis:',
          '  - CẦN ĐIỀN căn cứ pháp lý',
        ],
        PLACEHOLDER,
      ),
    },
    'tin-tuc': {
      slug: 'ra-mat-trang-thong-tin',
      source: fm(
        [
          `title: ${q(`Ra mắt trang thông tin điện tử của ${name}`)}`,
          `summary: ${q(`Trang thông tin điện tử của ${name} bắt đầu hoạt động theo Quy chế 2567/2007/QĐ-UBND.`)}`,
          `date: ${day}`,
          'category: thong-bao',
          'source: { kind: original }',
        ],
        `${PLACEHOLDER}\n\nTrang cung cấp thông tin chính thức của ${name}: văn bản, thủ tục hành chính, tin tức, danh bạ thư điện tử và mục lấy ý kiến góp ý.`,
      ),
    },
    'danh-ba': {
      slug: 'van-phong',
      source: fm(
        [
          'title: Văn phòng',
          `date: ${day}`,
          `email: vanphong.${abbr}@${suffix}`,
          'order: 1',
          'contacts:',
          `  - { name: CẦN ĐIỀN, position: Chánh Văn phòng, email: vanphong.${abbr}@${suffix} }`,
        ],
        PLACEHOLDER,
      ),
    },
    'du-an-dau-thau': {
      slug: 'ke-hoach-mua-sam-mau',
      source: fm(
        [
          'title: "Kế hoạch mua sắm mẫu: thay bằng thông tin thật"',
          `date: ${day}`,
          'kind: mua-sam-cong',
          'status: chuan-bi',
          'summary: Bài mẫu cho chuyên mục dự án, đầu tư, đấu thầu, mua sắm công (Điều 7.6).',
          `investor: ${q(name)}`,
        ],
        PLACEHOLDER,
      ),
    },
    'hoat-dong-truc-tuyen': {
      slug: 'trang-thong-tin-dien-tu',
      source: fm(
        [
          'title: Trang thông tin điện tử',
          `date: ${day}`,
          'kind: cung-cap-thong-tin',
          `summary: ${q(`Cung cấp thông tin chính thức của ${name} trên mạng (Luật Công nghệ thông tin, Điều 27.1).`)}`,
          `url: ${q(`https://${canonical}/`)}`,
        ],
        'Danh mục các hoạt động trên môi trường mạng của đơn vị (Điều 7.7); bổ sung dịch vụ công trực tuyến, hỏi đáp, cơ sở dữ liệu khi có.',
      ),
    },
    'gop-y': {
      slug: 'du-thao-mau',
      source: fm(
        [
          'title: "Dự thảo mẫu: thay bằng dự thảo thật khi lấy ý kiến"',
          'summary: Bài mẫu cho mục lấy ý kiến góp ý của tổ chức, cá nhân (Điều 7.8).',
          `date: ${day}`,
          `drafter: ${q(name)}`,
          'draft: { label: Toàn văn dự thảo (mẫu), file: /tep/mau/du-thao-mau.pdf }',
          `opens: ${day}`,
          `closes: ${day}`,
        ],
        PLACEHOLDER,
      ),
    },
  };
}
