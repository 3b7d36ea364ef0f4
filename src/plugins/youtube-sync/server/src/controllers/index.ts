import publicApi from './public-api';
import adminApi from '../admin-api/controller';
import submissions from '../submissions/controller';
import review from '../review/api-controller';

export default {
  'public-api': publicApi,
  'admin-api': adminApi,
  submissions,
  review,
};
