import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REQUIRED_SECTIONS as SECTIONS, type RequiredSectionInfo } from '../schema/sections.ts';
import { DOCUMENT_TYPES } from '../schema/content/legal-document.ts';
import { NEWS_CATEGORIES } from '../schema/content/news.ts';
import { ONLINE_ACTIVITY_KINDS } from '../schema/content/online-activity.ts';
import { PROCUREMENT_KINDS, PROCUREMENT_STATUSES } from '../schema/content/procurement.ts';
import { ORGANISATION_TOPICS } from '../schema/content/organisation.ts';
import { minimalPdf } from './sample-pdf.ts';

/** Synthetic sites fill the eight sections of Điều 7; Q&A is optional. */
type RequiredSectionId = RequiredSectionInfo['id'];

/**
 * Realistic, valid content for benchmarks and tests: departments of the
 * province with entries in all eight Điều 7 sections, Vietnamese with
 * diacritics, bodies shaped like the real ones (lists, callouts, tables,
 * links between entries). Deterministic for a given seed.
 */
export interface SyntheticOptions {
  sites: number;
  pagesPerSite: number;
  seed?: number;
}

const DEPARTMENTS = [
  'Sở Tư pháp',
  'Sở Y tế',
  'Sở Kế hoạch và Đầu tư',
  'Sở Giáo dục và Đào tạo',
  'Sở Thông tin và Truyền thông',
  'Sở Tài chính',
  'Sở Công Thương',
  'Sở Xây dựng',
  'Sở Giao thông vận tải',
  'Sở Nội vụ',
  'Sở Tài nguyên và Môi trường',
  'Sở Văn hóa và Thể thao',
  'Sở Du lịch',
  'Sở Khoa học và Công nghệ',
  'Sở Ngoại vụ',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Lao động, Thương binh và Xã hội',
  'Ban Dân tộc',
  'Sở Quy hoạch',
  'Sở Thanh niên',
];

/** Share of a site's pages per section: news dominates, as on every real site. */
const SECTION_WEIGHTS: Record<RequiredSectionId, number> = {
  'gioi-thieu': 4,
  'van-ban': 20,
  'thu-tuc-hanh-chinh': 15,
  'tin-tuc': 40,
  'danh-ba': 4,
  'du-an-dau-thau': 8,
  'hoat-dong-truc-tuyen': 4,
  'gop-y': 5,
};

const SUBJECTS = [
  'công tác cải cách hành chính',
  'việc giải quyết khiếu nại, tố cáo',
  'thủ tục đăng ký kinh doanh',
  'công tác phổ biến, giáo dục pháp luật',
  'chuyển đổi số trong cơ quan nhà nước',
  'dịch vụ công trực tuyến toàn trình',
  'đăng ký hộ tịch',
  'quản lý đầu tư công',
  'phòng, chống thiên tai',
  'an toàn thực phẩm',
  'đào tạo nguồn nhân lực',
  'bảo vệ môi trường đô thị Huế',
];
const VERBS = ['triển khai', 'tăng cường', 'hướng dẫn thực hiện', 'tổng kết', 'đẩy mạnh', 'kiểm tra việc thực hiện'];
const PLACES = [
  'thành phố Huế',
  'thị xã Hương Thủy',
  'huyện Phú Vang',
  'huyện Phong Điền',
  'thị xã Hương Trà',
  'huyện A Lưới',
];
const SENTENCES = [
  'Các cơ quan, đơn vị có trách nhiệm phối hợp chặt chẽ, bảo đảm tiến độ và chất lượng theo đúng quy định.',
  'Người dân có thể nộp hồ sơ trực tuyến trên Cổng dịch vụ công hoặc trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh.',
  'Đơn khiếu nại được tiếp nhận, phân loại và xử lý trong thời hạn luật định; kết quả được thông báo bằng văn bản.',
  'Thủ trưởng cơ quan chịu trách nhiệm trước Ủy ban nhân dân tỉnh về tính chính xác của thông tin đăng tải.',
  'Việc đăng ký được thực hiện miễn phí đối với hộ nghèo, người có công với cách mạng và đồng bào dân tộc thiểu số.',
  'Hội nghị đã đánh giá kết quả đạt được, chỉ ra những tồn tại, hạn chế và đề xuất giải pháp khắc phục trong thời gian tới.',
  'Đoàn kiểm tra làm việc trực tiếp tại các phòng, ban chuyên môn và đơn vị sự nghiệp trực thuộc.',
  'Kinh phí thực hiện được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn hợp pháp khác.',
  'Mọi vướng mắc trong quá trình thực hiện, đề nghị phản ánh kịp thời về Văn phòng Sở để tổng hợp, báo cáo.',
  'Tỷ lệ hồ sơ được giải quyết đúng hạn đạt trên chín mươi tám phần trăm, tăng so với cùng kỳ năm trước.',
  'Cán bộ, công chức tiếp tục nâng cao tinh thần trách nhiệm, thái độ phục vụ nhân dân và doanh nghiệp.',
  'Đề án được xây dựng trên cơ sở khảo sát thực tế tại các địa phương và ý kiến góp ý của tổ chức, cá nhân.',
];
const NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Bích Hạnh',
  'Lê Quang Minh',
  'Phạm Đức Thắng',
  'Hoàng Thị Mai',
  'Võ Đình Khoa',
  'Đặng Thị Thu Hương',
];

/** Small seeded PRNG (mulberry32): the same seed gives the same content, or the same sequence of steps in a test. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticSite {
  name: string;
  id: string;
}

/** How many pages each section gets out of `total`; every section at least one. */
export function sectionCounts(total: number): Record<RequiredSectionId, number> {
  const ids = SECTIONS.map((s) => s.id);
  const counts = Object.fromEntries(ids.map((id) => [id, 1])) as Record<RequiredSectionId, number>;
  const weight = ids.reduce((n, id) => n + SECTION_WEIGHTS[id], 0);
  let left = Math.max(0, total - ids.length);
  const extra = ids.map((id) => Math.floor((left * SECTION_WEIGHTS[id]) / weight));
  for (const [i, id] of ids.entries()) counts[id] += extra[i]!;
  left -= extra.reduce((a, b) => a + b, 0);
  counts['tin-tuc'] += left;
  return counts;
}

function siteName(i: number): string {
  return i < DEPARTMENTS.length ? DEPARTMENTS[i]! : `Sở Chuyên ngành ${i + 1}`;
}

const yamlString = (s: string) => JSON.stringify(s);

/** Writes `sites/` and `content/` for a synthetic province under `root`; returns the site ids. */
export async function writeSyntheticContent(root: string, options: SyntheticOptions): Promise<SyntheticSite[]> {
  const { deriveAbbreviation, deriveSiteId } = await import('../schema/department-address.ts');
  const province = {
    domains: [
      { prefix: 'so', suffix: 'thuathienhue.gov.vn' },
      { prefix: 's', suffix: 'hue.gov.vn' },
    ],
  };
  const rand = seededRandom(options.seed ?? 2567);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  await mkdir(path.join(root, 'sites'), { recursive: true });
  await writeFile(
    path.join(root, 'sites/_province.yaml'),
    'name: Thừa Thiên Huế\ndomains:\n  - { prefix: so, suffix: thuathienhue.gov.vn }\n  - { prefix: s, suffix: hue.gov.vn }\n',
  );
  const sites: SyntheticSite[] = [];
  for (let i = 0; i < options.sites; i++) {
    const name = siteName(i);
    const abbr = deriveAbbreviation(name);
    const id = deriveSiteId(abbr, province);
    sites.push({ name, id });
    await writeFile(
      path.join(root, 'sites', `${id}.yaml`),
      [
        `name: ${name}`,
        `description: ${yamlString(`Cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh Thừa Thiên Huế, tham mưu về ${pick(SUBJECTS)}.`)}`,
        'contact:',
        `  address: ${yamlString(`${10 + i} Lê Lợi, phường Vĩnh Ninh, thành phố Huế`)}`,
        `  phone: "0234 38${String(10000 + i).slice(1)}"`,
        `  email: vanphong.${abbr}@thuathienhue.gov.vn`,
        '',
      ].join('\n'),
    );
    const counts = sectionCounts(options.pagesPerSite);
    const ctx: EntryContext = { rand, pick, site: id, abbr, name, slugs: [] };
    for (const section of SECTIONS) {
      const dir = path.join(root, 'content', id, section.id);
      await mkdir(dir, { recursive: true });
      for (let n = 0; n < counts[section.id]; n++) {
        const { slug, source } = WRITERS[section.id](ctx, n);
        ctx.slugs.push(`/${section.id}/${slug}/`);
        await writeFile(path.join(dir, `${slug}.mdx`), source);
      }
    }
    await mkdir(path.join(root, 'content', id, 'tep', '2024'), { recursive: true });
    // A real PDF: the build publishes only files whose bytes are what their name says (ADR 0021).
    await writeFile(path.join(root, 'content', id, 'tep', '2024', 'mau-don.pdf'), minimalPdf(['Mau don']));
  }
  return sites;
}

interface EntryContext {
  rand: () => number;
  pick: <T>(list: readonly T[]) => T;
  site: string;
  abbr: string;
  name: string;
  /** URLs of entries written so far, for realistic internal links. */
  slugs: string[];
}

function date(ctx: EntryContext, n: number): string {
  const year = 2019 + (n % 6);
  const month = 1 + Math.floor(ctx.rand() * 12);
  const day = 1 + Math.floor(ctx.rand() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function paragraph(ctx: EntryContext, sentences: number): string {
  return Array.from({ length: sentences }, () => ctx.pick(SENTENCES)).join(' ');
}

function body(ctx: EntryContext, paragraphs: number): string {
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    parts.push(paragraph(ctx, 2 + Math.floor(ctx.rand() * 4)));
    if (i === 1)
      parts.push([`1. ${paragraph(ctx, 1)}`, `2. ${paragraph(ctx, 1)}`, `3. ${paragraph(ctx, 1)}`].join('\n'));
    if (i === 2 && ctx.slugs.length) parts.push(`Xem thêm: [bài liên quan](${ctx.pick(ctx.slugs)}).`);
    if (i === 3)
      parts.push(
        `<Callout type="note" title="Đầu mối liên hệ">\nVăn phòng ${ctx.name}, điện thoại 0234 3822 149.\n</Callout>`,
      );
    if (i === 4)
      parts.push(
        `| Chỉ tiêu | Kết quả |\n| --- | --- |\n| Hồ sơ tiếp nhận | ${100 + i * 37} |\n| Hồ sơ đúng hạn | ${90 + i * 35} |`,
      );
  }
  return parts.join('\n\n');
}

const frontmatter = (fields: string[]) => `---\n${fields.join('\n')}\n---\n\n`;

type Writer = (ctx: EntryContext, n: number) => { slug: string; source: string };

const WRITERS: Record<RequiredSectionId, Writer> = {
  'gioi-thieu': (ctx, n) => {
    const topic = Object.keys(ORGANISATION_TOPICS)[n % 5] as keyof typeof ORGANISATION_TOPICS;
    return {
      slug: n < 5 ? topic : `${topic}-${n}`,
      source:
        frontmatter([
          `title: ${yamlString(`${ORGANISATION_TOPICS[topic]} của ${ctx.name}`)}`,
          `date: ${date(ctx, n)}`,
          `topic: ${topic}`,
          `order: ${n + 1}`,
          'leaders:',
          `  - { name: ${ctx.pick(NAMES)}, position: Giám đốc Sở, email: giamdoc.${ctx.abbr}@thuathienhue.gov.vn }`,
          `  - { name: ${ctx.pick(NAMES)}, position: Phó Giám đốc Sở }`,
        ]) + body(ctx, 4),
    };
  },
  'van-ban': (ctx, n) => {
    const type = Object.keys(DOCUMENT_TYPES)[n % 10] as keyof typeof DOCUMENT_TYPES;
    const issued = date(ctx, n);
    const year = issued.slice(0, 4);
    const number = `${100 + n}/${year}/QĐ-UBND`;
    return {
      slug: `${type}-${100 + n}-${year}`,
      source:
        frontmatter([
          `title: ${yamlString(`${DOCUMENT_TYPES[type]} về ${ctx.pick(VERBS)} ${ctx.pick(SUBJECTS)} trên địa bàn tỉnh`)}`,
          `number: ${number}`,
          `documentType: ${type}`,
          'issuer: Ủy ban nhân dân tỉnh Thừa Thiên Huế',
          `signer: ${ctx.pick(NAMES)}`,
          `issued: ${issued}`,
          'status: con-hieu-luc',
          `field: ${yamlString(ctx.pick(['Hành chính tư pháp', 'Đầu tư', 'Y tế', 'Giáo dục', 'Công nghệ thông tin']))}`,
          `summary: ${yamlString(`Ban hành quy định về ${ctx.pick(SUBJECTS)} tại ${ctx.pick(PLACES)}.`)}`,
          `date: ${issued}`,
          ...(n % 3 === 0 ? ['attachment: { label: Toàn văn văn bản (PDF), file: /tep/2024/mau-don.pdf }'] : []),
        ]) + body(ctx, 3),
    };
  },
  'thu-tuc-hanh-chinh': (ctx, n) => ({
    slug: `thu-tuc-${n + 1}`,
    source:
      frontmatter([
        `title: ${yamlString(`Thủ tục ${ctx.pick(['đăng ký', 'cấp', 'gia hạn', 'điều chỉnh'])} ${ctx.pick(['giấy phép', 'chứng chỉ hành nghề', 'giấy chứng nhận'])} số ${n + 1}`)}`,
        `summary: ${yamlString(`Thủ tục hành chính liên quan đến ${ctx.pick(SUBJECTS)}.`)}`,
        `date: ${date(ctx, n)}`,
        `code: "1.00${1000 + n}"`,
        `field: ${yamlString(ctx.pick(['Hộ tịch', 'Chứng thực', 'Đăng ký kinh doanh', 'Khiếu nại, tố cáo']))}`,
        'level: cap-tinh',
        'onlineLevel: mot-phan',
        `agency: ${yamlString(ctx.name)}`,
        'applicants: Công dân Việt Nam; tổ chức, doanh nghiệp',
        'steps:',
        `  - { title: Tiếp nhận hồ sơ, responsible: { name: ${ctx.pick(NAMES)}, position: Chuyên viên Bộ phận Một cửa }, timeLimit: { value: 1 } }`,
        `  - { title: Thẩm định và trình ký, responsible: { name: ${ctx.pick(NAMES)}, position: Trưởng phòng }, timeLimit: { value: 5 } }`,
        'totalTime: { value: 6 }',
        'fees:',
        '  - { label: Lệ phí, amount: 50000 }',
        'documents:',
        '  - { name: Đơn đề nghị theo mẫu, template: { label: Mẫu đơn, file: /tep/2024/mau-don.pdf } }',
        'result: Giấy chứng nhận',
        'legalBasis:',
        '  - Luật Tổ chức chính quyền địa phương năm 2015',
      ]) + body(ctx, 2),
  }),
  'tin-tuc': (ctx, n) => ({
    slug: `tin-${n + 1}-${ctx.pick(['hoi-nghi', 'tap-huan', 'kiem-tra', 'thong-bao'])}`,
    source:
      frontmatter([
        `title: ${yamlString(`${ctx.name} ${ctx.pick(VERBS)} ${ctx.pick(SUBJECTS)} năm ${2019 + (n % 6)}`)}`,
        `summary: ${yamlString(`${paragraph(ctx, 1)} Hoạt động diễn ra tại ${ctx.pick(PLACES)}.`)}`,
        `date: ${date(ctx, n)}T09:30:00+07:00`,
        `category: ${Object.keys(NEWS_CATEGORIES)[n % 6]}`,
        n % 4 === 0
          ? 'source: { kind: cited, name: Báo Thừa Thiên Huế, url: "https://baothuathienhue.vn/" }'
          : 'source: { kind: original }',
      ]) + body(ctx, 6),
  }),
  'danh-ba': (ctx, n) => ({
    slug: `phong-${n + 1}`,
    source:
      frontmatter([
        `title: ${yamlString(`Phòng ${ctx.pick(['Hành chính', 'Kế hoạch', 'Thanh tra', 'Pháp chế', 'Tổ chức'])} số ${n + 1}`)}`,
        `date: ${date(ctx, n)}`,
        `email: phong${n + 1}.${ctx.abbr}@thuathienhue.gov.vn`,
        `order: ${n + 1}`,
        'contacts:',
        `  - { name: ${ctx.pick(NAMES)}, position: Trưởng phòng, email: truongphong${n + 1}.${ctx.abbr}@thuathienhue.gov.vn }`,
      ]) + paragraph(ctx, 1),
  }),
  'du-an-dau-thau': (ctx, n) => ({
    slug: `goi-thau-${n + 1}`,
    source:
      frontmatter([
        `title: ${yamlString(`Gói thầu số ${n + 1}: mua sắm trang thiết bị phục vụ ${ctx.pick(SUBJECTS)}`)}`,
        `date: ${date(ctx, n)}`,
        `kind: ${Object.keys(PROCUREMENT_KINDS)[n % 5]}`,
        `status: ${Object.keys(PROCUREMENT_STATUSES)[n % 5]}`,
        `summary: ${yamlString(paragraph(ctx, 1))}`,
        `investor: ${yamlString(ctx.name)}`,
        `location: ${yamlString(ctx.pick(PLACES))}`,
        `budget: ${1_000_000 * (50 + n)}`,
      ]) + body(ctx, 2),
  }),
  'hoat-dong-truc-tuyen': (ctx, n) => ({
    slug: `hoat-dong-${n + 1}`,
    source:
      frontmatter([
        `title: ${yamlString(`${Object.values(ONLINE_ACTIVITY_KINDS)[n % 6]} về ${ctx.pick(SUBJECTS)}`)}`,
        `date: ${date(ctx, n)}`,
        `kind: ${Object.keys(ONLINE_ACTIVITY_KINDS)[n % 6]}`,
        `summary: ${yamlString(paragraph(ctx, 1))}`,
        'url: https://dichvucong.thuathienhue.gov.vn/',
      ]) + paragraph(ctx, 3),
  }),
  'gop-y': (ctx, n) => {
    const opens = date(ctx, n);
    const closes = `${Number(opens.slice(0, 4)) + 1}${opens.slice(4)}`;
    return {
      slug: `du-thao-${n + 1}`,
      source:
        frontmatter([
          `title: ${yamlString(`Lấy ý kiến dự thảo quy định về ${ctx.pick(SUBJECTS)}`)}`,
          `summary: ${yamlString(paragraph(ctx, 1))}`,
          `date: ${opens}`,
          `drafter: ${yamlString(ctx.name)}`,
          'draft: { label: Toàn văn dự thảo, file: /tep/2024/mau-don.pdf }',
          `opens: ${opens}`,
          `closes: ${closes}`,
        ]) + body(ctx, 3),
    };
  },
};
