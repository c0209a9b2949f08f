import { t } from '#server/platform/ui/vi.ts';

/**
 * What the citizen is told while the department waits for the signed letter
 * (Luật Khiếu nại 2011 Điều 8, Luật Tố cáo 2018 Điều 23; docs/adr/0057), in
 * the same words on the receipt, the look-up page and the receipt mail.
 */
export function signedLetterGuidance(kind: string | null): string[] {
  const law = kind === 'to-cao' ? t('signedLetter.lawDenunciation') : t('signedLetter.lawComplaint');
  return [t('signedLetter.why', { law }), t('signedLetter.how'), t('signedLetter.clock')];
}
