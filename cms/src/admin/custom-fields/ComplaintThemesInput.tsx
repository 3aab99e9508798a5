/**
 * The complaint themes as a multi-select with the Danish labels of the shared vocabulary. The value
 * is a JSON array of theme keys; the case rules check it on the server.
 */
import * as React from 'react';
import { Field, MultiSelect, MultiSelectOption } from '@strapi/design-system';
// The vocabulary's source (plain constants, no imports), so the admin bundle takes nothing else of config.
import { complaintThemes } from '../../../../config/src/vocabulary';
import type { EditViewInputProps } from './input-props';

interface Props extends EditViewInputProps {
  error?: string;
  value?: unknown;
  onChange: (name: string, value: unknown) => void;
}

const ComplaintThemesInput = React.forwardRef<HTMLDivElement, Props>(({ name, label, hint, required, disabled, error, value, onChange }, ref) => {
  const selected = Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : [];
  return (
    <Field.Root name={name} hint={hint} error={error} required={required} ref={ref}>
      <Field.Label>{label}</Field.Label>
      <MultiSelect
        value={selected}
        disabled={disabled}
        withTags
        placeholder="Vælg temaer"
        onChange={(keys: string[]) => onChange(name, keys.length ? keys : null)}
        onClear={() => onChange(name, null)}
      >
        {Object.entries(complaintThemes).map(([key, text]) => (
          <MultiSelectOption key={key} value={key}>
            {text}
          </MultiSelectOption>
        ))}
      </MultiSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
});

export default ComplaintThemesInput;
