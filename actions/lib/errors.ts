/**
 * A mistake the user can fix by changing an input, a file or a setting. It is reported as one line, without a
 * stack trace, because the stack would only hide the fix. Its message must say what is wrong and what to do.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof ConfigurationError;
}

/** The message of anything thrown, without assuming it is an Error. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The job was cancelled (GitHub sends SIGINT, then SIGTERM): the run stops cleanly and says so, once. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor(readonly signal: string) {
    super(`cancelled (${signal})`);
  }
}

/** The reason an aborted signal carries, as a CancelledError. */
export function cancellation(signal: AbortSignal): CancelledError {
  return signal.reason instanceof CancelledError ? signal.reason : new CancelledError('abort');
}
