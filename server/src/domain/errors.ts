/**
 * The one error type of the pure domain layer. `code` is a stable machine code
 * (e.g. "INVALID_PERIOD", "INVALID_RANGE") that the server maps to an HTTP status in one
 * place; `message` is Vietnamese, fit to show to a user; `details` carries optional data.
 * Domain code never throws HTTP errors.
 */
export class DomainError extends Error {
  /** Stable machine-readable code, e.g. "INVALID_PERIOD". */
  readonly code: string;
  /** Optional structured context (the offending value, issues, …). */
  readonly details?: unknown;

  /**
   * @param code stable machine code
   * @param message Vietnamese message for the user
   * @param details optional structured context
   */
  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}
