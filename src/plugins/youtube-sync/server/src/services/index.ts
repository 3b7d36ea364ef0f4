import sync from './sync';
import publicApi from '../public-api/service';
import adminApi from '../admin-api/service';

export default { sync, 'public-api': publicApi, 'admin-api': adminApi };
