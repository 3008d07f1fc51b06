import type { FieldError } from '@herorientatie/domain';

/** Domain errors: free of HTTP; the error middleware maps them to problem+json. */
export abstract class DomainError extends Error {
  abstract readonly code:
    'not-found' | 'conflict' | 'invalid-transition' | 'forbidden' | 'validation';
}

export class NotFound extends DomainError {
  readonly code = 'not-found';
  constructor(what = 'Het gevraagde object') {
    super(`${what} bestaat niet of u heeft er geen toegang toe.`);
  }
}

export class Conflict extends DomainError {
  readonly code = 'conflict';
}

export class InvalidTransition extends DomainError {
  readonly code = 'invalid-transition';
}

export class Forbidden extends DomainError {
  readonly code = 'forbidden';
  constructor(message = 'U heeft geen rechten voor deze handeling.') {
    super(message);
  }
}

export class ValidationFailed extends DomainError {
  readonly code = 'validation';
  constructor(readonly errors: FieldError[]) {
    super('De invoer is niet geldig.');
  }
}
