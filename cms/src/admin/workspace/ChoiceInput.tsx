/** The edit view's input for a labelled choice: shows the Danish label, stores the key. */
import * as React from 'react';
import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import { labelsFor } from './choices';
import type { EditViewInputProps } from '../custom-fields/input-props';

interface Props extends EditViewInputProps {
  attribute: { enum?: string[]; options?: { choices?: string } };
}

const ChoiceInput = React.forwardRef<HTMLDivElement, Props>(({ name, label, hint, required, disabled, labelAction, attribute }, ref) => {
  const field = useField<string | null>(name);
  const labels = labelsFor(attribute) ?? {};
  return (
    <Field.Root error={field.error} name={name} hint={hint} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <SingleSelect
        ref={ref}
        disabled={disabled}
        placeholder="Vælg"
        value={field.value ?? null}
        onChange={(value: string | number) => field.onChange(name, String(value))}
        // An optional choice is emptied with the select's own clear button.
        onClear={required || disabled ? undefined : () => field.onChange(name, null)}
        clearLabel="Ryd"
      >
        {(attribute.enum ?? []).map((key) => (
          <SingleSelectOption key={key} value={key}>
            {labels[key] ?? key}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
});

export default ChoiceInput;
