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
