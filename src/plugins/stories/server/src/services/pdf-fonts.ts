import type { PdfFontsService } from '../../../../../shared/pdf-fonts';
import { usePdfFonts } from '../site/pdf-fonts';

/** The PDF fonts for the reports' PDF: the same embedded DejaVu as the partner kit's print files. */
export default (): PdfFontsService => ({ use: usePdfFonts });
