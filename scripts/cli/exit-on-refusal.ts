import { isDomainError } from '#src/errors.ts';

/**
 * How a command line ends on an error it does not handle itself. A refusal
 * (a `DomainError`: content with errors, a holiday table that stops too
 * early, a period that does not exist) is for the person at the terminal:
 * its Vietnamese sentence, no stack trace, exit code 1. Anything else is a
 * bug, printed whole for whoever fixes it (docs/adr/0081-one-error-shape.md).
 */
export function exitOnRefusal(): void {
  process.on('uncaughtException', (error) => {
    console.error(isDomainError(error) ? `✗ ${error.message}` : error);
    process.exit(1);
  });
}
