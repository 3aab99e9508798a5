/**
 * The edit view's input for every long text (Strapi's `text` type, through app.addFields): as
 * Strapi's own, but it grows with its text, so a sent e-mail, a filed e-mail or a center's
 * statement reads in full on its page instead of scrolling inside a three-line box.
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

/**
 * Sets the height that shows all of a textarea's text (its border included). Measuring collapses
 * the box for a moment, which would pull the page up under someone typing low on it: the scroll
 * positions around it are put back.
 */
function fitHeight(textarea: HTMLTextAreaElement) {
  const scrolled: [Element, number][] = [];
  for (let element = textarea.parentElement; element; element = element.parentElement) if (element.scrollTop) scrolled.push([element, element.scrollTop]);
  const pageTop = window.scrollY;
  textarea.style.height = 'auto';
  textarea.style.height = `${textarea.scrollHeight + textarea.offsetHeight - textarea.clientHeight}px`;
  for (const [element, top] of scrolled) element.scrollTop = top;
  if (window.scrollY !== pageTop) window.scrollTo({ top: pageTop });
}

export const LongTextInput = React.forwardRef<HTMLTextAreaElement, Props>(({ name, label, hint, required, disabled, placeholder, labelAction }, ref) => {
  const field = useField<string | null>(name);
  const own = React.useRef<HTMLTextAreaElement>(null);
  const refs = useComposedRefs(ref, useFocusInputField<HTMLTextAreaElement>(name), own);
  const value = field.value ?? '';
  React.useLayoutEffect(() => {
    if (own.current) fitHeight(own.current);
  }, [value]);
  // A new width wraps the text anew (a window resized, a scrollbar appearing, a box first drawn hidden).
  React.useEffect(() => {
    const textarea = own.current;
    if (!textarea || typeof ResizeObserver === 'undefined') return;
    let width = textarea.offsetWidth;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      if (textarea.offsetWidth === width) return;
      width = textarea.offsetWidth;
      // In the next frame: a size set inside the observer's callback would be reported as a loop.
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => fitHeight(textarea));
    });
    observer.observe(textarea);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, []);
  return (
    <Field.Root error={field.error} name={name} hint={hint} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      {/* Not resizable by hand: the next keystroke would size it again. */}
      <Textarea ref={refs} value={value} disabled={disabled} placeholder={placeholder} onChange={field.onChange} resizable={false} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
});
