import type { z } from 'zod';
import type { SectionId } from '../sections.ts';
import { ConsultationEntrySchema } from './consultation.ts';
import { DirectoryEntrySchema } from './directory.ts';
import { EnglishPageEntrySchema } from './english-page.ts';
import { LegalDocumentEntrySchema } from './legal-document.ts';
import { NewsEntrySchema } from './news.ts';
import { OnlineActivityEntrySchema } from './online-activity.ts';
import { OrganisationEntrySchema } from './organisation.ts';
import { ProcedureEntrySchema } from './procedure.ts';
import { InformationListEntrySchema } from './information-list.ts';
import { ProcurementEntrySchema } from './procurement.ts';
import { QuestionAnswerEntrySchema } from './question-answer.ts';

/** Section id → the frontmatter schema of its entries. */
export const ENTRY_SCHEMAS = {
  'gioi-thieu': OrganisationEntrySchema,
  'van-ban': LegalDocumentEntrySchema,
  'thu-tuc-hanh-chinh': ProcedureEntrySchema,
  'tin-tuc': NewsEntrySchema,
  'danh-ba': DirectoryEntrySchema,
  'du-an-dau-thau': ProcurementEntrySchema,
  'hoat-dong-truc-tuyen': OnlineActivityEntrySchema,
  'gop-y': ConsultationEntrySchema,
  'hoi-dap': QuestionAnswerEntrySchema,
  'tiep-can-thong-tin': InformationListEntrySchema,
  en: EnglishPageEntrySchema,
} as const satisfies Record<SectionId, z.ZodType>;

export type EntryData<S extends SectionId> = z.infer<(typeof ENTRY_SCHEMAS)[S]>;
