/**
 * Every secret this process has seen. Loggers redact these from everything they print, in addition to the runner's
 * own masking, so that a secret stays hidden where no runner is watching (the CLI, captured test output).
 */
export class SecretRegistry {
  private readonly values = new Set<string>();

  add(value: string | undefined): void {
    // Very short values would redact ordinary words; the runner applies the same floor in spirit.
    if (value && value.trim().length >= 4) this.values.add(value);
    if (value && value.includes('%')) {
      try {
        this.add(decodeURIComponent(value));
      } catch {
        // not URI-encoded after all
      }
    }
  }

  redact(text: string): string {
    let result = text;
    for (const value of [...this.values].sort((a, b) => b.length - a.length)) {
      result = result.split(value).join('***');
    }
    return result;
  }

  list(): string[] {
    return [...this.values];
  }
}

/**
 * The secrets inside a database URL: the password (raw and URL-decoded) and any password-like query parameter.
 */
export function secretsInUrl(url: string): string[] {
  try {
    const parsed = new URL(url);
    const found: string[] = [];
    if (parsed.password) found.push(parsed.password, safeDecode(parsed.password));
    for (const key of ['password', 'sslpassword', 'token', 'apikey', 'api_key']) {
      const value = parsed.searchParams.get(key);
      if (value) found.push(value);
    }
    return found;
  } catch {
    return [];
  }
}

/** A URL fit to print: the password replaced by `***`. Unparsable text is hidden entirely. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const key of ['password', 'sslpassword', 'token', 'apikey', 'api_key']) {
      if (parsed.searchParams.has(key)) parsed.searchParams.set(key, '***');
    }
    return parsed.toString();
  } catch {
    return '<unparsable URL>';
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The forms a secret takes on the wire, which a server may echo back in an error: the value itself, URL-encoded,
 * base64, and as HTTP credentials (`Basic base64(user:secret)`, `Bearer secret`). Each must be masked, not only the
 * raw value.
 */
export function derivedSecretForms(secret: string, user?: string): string[] {
  const forms = [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];
  if (user !== undefined) {
    const basic = Buffer.from(`${user}:${secret}`).toString('base64');
    forms.push(basic, `Basic ${basic}`);
  }
  const bearer = /^Bearer\s+(.+)$/i.exec(secret)?.[1];
  if (bearer) forms.push(...derivedSecretForms(bearer));
  return forms;
}

/**
 * What an HTTP error body may show in a message: never the body as sent (a server may echo the request, credentials
 * included). A JSON error body gives its `message` or `error` field; anything else its first line. Control
 * characters are dropped and the length is capped.
 */
export function bodyReason(body: string): string {
  let reason = '';
  try {
    const parsed = JSON.parse(body) as { message?: unknown; error?: unknown };
    const field = typeof parsed.message === 'string' ? parsed.message : parsed.error;
    if (typeof field === 'string') reason = field;
    else if (typeof (field as { message?: unknown })?.message === 'string')
      reason = (field as { message: string }).message;
  } catch {
    reason = body.split('\n')[0] ?? '';
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a log line
  reason = reason.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return reason.length > 120 ? `${reason.slice(0, 119)}…` : reason;
}

/** An HTTP error as a message shows it: the status and the body's short reason. */
export function responseReason(status: number, body: string): string {
  const reason = bodyReason(body);
  return reason ? `HTTP ${status}: ${reason}` : `HTTP ${status}`;
}
