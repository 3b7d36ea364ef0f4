/** The names the PDF fonts are registered under on a document (stories' site/pdf-fonts.ts registers them). */
export const PDF_FONTS = { body: 'Body', bold: 'Bold' } as const;

/** The stories' `pdf-fonts` service, for the reports' PDF. */
export interface PdfFontsService {
  /** Registers PDF_FONTS on the document; returns how to make a text printable with them. */
  use(doc: PDFKit.PDFDocument): (text: string) => string;
}
