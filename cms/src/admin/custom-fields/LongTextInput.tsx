/**
 * The edit view's input for every long text (Strapi's `text` type, through app.addFields): as
 * Strapi's own, but it grows with its text, so a sent e-mail, a filed e-mail or a center's
 * statement reads in full on its page instead of scrolling inside a three-line box (a box whose
 * width changes later scrolls as before).
 */
import * as React from 'react';
import { Field, Textarea, useComposedRefs } from '@strapi/design-system';
import { useField, useFocusInputField } from '@strapi/strapi/admin';

interface Props {
  name: string;
  label: string;
  hint?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  labelAction?: React.ReactNode;
}

/** The height that shows all of a textarea's text (its border included). */
function fitHeight(textarea: HTMLTextAreaElement | null) {
  if (!textarea) return;
  textarea.style.height = 'auto';
  textarea.style.height = `${textarea.scrollHeight + textarea.offsetHeight - textarea.clientHeight}px`;
}

export const LongTextInput = React.forwardRef<HTMLTextAreaElement, Props>(({ name, label, hint, required, disabled, placeholder, labelAction }, ref) => {
  const field = useField<string | null>(name);
  const own = React.useRef<HTMLTextAreaElement>(null);
  const refs = useComposedRefs(ref, useFocusInputField<HTMLTextAreaElement>(name), own);
  const value = field.value ?? '';
  React.useLayoutEffect(() => fitHeight(own.current), [value]);
  return (
    <Field.Root error={field.error} name={name} hint={hint} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <Textarea ref={refs} value={value} disabled={disabled} placeholder={placeholder} onChange={field.onChange} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
});
