/**
 * The path of a request target, without its query string. Operations reads targets only after the front layer has
 * made them canonical (stories' request-target.ts), so comparing them as the router does (ignoring case) is enough.
 */
export const pathOf = (target: string): string => target.split('?', 1)[0];

export const isPath = (target: string, path: string): boolean => pathOf(target).toLowerCase() === path.toLowerCase();
