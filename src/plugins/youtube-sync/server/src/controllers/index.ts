import adminApi from '../admin-api/admin-actions';

export default { 'admin-api': adminApi };
