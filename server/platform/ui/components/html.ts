import type { HtmlEscapedString } from 'hono/utils/html';

/** What a `hono/html` template returns. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Anything a component places in the page: escaped markup, or text that it escapes. */
export type Content = Html | string;
