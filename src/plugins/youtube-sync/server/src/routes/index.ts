import contentApi from './content-api';
import admin from '../admin-api/routes';
import { reportRouter } from '../reports/routes';

export default {
  'content-api': contentApi,
  admin,
  reports: reportRouter,
};
