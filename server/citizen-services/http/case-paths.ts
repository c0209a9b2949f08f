import type { TransitionName } from '../case-workflow.ts';

/** The officers' case pages (Điều 15), under the back office. */
export const CASES_PATH = '/quan-tri/ho-so';
export const casePath = (id: string) => `${CASES_PATH}/${encodeURIComponent(id)}`;

/** URL segments of the transitions, Vietnamese like every other address. */
export const TRANSITION_SLUGS: Record<TransitionName, string> = {
  receive: 'tiep-nhan',
  requestSupplement: 'yeu-cau-bo-sung',
  supplement: 'bo-sung',
  accept: 'thu-ly',
  reject: 'tu-choi',
  assign: 'phan-cong',
  startVerification: 'xac-minh',
  declareComplex: 'phuc-tap',
  answer: 'tra-loi',
  approve: 'duyet',
  sendBack: 'tra-lai',
  resolve: 'giai-quyet',
  returnResult: 'tra-ket-qua',
  note: 'ghi-chu',
  receiveSignedLetter: 'nhan-don-ky',
  sendSignedLetter: 'gui-don-ky',
  extendAcceptance: 'gia-han-thu-ly',
  extend: 'gia-han',
  suspend: 'tam-dinh-chi',
  resume: 'tiep-tuc',
};

/** The head's disposal lists of closed cases past retention (docs/adr/0059). */
export const DISPOSALS_PATH = `${CASES_PATH}/huy`;
