import { z } from 'zod';

/**
 * The eight kinds of information every department site must carry (Điều 7),
 * then the answered questions of the Q&A service (Điều 13.3), which a site
 * may have none of, then access to information (docs/adr/0048), whose list
 * is generated from the site and completed by its entries, then the basic
 * information in English that Nghị định 42/2022/NĐ-CP asks of agency portals (docs/adr/0023-english-pages.md):
 * entered, verified and published like any section, shown under `/en/`.
 * The id is the URL segment and the folder name under `content/<site>/`.
 */
export const SECTIONS = [
  { id: 'gioi-thieu', clause: 1, label: 'Giới thiệu', title: 'Tổ chức, chức năng, nhiệm vụ, quyền hạn' },
  { id: 'van-ban', clause: 2, label: 'Văn bản', title: 'Văn bản quy phạm pháp luật' },
  { id: 'thu-tuc-hanh-chinh', clause: 3, label: 'Thủ tục hành chính', title: 'Quy trình, thủ tục hành chính' },
  { id: 'tin-tuc', clause: 4, label: 'Tin tức', title: 'Tuyên truyền, phổ biến, hướng dẫn thực hiện pháp luật' },
  { id: 'danh-ba', clause: 5, label: 'Danh bạ', title: 'Danh bạ thư điện tử chính thức' },
  { id: 'du-an-dau-thau', clause: 6, label: 'Dự án, đấu thầu', title: 'Dự án, đầu tư, đấu thầu, mua sắm công' },
  { id: 'hoat-dong-truc-tuyen', clause: 7, label: 'Hoạt động trực tuyến', title: 'Hoạt động trên môi trường mạng' },
  { id: 'gop-y', clause: 8, label: 'Góp ý', title: 'Lấy ý kiến góp ý của tổ chức, cá nhân' },
  { id: 'hoi-dap', clause: null, label: 'Hỏi đáp', title: 'Hỏi đáp chính sách, pháp luật (Điều 13.3)' },
  // Luật Tiếp cận thông tin 2016, Nghị định 13/2018/NĐ-CP Điều 11 (docs/adr/0048): the list of information, the contact point, the request form.
  {
    id: 'tiep-can-thong-tin',
    clause: null,
    label: 'Tiếp cận thông tin',
    title: 'Tiếp cận thông tin (Luật Tiếp cận thông tin 2016)',
  },
  { id: 'en', clause: null, label: 'Tiếng Anh', title: 'Thông tin cơ bản bằng tiếng Anh (Nghị định 42/2022/NĐ-CP)' },
] as const;

export type SectionInfo = (typeof SECTIONS)[number];
/** The eight sections of Điều 7: each site must have entries in every one. */
export type RequiredSectionInfo = Extract<SectionInfo, { clause: number }>;
export const REQUIRED_SECTIONS = SECTIONS.filter((s): s is RequiredSectionInfo => s.clause !== null);
export type SectionId = SectionInfo['id'];

/** The section of the English pages, published under `/en/`. */
export const ENGLISH_SECTION = 'en' satisfies SectionId;
/** The sections of the Vietnamese site, the reference (menus, home page, search filters): all but the English pages. */
export const VIETNAMESE_SECTIONS = SECTIONS.filter(
  (s): s is Exclude<SectionInfo, { id: typeof ENGLISH_SECTION }> => s.id !== ENGLISH_SECTION,
);

export const SECTION_IDS = SECTIONS.map((s) => s.id) as [SectionId, ...SectionId[]];
export const SectionIdSchema = z.enum(SECTION_IDS);

export function sectionInfo(id: SectionId): SectionInfo {
  const found = SECTIONS.find((s) => s.id === id);
  if (!found) throw new Error(`unknown section ${id}`);
  return found;
}
