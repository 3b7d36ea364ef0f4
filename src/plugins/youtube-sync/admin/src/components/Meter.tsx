import { Box } from '@strapi/design-system';

/**
 * A full-width bar for "x of y" (the design system's ProgressBar is a small fixed-width spinner substitute).
 * `tone` colours it: quota turns orange, then red, as the budget runs out.
 */
export function Meter({ percent, tone = 'primary', label }: { percent: number; tone?: 'primary' | 'success' | 'warning' | 'danger'; label: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <Box background="neutral150" hasRadius height="1rem" width="100%" role="progressbar" aria-label={label} aria-valuenow={value} aria-valuemin={0} aria-valuemax={100}>
      <Box background={`${tone}600`} hasRadius height="100%" style={{ width: `${value}%`, minWidth: value > 0 ? '0.5rem' : 0, transition: 'width 0.4s' }} />
    </Box>
  );
}
