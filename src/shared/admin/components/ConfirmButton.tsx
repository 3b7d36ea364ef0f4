import * as React from 'react';
import { Button, Dialog, type ButtonProps } from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';

interface Props {
  label: string;
  icon: React.ReactNode;
  variant?: ButtonProps['variant'];
  disabled?: boolean;
  title: string;
  body: string;
  /** The confirming button says what happens ("Trennen"), not just "Bestätigen". */
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
}

/** A button for an action with consequences: it first explains them and asks. */
export function ConfirmButton({ label, icon, variant = 'default', disabled, title, body, confirmLabel, onConfirm }: Props) {
  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button variant={variant} startIcon={icon} disabled={disabled}>
          {label}
        </Button>
      </Dialog.Trigger>
      <ConfirmDialog
        title={title}
        endAction={
          <Dialog.Action>
            <Button fullWidth variant={variant === 'danger-light' ? 'danger-light' : 'default'} onClick={() => void onConfirm()}>
              {confirmLabel}
            </Button>
          </Dialog.Action>
        }
      >
        {body}
      </ConfirmDialog>
    </Dialog.Root>
  );
}
