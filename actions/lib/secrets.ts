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
