/** An expected failure with a stable code that callers map to a message. */
export class DomainError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message?: string) {
    super(message ?? code);
    this.name = 'DomainError';
    this.code = code;
  }
}
