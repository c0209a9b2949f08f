import type { IncomingMessage } from 'node:http';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { AppError } from './app-error.ts';
import type { Site } from './http/site-for-host.ts';
import type { AccountRecord, SessionRecord } from './storage/records.ts';

/** The signed-in person behind a request's session cookie. */
export interface ActiveSession {
  tokenHash: string;
  session: SessionRecord;
  account: AccountRecord;
}

/** Re-renders the page a form came from, with the error shown beside the form. */
export type FormErrorView = (error: AppError<object>) => HtmlEscapedString | Promise<HtmlEscapedString>;

export interface AppEnv {
  Bindings: { incoming?: IncomingMessage };
  Variables: {
    site: Site;
    clientAddress: string | null;
    /** Whether the browser reached us over https (directly or through a trusted proxy). */
    secure: boolean;
    session: ActiveSession | null;
    /** Names the request in the log and in `X-Request-Id` (docs/adr/0105). */
    requestId?: string;
    formErrorView?: FormErrorView;
  };
}
