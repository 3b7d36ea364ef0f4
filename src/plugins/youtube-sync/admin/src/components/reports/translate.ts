import * as React from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../../plugin-id';
import de from '../../translations/reports.de.json';

/** Every key of reports.de.json; German is the fallback text until the language's file has the key. */
export type ReportsMessageKey = keyof typeof de;
type Values = Record<string, string | number>;

export const reportsMessage = (key: ReportsMessageKey) => ({ id: `${PLUGIN_ID}.${key}`, defaultMessage: de[key] });

export function useReportsT() {
  const { formatMessage } = useIntl();
  return React.useCallback((key: ReportsMessageKey, values?: Values) => formatMessage(reportsMessage(key), values), [formatMessage]);
}

export type ReportsT = ReturnType<typeof useReportsT>;
