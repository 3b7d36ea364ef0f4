/** The action ids the server registers and checks on every admin route, from the module both sides import. */
export { ACTIONS } from '../permissions';

/** A permission as the admin's menu links, settings links and useRBAC take it (no subject: plugin actions). */
export const permission = (action: string) => ({ action, subject: null });
