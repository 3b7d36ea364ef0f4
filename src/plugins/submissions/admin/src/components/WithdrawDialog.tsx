import * as React from 'react';
import { Button, Dialog, Field, Flex, Radio, Textarea, Typography } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useT } from '../translate';
import { SCOPE_HINT_KEY, SCOPE_KEY } from './labels';
import { WITHDRAWAL_SCOPES, type WithdrawalScope } from '../api';

/** "Einwilligung widerrufen (für …)": an editor records a withdrawal that reached the office another way. */
export function WithdrawDialog({ disabled, onWithdraw }: { disabled?: boolean; onWithdraw: (scope: WithdrawalScope, note: string) => Promise<void> }) {
  const t = useT();
  const [scope, setScope] = React.useState<WithdrawalScope>('all');
  const [note, setNote] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [open, setOpen] = React.useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await onWithdraw(scope, note);
      setOpen(false);
      setNote('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button variant="danger-light" startIcon={<Cross />} disabled={disabled}>
          {t('review.withdraw.button')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t('review.withdraw.title')}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" alignItems="stretch" gap={4} width="100%">
            <Typography>{t('review.withdraw.intro')}</Typography>
            <Field.Root name="scope">
              <Field.Label>{t('review.withdraw.scope')}</Field.Label>
              <Radio.Group value={scope} onValueChange={(value) => setScope(value as WithdrawalScope)} aria-label={t('review.withdraw.scope')}>
                {WITHDRAWAL_SCOPES.map((option) => (
                  <Radio.Item key={option} value={option}>
                    {t(SCOPE_KEY[option])} – {t(SCOPE_HINT_KEY[option])}
                  </Radio.Item>
                ))}
              </Radio.Group>
            </Field.Root>
            <Field.Root name="withdrawal-note">
              <Field.Label>{t('review.withdraw.note')}</Field.Label>
              <Textarea value={note} maxLength={2000} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setNote(event.target.value)} />
            </Field.Root>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {t('review.withdraw.cancel')}
            </Button>
          </Dialog.Cancel>
          <Button fullWidth variant="danger" loading={busy} onClick={() => void confirm()}>
            {t('review.withdraw.confirm')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
}
