import { Flex, Radio, Typography } from '@strapi/design-system';

interface Props<T extends string> {
  name: string;
  label: string;
  value: T;
  options: { value: T; label: string }[];
  hint?: string;
  onChange: (value: T) => void;
}

/** A labelled group of radio buttons, for settings with a few exclusive choices. */
export function ChoiceGroup<T extends string>({ name, label, value, options, hint, onChange }: Props<T>) {
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Radio.Group name={name} aria-label={label} value={value} onValueChange={(next: string) => onChange(next as T)}>
        {options.map((option) => (
          <Radio.Item key={option.value} value={option.value}>
            {option.label}
          </Radio.Item>
        ))}
      </Radio.Group>
      {hint && (
        <Typography variant="pi" textColor="neutral600">
          {hint}
        </Typography>
      )}
    </Flex>
  );
}
