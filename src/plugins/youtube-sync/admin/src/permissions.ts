/** The action ids the server registers and checks on every admin route, from the module both sides import. */
export { ACTIONS } from '../../../../shared/permissions';

export const permission = (action: string) => ({ action, subject: null });
