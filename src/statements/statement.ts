/**
 * A statement page (accessibility, personal data): headed parts of
 * paragraphs and lists, as data, so the text is written once and rendered by
 * one component (docs/adr/0026-statements.md). Links are site paths or
 * `mailto:`/`tel:` addresses the department's configuration gives.
 */
export interface StatementLink {
  href: string;
  text: string;
}

export interface StatementPart {
  id: string;
  heading: string;
  paragraphs?: string[];
  items?: string[];
  links?: StatementLink[];
}

export interface StatementContext {
  /** "Sở Tư pháp tỉnh Thừa Thiên Huế". */
  departmentName: string;
  address: string;
  phone: string;
  email: string;
  /** Who runs the platform (Điều 5.2). */
  operator: string;
}

export const tel = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;
