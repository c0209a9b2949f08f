import type { FieldView } from '#server/platform/ui/components/field.ts';
import type { ServiceId } from '#src/schema/service-process.ts';
import { t } from '#server/platform/ui/vi.ts';
import { LETTER_VIA } from '../case-office-service.ts';
import type { TransitionName } from '../case-workflow.ts';
import { transitionLabel } from '../step-labels.ts';
import { casePath, TRANSITION_SLUGS } from './case-paths.ts';

export interface CaseActionForm {
  name: TransitionName;
  action: string;
  title: string;
  /** The case's version the officer saw: a concurrent change is refused, not lost. */
  version: number;
  multipart: boolean;
  fields: FieldView[];
}

/**
 * A refusal, a request for more documents or an answer reaches the citizen
 * only with its reason (Điều 14); so does every extension and suspension,
 * each a written decision (Luật Khiếu nại 2011 Điều 28, Luật Tố cáo 2018 Điều 30, 34).
 */
const NEEDS_PUBLIC_TEXT: readonly TransitionName[] = [
  'reject',
  'requestSupplement',
  'resolve',
  'answer',
  'returnResult',
  'declareComplex',
  'extendAcceptance',
  'extend',
  'suspend',
  'resume',
];

/** What a form needs to know of the case beyond the step. */
export interface ActionContext {
  /** Complaint kind: only a complaint knows the remote-area limits (Luật Khiếu nại 2011 Điều 28, 37). */
  kind: string | null;
  /** Whose words name the buttons (step-labels.ts). */
  service: ServiceId;
}
/** Steps that may carry the result as files. */
const WITH_FILES: readonly TransitionName[] = ['returnResult', 'resolve'];

function fieldsOf(
  name: TransitionName,
  officers: ReadonlyArray<{ id: string; name: string }>,
  context: ActionContext,
): FieldView[] {
  const id = (s: string) => `${name}-${s}`;
  const fields: FieldView[] = [];
  if (name === 'receiveSignedLetter') {
    fields.push({
      id: id('qua'),
      name: 'letterVia',
      label: t('casePage.letterVia'),
      control: 'select',
      required: true,
      options: LETTER_VIA.map((via) => ({ value: via, label: t(`casePage.letterVia.${via}`) })),
    });
  }
  if (name === 'accept' && context.kind === 'khieu-nai') {
    fields.push({ id: id('vung-sau'), name: 'remoteArea', label: t('casePage.remoteArea'), control: 'checkbox' });
  }
  if (name === 'assign') {
    fields.push({
      id: id('can-bo'),
      name: 'assigneeId',
      label: t('casePage.officer'),
      control: 'select',
      required: true,
      options: officers.map((o) => ({ value: o.id, label: o.name })),
    });
  }
  if (name !== 'note' && name !== 'assign') {
    const required = NEEDS_PUBLIC_TEXT.includes(name);
    const label = t(required ? 'casePage.publicTextRequired' : 'casePage.publicTextOptional');
    fields.push({ id: id('tra-loi'), name: 'publicText', label, control: 'textarea', rows: 4, required });
  }
  if (WITH_FILES.includes(name))
    fields.push({ id: id('tep'), name: 'files', label: t('casePage.resultFiles'), type: 'file', multiple: true });
  fields.push({
    id: id('ghi-chu'),
    name: 'internalNote',
    label: t(name === 'note' ? 'casePage.noteRequired' : 'casePage.noteOptional'),
    control: 'textarea',
    rows: 2,
    required: name === 'note',
  });
  return fields;
}

/** One form per step the officer may take now (the workflow table decides which: case-workflow.ts). */
export function caseActionForms(
  caseId: string,
  version: number,
  transitions: readonly TransitionName[],
  officers: ReadonlyArray<{ id: string; name: string }>,
  context: ActionContext,
): CaseActionForm[] {
  return transitions.map((name) => ({
    name,
    action: `${casePath(caseId)}/${TRANSITION_SLUGS[name]}`,
    title: transitionLabel(context.service, name),
    version,
    multipart: WITH_FILES.includes(name),
    fields: fieldsOf(name, officers, context),
  }));
}
