import { Flex, Link, Typography } from '@strapi/design-system';
import { ChartImage } from './ChartImage';
import type { ReportQuery, ReportsApi } from '../api';
import { useT } from '../translate';

const BKG = 'https://www.bkg.bund.de';

/** The map of the 45 districts with the source note the outlines' licence requires, linked to the BKG. */
export function DistrictMap({ api, query }: { api: ReportsApi; query: ReportQuery }) {
  const t = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <ChartImage api={api} name="map" query={query} width={560} alt={t('map.alt')} />
      <Typography variant="pi" textColor="neutral600">
        <Link href={BKG} isExternal>
          {t('map.source')}
        </Link>
      </Typography>
    </Flex>
  );
}
