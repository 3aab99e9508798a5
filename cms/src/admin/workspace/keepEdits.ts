/**
 * A refused save keeps what the advisor typed. Strapi's own save updates its document cache
 * optimistically and rolls it back when the server refuses; the edit form then takes the rolled
 * back (stored) values as its new initial values and the typed edits are gone, while the errors
 * from the server stay on the fields. This wraps the built-in "update" action: it remembers the
 * values at the click and puts them back when the form was reset while showing errors, so the
 * Danish reason stays on the field next to what was typed and "Gem" stays enabled.
 */
import * as React from 'react';
import { useForm } from '@strapi/strapi/admin';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';

function keepEdits(Update: DocumentActionComponent): DocumentActionComponent {
  const KeepEditsOnRefusal: DocumentActionComponent = (props) => {
    const description = Update(props);
    const getValues = useForm('KeepEditsOnRefusal', (state) => state.getValues);
    const setValues = useForm('KeepEditsOnRefusal', (state) => state.setValues);
    const errors = useForm('KeepEditsOnRefusal', (state) => state.errors);
    const initialValues = useForm('KeepEditsOnRefusal', (state) => state.initialValues);
    // The form's values, as getValues returns them (an object) and setValues takes them back.
    const typed = React.useRef<ReturnType<typeof getValues> | null>(null);
    React.useEffect(() => {
      if (!typed.current || Object.keys(errors ?? {}).length === 0) return;
      if (JSON.stringify(getValues()) !== JSON.stringify(typed.current)) setValues(typed.current);
    }, [errors, initialValues, getValues, setValues]);
    if (!description) return description;
    return {
      ...description,
      onClick: async (event: React.SyntheticEvent) => {
        typed.current = getValues();
        return description.onClick?.(event);
      },
    };
  };
  KeepEditsOnRefusal.type = Update.type;
  KeepEditsOnRefusal.position = Update.position;
  return KeepEditsOnRefusal;
}

/** For addDocumentAction: the same actions with the save action wrapped. */
export const keepEditsOnRefusal = (actions: DocumentActionComponent[]) => actions.map((action) => (action.type === 'update' ? keepEdits(action) : action));
