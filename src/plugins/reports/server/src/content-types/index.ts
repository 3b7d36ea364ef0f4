import reportExport from './report-export';

export default { 'report-export': reportExport };
