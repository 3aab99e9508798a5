import type * as React from 'react';

/** What the content manager's edit view passes an input of ours (custom fields and app.addFields). */
export interface EditViewInputProps {
  name: string;
  label: string;
  hint?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  labelAction?: React.ReactNode;
}
