/**
 * "Næste skridt" on the case page: the steps the rules allow, each one click into a short form
 * prefilled with the case and its center; a step the rules do not allow says why. The server takes
 * the step (POST /workspace/cases/:documentId/steps/:step) through the case rules.
 */
import * as React from 'react';
import { Box, Button, Checkbox, Field, Flex, Modal, SingleSelect, SingleSelectOption, Textarea, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useForm, useNotification } from '@strapi/strapi/admin';
import { choiceLists, perspectives } from './choices';
import { refreshCase, useCaseDocumentRefetch, useCaseOverview, type CaseActionKind, type CaseOverview } from './useCase';
import { useAdminGet } from '../useAdminGet';
import { CENTER } from '../../content-types';
import { fieldErrors as refusal, localDateTime } from './IntakeFields';
import { DialogFooter } from '../DialogFooter';

const stepLabels: Record<CaseActionKind, string> = {
  requestStatement: 'Anmod om redegørelse',
  registerMeeting: 'Registrér møde',
  issueOpinion: 'Afgiv udtalelse',
  reject: 'Afvis',
  close: 'Afslut',
  reopen: 'Genoptag',
};
/** What the step did, said once it is done. */
const doneMessages: Record<CaseActionKind, string> = {
  requestStatement: 'Anmodningen om redegørelse er sendt til centret.',
  registerMeeting: 'Mødet er registreret.',
  issueOpinion: 'Udtalelsen er afgivet.',
  reject: 'Henvendelsen er afvist.',
  close: 'Sagen er afsluttet.',
  reopen: 'Sagen er genoptaget.',
};
const submitLabels: Record<CaseActionKind, string> = {
  requestStatement: 'Send anmodning',
  registerMeeting: 'Gem mødet',
  issueOpinion: 'Afgiv udtalelsen',
  reject: 'Afvis sagen',
  close: 'Afslut sagen',
  reopen: 'Genoptag sagen',
};

type Values = Record<string, any>;
type FieldErrors = Record<string, string>;

const localNow = () => localDateTime(new Date());

const initialValues = (step: CaseActionKind): Values => {
  switch (step) {
    case 'registerMeeting':
      return { heldAt: localNow(), role: 'bisidder', place: '', notes: '' };
    case 'issueOpinion':
      return {
        outcome: '',
        legalPerspective: '',
        ethicalPerspective: '',
        equalityPerspective: '',
        valuesPerspective: '',
        reasoning: '',
        recommendations: [''],
      };
    case 'requestStatement':
      return {
        questions: '',
        caseSummary: '',
        requestsFileAccess: false,
        centerHadOpportunity: false,
        center: '',
        sentOutsideSystem: false,
        requestedAt: '',
      };
    default:
      return {};
  }
};

interface FieldProps {
  name: string;
  label: string;
  values: Values;
  errors: FieldErrors;
  set: (name: string, value: unknown) => void;
  required?: boolean;
  hint?: string;
}

const TextArea = ({ name, label, values, errors, set, required, hint }: FieldProps) => (
  <Field.Root name={name} error={errors[name]} required={required} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <Textarea value={values[name] ?? ''} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => set(name, e.target.value)} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

const Choice = ({ name, label, values, errors, set, required, options }: FieldProps & { options: Record<string, string> }) => (
  <Field.Root name={name} error={errors[name]} required={required}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect placeholder="Vælg" value={values[name] ?? ''} onChange={(value: string | number) => set(name, String(value))}>
      {Object.entries(options).map(([key, text]) => (
        <SingleSelectOption key={key} value={key}>
          {text}
        </SingleSelectOption>
      ))}
    </SingleSelect>
    <Field.Error />
  </Field.Root>
);

/** The request's center, when the case has none yet: active centers by name. */
function CenterChoice({ values, errors, set }: Pick<FieldProps, 'values' | 'errors' | 'set'>) {
  const { body } = useAdminGet<{ results: { documentId: string; name: string }[] }>(
    `/content-manager/collection-types/${CENTER}?page=1&pageSize=100&sort=name:ASC&filters[active][$eq]=true`,
    'Centrene kunne ikke hentes.',
  );
  const options = Object.fromEntries((body?.results ?? []).map((center) => [center.documentId, center.name]));
  return <Choice name="center" label="Center" options={options} required values={values} errors={errors} set={set} />;
}

function StepFields({
  step,
  overview,
  values,
  errors,
  set,
}: {
  step: CaseActionKind;
  overview: CaseOverview;
  values: Values;
  errors: FieldErrors;
  set: FieldProps['set'];
}) {
  const field = { values, errors, set };
  switch (step) {
    case 'requestStatement':
      return (
        <>
          {overview.requestNeeds.center ? (
            <CenterChoice {...field} />
          ) : (
            <Typography tag="p">
              Til: <strong>{overview.center?.name}</strong>. Fristen beregnes automatisk og flyttes til næste arbejdsdag, hvis den falder på en fridag.
            </Typography>
          )}
          {overview.requestNeeds.centerHadOpportunity && (
            <Field.Root name="centerHadOpportunity" error={errors.centerHadOpportunity} hint="Krav før en egentlig undersøgelse. Registreres på sagen.">
              <Checkbox checked={Boolean(values.centerHadOpportunity)} onCheckedChange={(checked: boolean) => set('centerHadOpportunity', checked === true)}>
                Centret har haft mulighed for at forholde sig til klagen (mundtligt eller skriftligt)
              </Checkbox>
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          )}
          <TextArea
            name="questions"
            label="Spørgsmål til centret"
            required
            hint="Ét spørgsmål pr. linje. Centret ser spørgsmålene, sagsnummeret og fristen."
            {...field}
          />
          {overview.identity !== 'named' && (
            <TextArea
              name="caseSummary"
              label="Sagsresumé til centret"
              required
              hint="Borgeren er anonym over for kommunen: skriv resuméet uden oplysninger, der kan identificere borgeren."
              {...field}
            />
          )}
          <Checkbox checked={Boolean(values.requestsFileAccess)} onCheckedChange={(checked: boolean) => set('requestsFileAccess', checked === true)}>
            Anmod om aktindsigt i sagens akter
          </Checkbox>
          <Field.Root
            name="sentOutsideSystem"
            error={errors.sentOutsideSystem}
            hint="Så sender systemet ingen anmodning; fristen regnes fra det tidspunkt, den blev sendt, og centret får kun påmindelser og rykkere."
          >
            <Checkbox checked={Boolean(values.sentOutsideSystem)} onCheckedChange={(checked: boolean) => set('sentOutsideSystem', checked === true)}>
              Anmodningen er allerede sendt på anden vis (fx med brev)
            </Checkbox>
            <Field.Hint />
            <Field.Error />
          </Field.Root>
          {values.sentOutsideSystem && (
            <Field.Root name="requestedAt" error={errors.requestedAt} required>
              <Field.Label>Sendt</Field.Label>
              <TextInput
                type="datetime-local"
                max={localNow()}
                value={values.requestedAt}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('requestedAt', e.target.value)}
              />
              <Field.Error />
            </Field.Root>
          )}
        </>
      );
    case 'registerMeeting':
      return (
        <>
          <Field.Root name="heldAt" error={errors.heldAt} required>
            <Field.Label>Tidspunkt</Field.Label>
            <TextInput type="datetime-local" value={values.heldAt} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('heldAt', e.target.value)} />
            <Field.Error />
          </Field.Root>
          <Choice name="role" label="Borgerrådgiverens rolle" options={choiceLists.meetingRoles} required {...field} />
          <Field.Root name="place" error={errors.place}>
            <Field.Label>Sted</Field.Label>
            <TextInput value={values.place} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('place', e.target.value)} />
            <Field.Error />
          </Field.Root>
          <TextArea name="notes" label="Noter" {...field} />
        </>
      );
    case 'issueOpinion': {
      const recommendations: string[] = values.recommendations;
      const needsReasons = values.outcome && values.outcome !== 'afvisning';
      return (
        <>
          <Choice name="outcome" label="Resultat" options={choiceLists.opinionOutcomes} required {...field} />
          {Object.entries(perspectives).map(([name, label]) => (
            <TextArea key={name} name={name} label={label} {...field} />
          ))}
          <TextArea
            name="reasoning"
            label="Begrundelse"
            required={Boolean(needsReasons)}
            hint="Skal udfyldes ved Kritik, Henstilling og Ingen kritik."
            {...field}
          />
          {recommendations.map((text, index) => (
            <Field.Root key={index} name={`recommendations.${index}`}>
              <Field.Label>{`Anbefaling ${index + 1}`}</Field.Label>
              <Textarea
                value={text}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
                  set(
                    'recommendations',
                    recommendations.map((r, i) => (i === index ? e.target.value : r)),
                  )
                }
              />
            </Field.Root>
          ))}
          <Box>
            <Button variant="tertiary" onClick={() => set('recommendations', [...recommendations, ''])}>
              Tilføj anbefaling
            </Button>
          </Box>
        </>
      );
    }
    case 'reject':
      return <Choice name="outOfScopeReason" label="Afvisningsgrund" options={choiceLists.outOfScopeReasons} required {...field} />;
    case 'close':
      return <Typography tag="p">Sagen afsluttes. Den kan genoptages senere.</Typography>;
    case 'reopen':
      return <Typography tag="p">Sagen får status »Genoptaget« og kan behandles igen. Genoptagelsen registreres i sagens historik.</Typography>;
  }
}

function StepDialog({ step, overview, version, onClose }: { step: CaseActionKind; overview: CaseOverview; version?: string; onClose: () => void }) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const refetch = useCaseDocumentRefetch(overview.documentId);
  const [values, setValues] = React.useState<Values>(() => initialValues(step));
  const [errors, setErrors] = React.useState<FieldErrors>({});
  const [message, setMessage] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const set = (name: string, value: unknown) => setValues((current) => ({ ...current, [name]: value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const data = { ...values };
    // Times as the instants they are; a request's time only when it was sent outside the system.
    if (step === 'registerMeeting' && values.heldAt) data.heldAt = new Date(values.heldAt).toISOString();
    if (step === 'requestStatement') data.requestedAt = values.sentOutsideSystem && values.requestedAt ? new Date(values.requestedAt).toISOString() : undefined;
    try {
      // The case as the user sees it: one changed since is refused (409) with who changed it and when.
      await post(`/workspace/cases/${overview.documentId}/steps/${step}`, { data: { ...data, updatedAt: version } });
      toggleNotification({
        type: 'success',
        message:
          step === 'requestStatement' && values.sentOutsideSystem
            ? 'Anmodningen om redegørelse er registreret; fristen regnes fra det tidspunkt, den blev sendt.'
            : doneMessages[step],
      });
      refreshCase();
      refetch();
      onClose();
    } catch (error: any) {
      // A refusal keeps everything typed and names the field, as the server said it.
      const refused = refusal(error, 'Skridtet kunne ikke gemmes.');
      setErrors(refused.fields);
      setMessage(refused.message);
      // Changed since: show the current case behind the dialog; what was typed stays for a new attempt on it.
      if (error?.response?.status === 409) {
        refreshCase();
        refetch();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel="Luk">
            <Modal.Title>{`${stepLabels[step]} · sag ${overview.caseNumber ?? ''}`}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {message && (
                <Typography tag="p" textColor="danger600" role="alert">
                  {message}
                </Typography>
              )}
              <StepFields step={step} overview={overview} values={values} errors={errors} set={set} />
            </Flex>
          </Modal.Body>
          <DialogFooter>
            <Button type="submit" loading={busy}>
              {step === 'requestStatement' && values.sentOutsideSystem ? 'Registrér anmodningen' : submitLabels[step]}
            </Button>
          </DialogFooter>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
}

export function NextSteps({ documentId, version }: { documentId: string; version?: string }) {
  const { overview, error } = useCaseOverview(documentId, version);
  const modified = useForm('NextSteps', (state) => state.modified);
  const [open, setOpen] = React.useState<CaseActionKind | null>(null);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!overview) return <Typography textColor="neutral600">Henter …</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-workspace-panel="next-steps">
      {modified && <Typography textColor="warning600">Gem ændringerne på sagen, før du går videre.</Typography>}
      {(Object.keys(stepLabels) as CaseActionKind[]).map((step) => {
        const reason = overview.nextSteps[step];
        // "Genoptag" is there only for a case that can be reopened.
        if (step === 'reopen' && reason) return null;
        const id = `next-step-${step}-reason`;
        return (
          <Box key={step}>
            <Button
              fullWidth
              variant={reason ? 'tertiary' : 'secondary'}
              disabled={Boolean(reason) || modified}
              aria-describedby={reason ? id : undefined}
              onClick={() => setOpen(step)}
            >
              {stepLabels[step]}
            </Button>
            {reason && (
              <Typography id={id} tag="p" variant="pi" textColor="neutral600">
                {reason}
              </Typography>
            )}
          </Box>
        );
      })}
      {open && <StepDialog step={open} overview={overview} version={version} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
