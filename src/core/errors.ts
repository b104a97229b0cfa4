/**
 * Errors meant for the user. A `UserError` carries a French message written for staff and a
 * `code` that code may test; every other error is unexpected: entry points show the generic
 * French message instead (COMMON.unexpectedError) and log the details without personal data.
 * Never recognise an error by its text: test `isUserError(e)` and `e.code`.
 */
export type UserErrorCode =
  /** The document lock could not be had in time: nothing was written. */
  | 'LOCK_BUSY'
  /** An argument from the sidebar or the menu is not acceptable. */
  | 'INVALID_INPUT'
  /** The workbook lacks what the action needs (tab, header row, required column). */
  | 'WORKBOOK_UNUSABLE'
  /** Nothing to do (e.g. a year without any data). */
  | 'NO_DATA'
  /** What the request names does not exist (a participant, a tab). */
  | 'NOT_FOUND'
  /** The request was prepared on data that changed since. */
  | 'STALE'
  /** An unexpected failure, already turned into the generic message. */
  | 'UNEXPECTED';

export class UserError extends Error {
  readonly code: UserErrorCode;

  constructor(message: string, code: UserErrorCode, options?: { cause?: unknown }) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    if (options && 'cause' in options) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** True for a UserError, including one made in another realm (vm, gas-local). */
export function isUserError(e: unknown): e is UserError {
  if (e instanceof UserError) return true;
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { name?: unknown }).name === 'UserError' &&
    typeof (e as { code?: unknown }).code === 'string' &&
    typeof (e as { message?: unknown }).message === 'string'
  );
}

/**
 * The French message an error carries for the user, or null for an unexpected error: a
 * UserError, or the plain Error that the server's top-level catch throws (a `cause.code`).
 */
export function userMessageOf(e: unknown): string | null {
  if (isUserError(e)) return e.message;
  if (e instanceof Error || (typeof e === 'object' && e !== null)) {
    const cause = (e as { cause?: unknown }).cause;
    const message = (e as { message?: unknown }).message;
    if (
      typeof cause === 'object' &&
      cause !== null &&
      typeof (cause as { code?: unknown }).code === 'string' &&
      typeof message === 'string'
    ) {
      return message;
    }
  }
  return null;
}

/** What may be logged of an unexpected error: its kind and stack, never the data it was about. */
export function errorDetails(e: unknown): string {
  if (e instanceof Error) return `${e.name}${e.stack ? `\n${e.stack.split('\n').slice(1).join('\n')}` : ''}`;
  return typeof e;
}

/**
 * The one failure shape of a validation in core: the value, or the French message and code
 * of the UserError the use case throws (`valueOrThrow`). Core validations return it; use
 * cases in src/app throw.
 */
export type Result<T> = { ok: true; value: T } | Failure;
export type Failure = { ok: false; message: string; code: UserErrorCode };

export function success<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure(message: string, code: UserErrorCode = 'INVALID_INPUT'): Failure {
  return { ok: false, message, code };
}

/** The value of a success; a failure is thrown as a UserError with its message and code. */
export function valueOrThrow<T>(result: Result<T>): T {
  if (!result.ok) throw new UserError(result.message, result.code);
  return result.value;
}
