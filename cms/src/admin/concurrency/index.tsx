/**
 * Two people, one case, in the edit view (SPEC §3): the save of case data sends the version the
 * form was loaded from (`updatedAt`), so the server refuses it with 409 when someone changed the
 * document since. A refused save keeps everything typed, also when Strapi reloads the document
 * after the refusal; the conflict panel names who changed it and when, opens the current version
 * in a new tab, and applies the typed edits to the current version for a new save. Until then the
 * form stays based on the old version, so a second click is refused again, never saved over.
 */
import * as React from 'react';
import { isBaseQueryError, useAPIErrorHandler, useForm } from '@strapi/strapi/admin';
import { unstable_useDocumentActions as useDocumentActions } from '@strapi/content-manager/strapi-admin';
import type { DocumentActionComponent, PanelComponent } from '@strapi/content-manager/strapi-admin';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { COMPLAINT, STATEMENT_REQUEST, OPINION, RECOMMENDATION, MEETING, CASE_DOCUMENT } from '../../content-types';
import { applyEdits, toApiData, type Values } from './edits';
import { Link } from 'react-router-dom';
import { registrationFields } from '../../rules/case-stages';
import { registrationView } from '../workspace/views';

const isRegistrationField = (field: string) => (registrationFields as readonly string[]).includes(field);

/** The journaled case data (cms/src/journal/describe.ts): their writes are checked against the version. */
const CASE_DATA = new Set<string>([COMPLAINT, STATEMENT_REQUEST, OPINION, RECOMMENDATION, MEETING, CASE_DOCUMENT]);

interface Refused {
  /** What was typed, put back whenever the form is reloaded. */
  typed: Values;
  /** The version the typed edits are based on, and the form's values at that version. */
  basedOn: string | undefined;
  loaded: Values;
  /** Set for a 409: the server's Danish message. */
  conflict?: string;
  /** A case's refusal on the intake's facts, which the form does not show: corrected in "Ret registreringen". */
  registration?: string[];
}

// One refused save per open document (model and documentId), shared by the save action and the panel.
const refusals = new Map<string, Refused>();
const listeners = new Set<() => void>();
const keyOf = (model: string, documentId?: string) => `${model}:${documentId ?? ''}`;
function setRefused(key: string, refused: Refused | null) {
  if (refused) refusals.set(key, refused);
  else refusals.delete(key);
  listeners.forEach((listener) => listener());
}
function useRefused(key: string): Refused | undefined {
  return React.useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    () => refusals.get(key),
  );
}

function versioned(Update: DocumentActionComponent): DocumentActionComponent {
  const VersionedSave: DocumentActionComponent = (props) => {
    const description = Update(props);
    const { model, documentId, collectionType, document } = props;
    const key = keyOf(model, documentId);
    const refused = useRefused(key);
    const { update } = useDocumentActions();
    const { _unstableFormatValidationErrors: formatValidationErrors } = useAPIErrorHandler();
    const getValues = useForm('VersionedSave', (state) => state.getValues);
    const setValues = useForm('VersionedSave', (state) => state.setValues);
    const validate = useForm('VersionedSave', (state) => state.validate);
    const setErrors = useForm('VersionedSave', (state) => state.setErrors);
    const resetForm = useForm('VersionedSave', (state) => state.resetForm);
    const setSubmitting = useForm('VersionedSave', (state) => state.setSubmitting);
    const initialValues = useForm('VersionedSave', (state) => state.initialValues);

    // Strapi reloads the document after a refused save and the form takes it: put the typed values back.
    React.useEffect(() => {
      if (refused && JSON.stringify(getValues()) !== JSON.stringify(refused.typed)) setValues(refused.typed);
    }, [refused, initialValues, getValues, setValues]);
    // Leaving the document (after Strapi's warning about unsaved changes) discards what was kept;
    // the edit view showing its loading page while it reloads the document does not.
    React.useEffect(
      () => () => {
        if (documentId && !window.location.pathname.includes(documentId)) setRefused(key, null);
      },
      [key, documentId],
    );

    if (!description || !documentId || !CASE_DATA.has(model)) return description;
    const save = async () => {
      setSubmitting(true);
      try {
        (globalThis.document?.activeElement as HTMLElement | null)?.blur();
        await Promise.resolve();
        // The form's own checks do not stop the save: the server runs them too, beside the case
        // rules the form cannot check, and its refusal names every error at once.
        const { errors: formErrors } = await validate(true, { status: 'published' });
        const typed = getValues() as Values;
        const basedOn = refused ? refused.basedOn : (document?.updatedAt as string | undefined);
        const loaded = refused ? refused.loaded : (initialValues as Values);
        const response = await update({ collectionType, model, documentId, params: {} }, { ...(toApiData(typed) as Values), updatedAt: basedOn });
        if (!('error' in response)) {
          setRefused(key, null);
          resetForm(typed);
          return;
        }
        const error = response.error;
        const fieldErrors = isBaseQueryError(error) && error.name === 'ValidationError' ? (formatValidationErrors(error) as Record<string, string>) : {};
        setErrors({ ...formErrors, ...fieldErrors });
        // The server's 409 (cms/src/concurrency): its message names who changed the document and when.
        const conflict = isBaseQueryError(error) && (error as { name: string }).name === 'ConflictError' ? error.message : refused?.conflict;
        const registration =
          model === COMPLAINT ? Object.entries(fieldErrors).flatMap(([field, message]) => (isRegistrationField(field) ? [String(message)] : [])) : [];
        setRefused(key, { typed, basedOn, loaded, conflict, registration });
      } finally {
        setSubmitting(false);
      }
    };
    return { ...description, onClick: save };
  };
  VersionedSave.type = Update.type;
  VersionedSave.position = Update.position;
  return VersionedSave;
}

/** For addDocumentAction: the save action of case data sends its version. */
export const versionedSave = (actions: DocumentActionComponent[]) => actions.map((action) => (action.type === 'update' ? versioned(action) : action));

function ConflictContent({ refusedKey, refused }: { refusedKey: string; refused: Refused }) {
  const initialValues = useForm('ConflictPanel', (state) => state.initialValues);
  const setValues = useForm('ConflictPanel', (state) => state.setValues);
  const apply = () => {
    // The form now holds the current version: put the typed edits on it, and save from there.
    setRefused(refusedKey, null);
    setValues(applyEdits(initialValues as Values, refused.loaded, refused.typed));
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={3} role="alert" data-concurrency-panel="conflict">
      <Typography textColor="danger600">{refused.conflict}</Typography>
      <Typography variant="pi">Det, du har skrevet, står stadig i formularen.</Typography>
      <Box>
        <Button variant="secondary" fullWidth onClick={() => window.open(window.location.href, '_blank', 'noopener')}>
          Se den nuværende udgave (ny fane)
        </Button>
      </Box>
      <Box>
        <Button fullWidth onClick={apply}>
          Indsæt mine ændringer i den nuværende udgave
        </Button>
      </Box>
    </Flex>
  );
}

/** The side panel shown after a refused save (409): who changed the document, and what to do now. */
const ConflictPanel: PanelComponent = ({ model, documentId }) => {
  const key = keyOf(model, documentId);
  const refused = useRefused(key);
  if (!refused?.conflict) return null;
  return { title: 'Ændret af en anden', content: <ConflictContent refusedKey={key} refused={refused} /> };
};

/** After a refused save of a case on the intake's facts (not in the form): what to correct, and where. */
const RegistrationRefusalPanel: PanelComponent = ({ model, documentId }) => {
  const refused = useRefused(keyOf(model, documentId));
  if (!documentId || !refused?.registration?.length) return null;
  return {
    title: 'Ret registreringen',
    content: (
      <Flex direction="column" alignItems="stretch" gap={2} role="alert" data-concurrency-panel="registration">
        {refused.registration.map((message) => (
          <Typography key={message} textColor="danger600">
            {message}
          </Typography>
        ))}
        <Typography variant="pi">
          Det står i sagens registrering, ikke i formularen: <Link to={registrationView(documentId)}>Ret registreringen</Link>.
        </Typography>
      </Flex>
    ),
  };
};

/** First among the side panels, above the save button. */
export const withConflictPanel = (panels: PanelComponent[]) => [ConflictPanel, RegistrationRefusalPanel, ...panels];
