import { ENTRY_SCHEMAS } from '../schema/content/index.ts';
import { SECTIONS, type SectionId } from '../schema/sections.ts';
import { fieldsOf, type DecapField } from './zod-to-decap.ts';

/**
 * The Decap CMS configuration for one department site and one person:
 * only the sections they may write in (Điều 17.3, 17.5), every field
 * generated from the zod schemas, the editorial workflow always on (Điều 19).
 * Served as `/admin/config.yml` to the signed-in person only.
 */

export interface CmsSite {
  id: string;
  name: string;
  url?: string;
}

export interface DecapCollection {
  name: SectionId;
  label: string;
  label_singular: string;
  description: string;
  folder: string;
  media_folder: string;
  public_folder: string;
  create: true;
  delete: boolean;
  extension: 'mdx';
  format: 'frontmatter';
  slug: string;
  summary: string;
  sortable_fields: string[];
  fields: DecapField[];
}

export interface DecapConfig {
  backend: { name: 'proxy'; proxy_url: string; branch: 'main'; commit_messages: Record<string, string> };
  load_config_file?: false;
  locale: 'vi';
  publish_mode: 'editorial_workflow';
  site_url?: string;
  display_url?: string;
  logo_url?: string;
  media_folder: string;
  public_folder: '/tep';
  slug: { encoding: 'ascii'; clean_accents: true; sanitize_replacement: '-' };
  collections: DecapCollection[];
}

export interface ConfigOptions {
  site: CmsSite;
  /** Sections this person may enter in; computed by the server from their role. */
  sections: readonly SectionId[];
  /** Whether they may delete published entries (head or publish delegate). */
  mayDeletePublished?: boolean;
  proxyUrl?: string;
}

export const BODY_FIELD: DecapField = { name: 'body', label: 'Nội dung', widget: 'markdown' };

export function decapConfig(options: ConfigOptions): DecapConfig {
  const { site } = options;
  return {
    backend: {
      name: 'proxy',
      proxy_url: options.proxyUrl ?? '/admin/api/v1',
      branch: 'main',
      // Commit summaries are read in the back-office history: Vietnamese, naming the entry.
      commit_messages: {
        create: 'Nhập mới {{collection}} “{{slug}}”',
        update: 'Cập nhật {{collection}} “{{slug}}”',
        delete: 'Xoá {{collection}} “{{slug}}”',
        uploadMedia: 'Tải lên tệp “{{path}}”',
        deleteMedia: 'Xoá tệp “{{path}}”',
      },
    },
    locale: 'vi',
    publish_mode: 'editorial_workflow',
    ...(site.url ? { site_url: site.url, display_url: site.url } : {}),
    media_folder: `content/${site.id}/tep`,
    public_folder: '/tep',
    // No `media_library`: Decap 3 requires a `name` there and then looks for an external library of that
    // name, refusing to start without it. The attachment size limit is the proxy's (DEFAULT_LIMITS.mediaBytes).
    // Also how Decap names an uploaded file: lower-cased, Vietnamese folded, anything but letters,
    // digits, "-", "_", "." and "~" replaced by "-"; the server refuses the last three (ADR 0021).
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: SECTIONS.filter((s) => options.sections.includes(s.id)).map((s) => ({
      name: s.id,
      label: s.label,
      label_singular: `bài ${s.label.toLowerCase()}`,
      description: s.clause === null ? `${s.title}.` : `${s.title} (Điều 7, khoản ${s.clause}).`,
      folder: `content/${site.id}/${s.id}`,
      // ADR 0021: an entry's files live in its own folder. Decap fills {{slug}} from the title, as it
      // does the address of a new entry, so the two agree until the title is changed.
      media_folder: `/content/${site.id}/tep/${s.id}/{{slug}}`,
      public_folder: `/tep/${s.id}/{{slug}}`,
      create: true,
      delete: options.mayDeletePublished ?? false,
      extension: 'mdx',
      format: 'frontmatter',
      slug: '{{slug}}',
      summary: '{{title}}',
      sortable_fields: ['title', 'date'],
      fields: [...fieldsOf(ENTRY_SCHEMAS[s.id]), BODY_FIELD],
    })),
  };
}
