import * as React from 'react';
import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import type { ChartName, ReportQuery, ReportsApi } from '../api';
import { useT } from '../translate';

/**
 * A chart as the server draws it for the PDF (Vega-Lite → SVG), shown as an image: the same picture in the page
 * and in the report, and SVG markup never enters the page's DOM.
 */
export function ChartImage({ api, name, query, width, alt }: { api: ReportsApi; name: ChartName; query: ReportQuery; width: number; alt: string }) {
  const t = useT();
  const [url, setUrl] = React.useState<string>();
  const [failed, setFailed] = React.useState(false);
  React.useEffect(() => {
    let current: string | undefined;
    let alive = true;
    setFailed(false);
    api
      .chart(name, query, width)
      .then((svg) => {
        if (!alive) return;
        current = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
        setUrl(current);
      })
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
      if (current) URL.revokeObjectURL(current);
    };
  }, [api, name, query, width]);

  if (failed) {
    return (
      <Typography variant="pi" textColor="danger600">
        {t('chart.error')}
      </Typography>
    );
  }
  if (!url) {
    return (
      <Flex gap={2} padding={4}>
        <Loader small />
        <Typography variant="pi" textColor="neutral600">
          {t('chart.loading')}
        </Typography>
      </Flex>
    );
  }
  return (
    <Box>
      <img src={url} alt={alt} style={{ maxWidth: '100%', height: 'auto', display: 'block' }} data-testid={`chart-${name}`} />
    </Box>
  );
}
