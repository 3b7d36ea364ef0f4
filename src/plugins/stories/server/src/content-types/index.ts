import removal from './removal';
import partnerKey from './partner-key';
import partnerUsage from './partner-usage';
import cacheGeneration from './cache-generation';

export default {
  removal,
  'partner-key': partnerKey,
  'partner-usage': partnerUsage,
  'cache-generation': cacheGeneration,
};
