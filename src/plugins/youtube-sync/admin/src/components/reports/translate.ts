import { message, useT, type MessageKey } from '../../translate';

/** The Berichte page speaks through the plugin's one translation helper; these names keep its components short. */
export type ReportsMessageKey = MessageKey;
export const reportsMessage = message;
export const useReportsT = useT;
export type ReportsT = ReturnType<typeof useT>;
