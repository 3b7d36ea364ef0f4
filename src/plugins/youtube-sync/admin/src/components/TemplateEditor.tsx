import * as React from 'react';
import { Box, Button, Field, Flex, Grid, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { useTimeFormat } from '../../../../../shared/admin';
import { useYouTubeSyncApi } from '../api';
import type { DescriptionPreview } from '../api-types';
import { useT, type MessageKey } from '../translate';

interface Props {
  value: string;
  placeholders: string[];
  error?: string;
  onChange: (template: string) => void;
}

const SAMPLE = 'sample';

/** The description template with insertable placeholders and a live preview rendered by the server. */
export function TemplateEditor({ value, placeholders, error, onChange }: Props) {
  const t = useT();
  const api = useYouTubeSyncApi();
  const format = useTimeFormat();
  const textarea = React.useRef<HTMLTextAreaElement>(null);
  const [stories, setStories] = React.useState<{ documentId: string; title: string }[]>([]);
  const [storyId, setStoryId] = React.useState<string>();
  const [preview, setPreview] = React.useState<DescriptionPreview>();

  React.useEffect(() => {
    api.previewStories().then(setStories, () => setStories([]));
  }, [api]);

  React.useEffect(() => {
    if (error) {
      setPreview(undefined);
      return;
    }
    const timer = setTimeout(() => {
      api.preview(value, storyId).then(setPreview, () => undefined);
    }, 300);
    return () => clearTimeout(timer);
  }, [api, value, storyId, error]);

  const insert = (name: string) => {
    const element = textarea.current;
    const token = `{${name}}`;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <Flex gap={6} alignItems="stretch" wrap="wrap">
      <Box flex="1" minWidth="32rem">
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Field.Root name="descriptionTemplate" error={error} hint={t('settings.template.hint')}>
            <Field.Label>{t('settings.template.label')}</Field.Label>
            <Textarea ref={textarea} value={value} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)} style={{ minHeight: '28rem' }} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
          <Grid.Root gap={2}>
            {placeholders.map((name) => (
              <Grid.Item key={name} col={6} s={12} gap={2}>
                <Button size="S" variant="tertiary" onClick={() => insert(name)}>
                  {`{${name}}`}
                </Button>
                <Typography variant="pi" textColor="neutral600">
                  {t(`settings.placeholder.${name}` as MessageKey)}
                </Typography>
              </Grid.Item>
            ))}
          </Grid.Root>
        </Flex>
      </Box>
      <Box flex="1" minWidth="32rem">
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Field.Root name="previewStory">
            <Field.Label>{t('settings.preview.story')}</Field.Label>
            <SingleSelect value={storyId ?? (preview?.story?.documentId ?? SAMPLE)} onChange={(id) => setStoryId(String(id))}>
              <SingleSelectOption value={SAMPLE}>{t('settings.preview.sample')}</SingleSelectOption>
              {stories.map((story) => (
                <SingleSelectOption key={story.documentId} value={story.documentId}>
                  {story.title}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Typography variant="pi" fontWeight="bold" textColor="neutral800">
            {t('settings.preview.title')}
          </Typography>
          <Box background="neutral100" hasRadius padding={4} borderColor="neutral200" data-testid="template-preview">
            <Typography variant="omega" textColor={preview ? 'neutral800' : 'neutral500'} style={{ whiteSpace: 'pre-wrap' }}>
              {preview ? preview.description : t('settings.preview.waiting')}
            </Typography>
          </Box>
          {preview && (
            <Typography variant="pi" textColor={preview.truncated ? 'danger600' : 'neutral600'}>
              {preview.truncated
                ? t('settings.preview.tooLong', { max: format.number(preview.maxBytes) })
                : t('settings.preview.size', { bytes: format.number(preview.bytes), max: format.number(preview.maxBytes) })}
            </Typography>
          )}
        </Flex>
      </Box>
    </Flex>
  );
}
