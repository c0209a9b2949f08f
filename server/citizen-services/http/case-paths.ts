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
};
