import publicApi from './public-api';
import adminApi from '../admin-api/controller';

export default {
  'public-api': publicApi,
  'admin-api': adminApi,
};
