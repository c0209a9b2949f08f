import type { z } from 'zod';
import { ValidationError } from '../errors.ts';

const PROBLEM_BY_ZOD_CODE: Record<string, string> = {
  too_big: 'too-long',
  too_small: 'required',
  invalid_type: 'required',
  invalid_format: 'invalid-format',
  invalid_value: 'not-allowed',
};

/** Parses form or JSON input, turning zod issues into a ValidationError with stable per-field problems. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || 'form',
    problem: PROBLEM_BY_ZOD_CODE[issue.code] ?? 'invalid-format',
  }));
  throw new ValidationError({ issues });
}
