import { errors } from '@strapi/utils';
import type { z } from 'zod';

/** Parses request input with a zod schema; a failure becomes Strapi's ValidationError with one entry per field. */
export function parseInput<T extends z.ZodTypeAny>(schema: T, input: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message, name: 'ValidationError' }));
  throw new errors.ValidationError(`${what}: ${issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`, { errors: issues });
}
