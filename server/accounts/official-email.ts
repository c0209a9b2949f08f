import { UnofficialEmailError } from './errors.ts';

/**
 * An official e-mail address (docs/adr/0017): one mailbox, lower case, in a
 * `gov.vn` domain — the state bodies' mail system, whose mailboxes are issued
 * to named officials, not made up by whoever fills the form.
 */
const MAX_EMAIL_LENGTH = 254;
const ADDRESS = /^[a-z0-9._%+-]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/;

export function normalizeOfficialEmail(input: string): string {
  const email = input.trim().toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH || !ADDRESS.test(email) || email.includes('..'))
    throw new UnofficialEmailError({ email: email.slice(0, MAX_EMAIL_LENGTH), reason: 'invalid' });
  if (!/(^|[@.])gov\.vn$/.test(email)) throw new UnofficialEmailError({ email, reason: 'not-official' });
  return email;
}

/** "nvan@sotuphap.thuathienhue.gov.vn" → "n***@sotuphap.thuathienhue.gov.vn": who sent it can tell where it went, nobody learns the mailbox. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}
