import sync from './sync';
import adminApi from '../admin-api/service';

export default { sync, 'admin-api': adminApi };
