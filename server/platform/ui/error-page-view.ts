import type { Site } from '../http/site-for-host.ts';
import { type FrameView, frameView } from './frame-view.ts';
import { type ServerTextKey, t } from './vi.ts';

export interface ErrorPageView {
  frame: FrameView;
  title: string;
  message: string;
  code: string;
}

const TITLED_STATUSES = [400, 401, 403, 404, 409, 413, 415, 429];

/** A whole-page error, titled by what kind of refusal it is; the sentence is the error's own. */
export function errorPageView(props: {
  site: Site | null;
  status: number;
  message: string;
  code: string;
}): ErrorPageView {
  const key: ServerTextKey = TITLED_STATUSES.includes(props.status)
    ? (`errorPage.title.${props.status}` as ServerTextKey)
    : 'errorPage.title.other';
  const title = t(key);
  return {
    frame: frameView({ title, site: props.site ?? { kind: 'portal' } }),
    title,
    message: props.message,
    code: props.code,
  };
}
