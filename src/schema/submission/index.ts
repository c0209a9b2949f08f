import type { ServiceId } from '../service-process.ts';
import { ComplaintSubmissionSchema } from './complaint.ts';
import { DossierSubmissionSchema } from './dossier.ts';
import { DraftCommentSubmissionSchema } from './draft-comment.ts';
import { InformationRequestSubmissionSchema } from './information-request.ts';
import { QuestionSubmissionSchema } from './question.ts';
import { WebsiteFeedbackSubmissionSchema } from './website-feedback.ts';

export { COMPLAINT_KIND_LABELS, ComplaintSubmissionSchema, type ComplaintSubmission } from './complaint.ts';
export { DossierSubmissionSchema, type DossierSubmission } from './dossier.ts';
export { DraftCommentSubmissionSchema, type DraftCommentSubmission } from './draft-comment.ts';
export { INFORMATION_DELIVERY } from './information-request.ts';
export { QuestionSubmissionSchema, type QuestionSubmission } from './question.ts';
export {
  FEEDBACK_CATEGORIES,
  WebsiteFeedbackSubmissionSchema,
  type WebsiteFeedbackSubmission,
} from './website-feedback.ts';
export { fieldIssues, HONEYPOT_FIELD } from './fields.ts';
export { RATING_LABELS, RATING_SCORES, RatingSubmissionSchema, type RatingSubmission } from './rating.ts';

/** The form of each service: what a route validates a submission with. */
export const SUBMISSION_SCHEMAS = {
  'khieu-nai-to-cao': ComplaintSubmissionSchema,
  'hoi-dap': QuestionSubmissionSchema,
  'ho-so': DossierSubmissionSchema,
  'gop-y-du-thao': DraftCommentSubmissionSchema,
  'phan-hoi-website': WebsiteFeedbackSubmissionSchema,
  'tiep-can-thong-tin': InformationRequestSubmissionSchema,
} as const satisfies Record<ServiceId, unknown>;
