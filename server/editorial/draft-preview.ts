import type { ContentProblem } from '#src/content-source/problems.ts';
import { SECTION_IDS, type SectionId } from '#src/schema/sections.ts';
import { entryTextOfFields } from './decap-proxy/saved-text.ts';
import { withSiteFilesInline } from './draft-preview-assets.ts';
import { authorizeDraftPreview, type Actor } from './editorial-workflow.ts';
import { DraftPreviewInvalidError, DraftRenderUnavailableError } from './errors.ts';
import type { DraftRenderer } from './publish-queue-build.ts';
import type { DraftRender } from '#src/build/worker-protocol.ts';
import { log } from '#server/platform/observability/log.ts';

/**
 * Decap's preview is the page (docs/adr/0106): the fields being edited are
 * written as the proxy would save them and drawn by the site's own Astro
 * code in its warm renderer. The answer is the page's HTML, which the
 * preview shows in a sandboxed frame, or the problems that keep it from
 * being a page, as the check words them.
 */
export interface DraftPreviewRequest {
  collection: SectionId;
  slug: string;
  fields: Record<string, unknown>;
}

export type DraftPreview = { html: string } | { problems: Array<Pick<ContentProblem, 'field' | 'line' | 'message'>> };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A new entry has no name until it is saved: previewed under this one, which no entry of the site may take. */
export const UNSAVED_SLUG = 'ban-nhap-chua-luu';

export function parseDraftPreviewRequest(body: unknown): DraftPreviewRequest {
  const issues: string[] = [];
  const b = (body ?? {}) as Record<string, unknown>;
  const collection = typeof b.collection === 'string' ? b.collection : '';
  if (!(SECTION_IDS as readonly string[]).includes(collection)) issues.push('collection');
  const slug = typeof b.slug === 'string' && b.slug ? b.slug : UNSAVED_SLUG;
  if (!SLUG.test(slug)) issues.push('slug');
  const fields = b.fields;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) issues.push('fields');
  if (issues.length) throw new DraftPreviewInvalidError({ issues });
  return { collection: collection as SectionId, slug, fields: fields as Record<string, unknown> };
}

export async function previewDraft(
  renderDraft: DraftRenderer | undefined,
  actor: Actor,
  site: string,
  request: DraftPreviewRequest,
  /** The live site's folder (`dist/<site>`): its stylesheets and images go into the page (draft-preview-assets.ts). */
  siteDir: string,
): Promise<DraftPreview> {
  authorizeDraftPreview(actor, site, request.collection);
  const file = `content/${site}/${request.collection}/${request.slug}.mdx`;
  const result = await drawDraft(renderDraft, site, file, entryTextOfFields(request.fields));
  if (result.ok) return { html: await withSiteFilesInline(result.html, siteDir) };
  return { problems: result.problems.map(({ field, line, message }) => ({ field, line, message })) };
}

/**
 * The draft's page from the renderers, or `E_DRAFT_RENDER_UNAVAILABLE` when
 * none can draw it (none configured, the site's live content fails its
 * check, the renderer died): the reason is logged, the person reads a sentence.
 */
export async function drawDraft(
  renderDraft: DraftRenderer | undefined,
  site: string,
  file: string,
  text: string,
): Promise<DraftRender> {
  if (!renderDraft) throw new DraftRenderUnavailableError({ site });
  try {
    return await renderDraft(site, file, text);
  } catch (error) {
    log.warn('draft-render-failed', { site, error });
    throw new DraftRenderUnavailableError({ site });
  }
}
