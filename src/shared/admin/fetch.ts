import { isFetchError } from '@strapi/strapi/admin';

/** The server's message for a failed call (Strapi's error envelope), or the fetch error's own. */
export function errorMessage(error: unknown): string {
  if (isFetchError(error)) return error.response?.data?.error?.message ?? error.message;
  return error instanceof Error ? error.message : String(error);
}
