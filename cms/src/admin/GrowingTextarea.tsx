/**
 * The design system's textarea, growing with its text: a long text reads and is written in full
 * instead of scrolling inside a box. Used by every long text of the content manager's forms
 * (custom-fields/LongTextInput) and by our own forms.
 */
import * as React from 'react';
import { Textarea, useComposedRefs } from '@strapi/design-system';

type Props = Omit<React.ComponentProps<typeof Textarea>, 'value' | 'resizable'> & { value: string };

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

export const GrowingTextarea = React.forwardRef<HTMLTextAreaElement, Props>(({ value, ...props }, ref) => {
  const own = React.useRef<HTMLTextAreaElement>(null);
  const refs = useComposedRefs(ref, own);
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
  // Not resizable by hand: the next keystroke would size it again.
  return <Textarea ref={refs} value={value} resizable={false} {...props} />;
});
