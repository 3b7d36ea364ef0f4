/**
 * The call for participation in the alliance's own words (the letter "ZUSAMMEN. MEHR." to its supporters), as every
 * part of the partner kit prints it: banners, newsletter block, flyer, posters and magazine ads say the same.
 */

export const CLAIM = 'ZUSAMMEN. MEHR.';
export const CALL = 'Erzählen Sie Ihre Geschichte';
export const CALL_EN = 'Tell us your story';
export const ALLIANCE = 'Niedersachsen packt an';
export const SLOGAN = 'Integration ist gut für uns alle.';
export const MOTTO = 'Wir wollen zeigen, wie Integration gelingt!';
export const ACTION = 'Jetzt mitmachen';

/** The invitation, shortened from the call: who may take part and with what. */
export const INVITATION =
  'Projekte und persönliche Geschichten der Menschen vor Ort zeigen, dass die Integration geflüchteter Menschen in ' +
  'Niedersachsen vorangeht. Erzählen Sie Ihre Erfolgsgeschichte – mit einem kurzen Video, klein oder groß. Das Bündnis ' +
  '„Niedersachsen packt an“ gibt ihr eine Bühne: zum Teilen und Nachmachen!';

/** The one-line alt text of every banner: what the picture says, and where the link goes. */
export const BANNER_ALT = `${CLAIM} – ${CALL}. ${ACTION} beim Bündnis „${ALLIANCE}“.`;
