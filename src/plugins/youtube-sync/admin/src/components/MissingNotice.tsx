import { Notice } from '../../../../../shared/admin';
import type { MissingItem } from '../api-types';
import { useT, type MessageKey } from '../translate';

/** Each thing a story lacks on YouTube, with what to do about it. */
const TEXT: Record<MissingItem, MessageKey> = {
  thumbnail_channel_not_verified: 'missing.thumbnail_channel_not_verified',
};

export function MissingNotice({ missing }: { missing: MissingItem[] }) {
  const t = useT();
  if (missing.length === 0) return null;
  return (
    <Notice tone="warning" title={t('missing.title')}>
      {missing.map((item) => t(TEXT[item])).join(' ')}
    </Notice>
  );
}
