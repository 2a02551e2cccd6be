/**
 * Database passwords never leave the process: not in output, errors, logs, run records or stored
 * rows (SPEC §3). Everything shub prints or stores that may hold a connection string goes through
 * these functions.
 */

export const REDACTED = '***';

/** `scheme://user:password@` — the password is everything up to the last `@` of the token. */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@?#]*:)(\S*)@/gi;
/** `?password=…` / `&password=…` in a URL, or `password=…` in a libpq key/value string. */
const KEYWORD_PASSWORD = /\b(password\s*=\s*)('[^']*'|[^&\s]+)/gi;

/** The password a connection URL carries (userinfo or `password=` parameter), decoded; null if none. */
export function passwordOf(url: string): string | null {
  try {
    const u = new URL(url);
    const fromQuery = u.searchParams.get('password');
    if (u.password) return safeDecode(u.password);
    return fromQuery || null;
  } catch {
    const m = /^[a-z][a-z0-9+.-]*:\/\/[^\s:/@?#]*:(\S*)@/i.exec(url);
    return m?.[1] ? safeDecode(m[1]) : null;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * `text` with every URL password, `password=` value and every literal occurrence of `secrets`
 * (raw and percent-encoded; secrets of 4 characters or more, so that a one-letter password does not
 * blank out every `a` in a message) replaced by `***`.
 */
export function redactText(text: string, secrets: readonly (string | null | undefined)[] = []): string {
  let out = text.replace(URL_PASSWORD, `$1${REDACTED}@`).replace(KEYWORD_PASSWORD, `$1${REDACTED}`);
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue; // shorter ones are caught by the patterns above only
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(REDACTED);
  }
  return out;
}

/** A connection URL fit for messages: `postgres://shub:***@db.example/shub`. */
export function redactUrl(url: string): string {
  return redactText(url, [passwordOf(url)]);
}

/** A command line fit for a run record: `--db postgres://u:secret@h/d` becomes `--db postgres://u:***@h/d`. */
export function redactArgs(args: readonly string[], secrets: readonly (string | null | undefined)[] = []): string[] {
  return args.map((a) => redactText(a, secrets));
}
