import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { ACTIONS, Card, errorMessage, Notice, permission, useTimeFormat } from '../../../../../shared/admin';
import { useYouTubeSyncApi } from '../api';
import type { EditorSettings, PlaylistKind, SettingsView } from '../api-types';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { PlaylistSettings } from '../components/PlaylistSettings';
import { TemplateEditor } from '../components/TemplateEditor';
import { validateSettings } from '../settings-validation';
import { useT } from '../translate';

function Settings() {
  const t = useT();
  const api = useYouTubeSyncApi();
  const format = useTimeFormat();
  const { toggleNotification } = useNotification();
  const [view, setView] = React.useState<SettingsView>();
  const [draft, setDraft] = React.useState<EditorSettings>();
  const [failed, setFailed] = React.useState(false);
  const [saving, setSaving] = React.useState(false);

  const show = (loaded: SettingsView) => {
    setView(loaded);
    setDraft(loaded.settings);
  };
  React.useEffect(() => {
    api.settings().then(show, () => setFailed(true));
  }, [api]);

  if (failed) return <Page.Error />;
  if (!view || !draft) return <Page.Loading />;

  const errors = validateSettings(draft, view.placeholders);
  const message = (field: keyof typeof errors) => {
    const error = errors[field];
    return error && t(error.key, error.values);
  };
  const playlistErrors = Object.fromEntries(
    (['channel', 'region', 'theme', 'project'] as PlaylistKind[]).map((kind) => [kind, message(`playlists.${kind}.title`)])
  ) as Partial<Record<PlaylistKind, string>>;
  const changed = JSON.stringify(draft) !== JSON.stringify(view.settings);
  const update = (change: Partial<EditorSettings>) => setDraft({ ...draft, ...change });

  const run = async (action: () => Promise<SettingsView>, success: string) => {
    setSaving(true);
    try {
      show(await action());
      toggleNotification({ type: 'success', message: success });
    } catch (failure) {
      toggleNotification({ type: 'danger', message: t('common.error.action', { message: errorMessage(failure) }) });
    } finally {
      setSaving(false);
    }
  };
  const save = () => {
    if (Object.keys(errors).length) {
      toggleNotification({ type: 'warning', message: t('settings.invalid') });
      return;
    }
    void run(() => api.saveSettings(draft), t('settings.saved'));
  };

  return (
    <Page.Main>
      <Page.Title>{t('settings.title')}</Page.Title>
      <Layouts.Header
        title={t('settings.title')}
        subtitle={t('settings.subtitle')}
        primaryAction={
          <Button startIcon={<Check />} onClick={save} loading={saving} disabled={!changed || saving}>
            {t('common.save')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Notice tone="info">{t('settings.applies')}</Notice>
          <Card title={t('settings.template.title')} data-testid="template">
            <TemplateEditor
              value={draft.descriptionTemplate}
              placeholders={view.placeholders}
              error={message('descriptionTemplate')}
              onChange={(descriptionTemplate) => update({ descriptionTemplate })}
            />
          </Card>
          <Card title={t('settings.privacy.title')} data-testid="privacy">
            <ChoiceGroup
              name="defaultPrivacy"
              label={t('settings.privacy.title')}
              value={draft.defaultPrivacy}
              options={(['public', 'unlisted', 'private'] as const).map((value) => ({ value, label: t(`settings.privacy.${value}`) }))}
              onChange={(defaultPrivacy) => update({ defaultPrivacy })}
            />
          </Card>
          <Card title={t('settings.playlists.title')} data-testid="playlists">
            <PlaylistSettings playlists={draft.playlists} errors={playlistErrors} onChange={(playlists) => update({ playlists })} />
          </Card>
          <Card title={t('settings.takedown.title')} data-testid="takedown">
            <ChoiceGroup
              name="takedown"
              label={t('settings.takedown.title')}
              value={draft.takedown}
              hint={t('settings.takedown.hint')}
              options={(['private', 'delete'] as const).map((value) => ({ value, label: t(`settings.takedown.${value}`) }))}
              onChange={(takedown) => update({ takedown })}
            />
          </Card>
          <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap" paddingBottom={6}>
            <Typography variant="pi" textColor="neutral600">
              {view.updatedAt ? t('settings.lastSaved', { time: format.dateTime(view.updatedAt), name: view.updatedBy ?? '–' }) : t('settings.defaults')}
            </Typography>
            {view.updatedAt && (
              <Button variant="tertiary" onClick={() => void run(() => api.resetSettings(), t('settings.reset.done'))} disabled={saving}>
                {t('settings.reset')}
              </Button>
            )}
          </Flex>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

const SETTINGS = [permission(ACTIONS.settings)];

/** Settings → YouTube → texts & playlists: what the office decides about descriptions, privacy and playlists. */
export default function SettingsPage() {
  return (
    <Page.Protect permissions={SETTINGS}>
      <Settings />
    </Page.Protect>
  );
}
