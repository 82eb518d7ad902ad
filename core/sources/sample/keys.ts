/**
 * Which keys of a response body are personal (their value is dropped whatever it is), and
 * which hold track titles (their text is kept, scrubbed). Keys are compared lower-case with
 * everything but letters and digits removed: "E-Mail", "e_mail" and "eMail" are one key.
 */

function normaliseSampleKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Fragments: a key containing any of these is personal ("userEmail", "x-auth-token" …). */
const SENSITIVE_FRAGMENTS = [
  'token', 'secret', 'password', 'passwd', 'cookie', 'auth', 'session', 'csrf', 'xsrf', 'jwt', 'bearer', 'apikey', 'privatekey',
  'credential', 'signature', 'mail', 'phone', 'mobile', 'fax', 'address', 'street', 'postal', 'postcode', 'zipcode', 'city',
  'iban', 'swift', 'bank', 'account', 'card', 'payment', 'payout', 'billing', 'invoice', 'tax', 'vat', 'ssn', 'passport',
  'birth', 'firstname', 'lastname', 'fullname', 'surname', 'givenname', 'username', 'nickname', 'realname', 'legalname',
  'artistname', 'displayname', 'contact', 'user', 'customer', 'owner', 'person', 'author', 'ip', 'geo', 'latitude', 'longitude',
] as const;

/** Short keys matched whole (as fragments they would hit too many innocent keys). */
const SENSITIVE_WHOLE: ReadonlySet<string> = new Set(['key', 'bic', 'dob', 'sig', 'zip', 'pin', 'otp', 'code', 'artist', 'artists', 'login']);

/** "ip" only as a whole word, e.g. "ip", "clientIp", "ipAddress" (not "shipping", "description"). */
function ipKey(raw: string): boolean {
  return /^ip(?:address|v[46])?$/i.test(raw) || /(?:^|[a-z0-9_-])(?:Ip|IP|_ip|-ip)(?:$|[A-Z_-])/.test(raw);
}

export function isSensitiveKey(raw: string): boolean {
  const key = normaliseSampleKey(raw);
  if (SENSITIVE_WHOLE.has(key)) return true;
  if (ipKey(raw)) return true;
  return SENSITIVE_FRAGMENTS.some((fragment) => fragment !== 'ip' && key.includes(fragment));
}

/** Keys whose text is a track's (or release's) title. */
const TITLE_KEYS: ReadonlySet<string> = new Set(['title', 'tracktitle', 'trackname', 'songtitle', 'songname', 'releasetitle', 'releasename', 'albumtitle', 'tracktitlewithversion']);

/**
 * `name` is a title only on a track object, which we know by an `isrc` beside it; anywhere
 * else a name may be a person's.
 */
export function isTitleKey(raw: string, siblingKeys: readonly string[]): boolean {
  const key = normaliseSampleKey(raw);
  if (TITLE_KEYS.has(key)) return true;
  return key === 'name' && siblingKeys.some((sibling) => normaliseSampleKey(sibling) === 'isrc');
}
