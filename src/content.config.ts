import { defineCollection } from 'astro:content';
import { ENTRY_SCHEMAS } from './schema/content/index.ts';
import { SECTION_IDS, type SectionId } from './schema/sections.ts';
import { sectionLoader } from './content-source/astro-loader.ts';

/**
 * One collection per Điều 7 section. The loader validates with the schemas
 * of `src/schema/content/` (the single source of truth) and renders the MDX
 * safely; see docs/adr/0002-mdx-rendered-without-code.md.
 */
export const collections = Object.fromEntries(
  SECTION_IDS.map((section) => [section, defineCollection({ loader: sectionLoader(section) })]),
) as Record<SectionId, ReturnType<typeof defineCollection>>;

export { ENTRY_SCHEMAS };
