/**
 * The edit view's input for every long text (Strapi's `text` type, through app.addFields): as
 * Strapi's own, but it grows with its text, so a sent e-mail, a filed e-mail or a center's
 * statement reads in full on its page instead of scrolling inside a three-line box.
 */
import * as React from 'react';
import { Field, useComposedRefs } from '@strapi/design-system';
import { useField, useFocusInputField } from '@strapi/strapi/admin';
import { GrowingTextarea } from '../GrowingTextarea';
import type { EditViewInputProps } from './input-props';

interface Props extends EditViewInputProps {
  placeholder?: string;
}

export const LongTextInput = React.forwardRef<HTMLTextAreaElement, Props>(({ name, label, hint, required, disabled, placeholder, labelAction }, ref) => {
  const field = useField<string | null>(name);
  const refs = useComposedRefs(ref, useFocusInputField<HTMLTextAreaElement>(name));
  return (
    <Field.Root error={field.error} name={name} hint={hint} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <GrowingTextarea ref={refs} value={field.value ?? ''} disabled={disabled} placeholder={placeholder} onChange={field.onChange} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
});
