/**
 * Who counts as the same person as an account for the editorial four-eyes
 * rules (Điều 19; docs/adr/0017). Whoever saw an account's current one-time
 * password could have signed in as it and chosen its password: until the
 * password is next issued through a channel only the holder reads (mail,
 * the operator's CLI), the two accounts are one person. Changing one's own
 * password does not separate them — the witness could have done that.
 */
export interface WitnessView {
  id: string;
  username: string;
  /** The account id of whoever saw the current one-time password, or null. */
  credentialsSeenBy: string | null;
}

/** Whether `a` and `b` are one person: either saw the other's current credentials. */
export function sharesCredentials(a: WitnessView, b: WitnessView): boolean {
  return a.id !== b.id && (a.credentialsSeenBy === b.id || b.credentialsSeenBy === a.id);
}

/** The usernames among `others` that are one person with `account`, sorted, without repeats. */
export function linkedUsernames(account: WitnessView, others: readonly WitnessView[]): string[] {
  return [
    ...new Set(others.filter((other) => sharesCredentials(account, other)).map((other) => other.username)),
  ].sort();
}
