/**
 * The four pages the law and the call ask for: where they live, which single type holds their text. The submissions
 * plugin serves them; every public page's footer (stories' site layout) links them. Constants only.
 */
export interface LegalPath {
  path: string;
  uid: string;
  /** The short name used in footers and links. */
  label: string;
}

export const LEGAL_PATHS: readonly LegalPath[] = [
  { path: '/impressum', uid: 'api::imprint.imprint', label: 'Impressum' },
  { path: '/datenschutz', uid: 'api::privacy-policy.privacy-policy', label: 'Datenschutz' },
  { path: '/barrierefreiheit', uid: 'api::accessibility-statement.accessibility-statement', label: 'Barrierefreiheit' },
  { path: '/teilnahmebedingungen', uid: 'api::participation-terms.participation-terms', label: 'Teilnahmebedingungen' },
];
