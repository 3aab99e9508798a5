/**
 * "Ret registreringen": the intake's facts of a registered case (how it came, from whom, what and
 * which center; rules/case-stages' registration fields), which the case form shows only while the
 * case is registered. It saves through the content manager's own API with the version it loaded,
 * so the role's permissions, every case rule, the journal and the check for a change made
 * elsewhere meanwhile apply; only what was changed is sent, and a field the role may not read is
 * neither shown nor sent. A refusal shows every error at once and keeps what was typed; after a
 * change made elsewhere, the typed changes are put onto the current version, to be saved again.
 */
import * as React from 'react';
import { Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts, Page, unstable_useDocument as useDocument, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { fieldLabelsByType } from '@borgerraadgiver/config/src/field-labels';
import { danishDateTime } from '@borgerraadgiver/config/src/dates';
import { choiceLists } from './choices';
import { channelLabel, intakeChannels, type IntakeChannel } from './intakeChannels';
import { CENTER, COMPLAINT, INSTITUTION } from '../../content-types';
import { adminPath } from '../../admin-urls';
import { registrationAssessmentFields, registrationFields } from '../../rules/case-stages';
import { useAdminGet } from '../useAdminGet';
import { PagePanel } from '../PagePanel';
import { applyEdits } from '../concurrency/edits';
import { Check, Choices, LongText, Refusal, Text, fieldErrors, localDateTime, type Errors, type Values } from './IntakeFields';

type Stored = Record<string, unknown> & { caseNumber?: string; updatedAt?: string };
type Named = { documentId: string; name: string };

const FORM_ID = 'ret-registreringen';
const RELATIONS = ['center', 'institution'] as const;
/** The fields this page edits: the intake's facts and the assessment a change of them can call for. */
const FIELDS = [...registrationFields, ...registrationAssessmentFields];
const CONTACT = ['citizenName', 'citizenPhone', 'citizenEmail', 'citizenAddress'] as const;

const labels = fieldLabelsByType[COMPLAINT];
const labelOf = (field: string) => (Array.isArray(labels[field]) ? labels[field][0] : (labels[field] as string));
const hintOf = (field: string) => (Array.isArray(labels[field]) ? labels[field][1] : undefined);

/** The form's values of the stored case: text as typed, the instant as the input holds it, a relation by its documentId. */
function formValues(stored: Stored, related: Record<string, string>): Values {
  const values: Values = { ...related };
  for (const field of FIELDS) {
    const value = stored[field];
    if (RELATIONS.includes(field as (typeof RELATIONS)[number])) continue;
    if (field === 'receivedAt') values[field] = typeof value === 'string' ? localDateTime(new Date(value)) : '';
    else if (typeof value === 'boolean') values[field] = value;
    else values[field] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}

/** What changed, as the content manager stores it: emptied text is null, a relation is connected or disconnected. */
function registrationChanges(loaded: Values, values: Values): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (value === loaded[field]) continue;
    if ((RELATIONS as readonly string[]).includes(field)) {
      data[field] = { connect: value ? [{ documentId: value }] : [], disconnect: loaded[field] ? [{ documentId: loaded[field] }] : [] };
    } else if (typeof value === 'boolean') data[field] = value;
    else if (field === 'receivedAt') data[field] = value ? new Date(value).toISOString() : null;
    else data[field] = value.trim() || null;
  }
  return data;
}

export const RegistrationPage = ({ documentId }: { documentId: string }) => {
  const navigate = useNavigate();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [loaded, setLoaded] = React.useState<{ stored: Stored; values: Values; names: Record<string, string> } | null>(null);
  // The case page's copy of the document (Strapi's cache, the edit view's query): loaded again
  // after a save, so the case page shows, and saves from, the new version.
  const caseDocument = useDocument({ collectionType: 'collection-types', model: COMPLAINT, documentId, params: {} });
  const [loadError, setLoadError] = React.useState<string | null>(null);
  const [values, setValues] = React.useState<Values>({});
  const [errors, setErrors] = React.useState<Errors>({});
  const [message, setMessage] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);

  /** The stored case and its form values. */
  const load = React.useCallback(async () => {
    const relation = (field: string) =>
      get<{ results: Named[] }>(`/content-manager/relations/${COMPLAINT}/${documentId}/${field}`).then(({ data }) => data.results[0] ?? null);
    const [{ data }, center, institution] = await Promise.all([
      get<{ data: Stored }>(`/content-manager/collection-types/${COMPLAINT}/${documentId}`),
      relation('center'),
      relation('institution'),
    ]);
    const related = { center: center?.documentId ?? '', institution: institution?.documentId ?? '' };
    // The case's own center and institution by name, also when no longer active (not among the choices).
    const names = Object.fromEntries([center, institution].filter((item): item is Named => Boolean(item)).map((item) => [item.documentId, item.name]));
    return { stored: data.data, values: formValues(data.data, related), names };
  }, [get, documentId]);

  React.useEffect(() => {
    let current = true;
    load()
      .then((initial) => {
        if (!current) return;
        setLoaded(initial);
        setValues(initial.values);
      })
      .catch(() => current && setLoadError('Sagen kunne ikke hentes.'));
    return () => {
      current = false;
    };
  }, [load]);

  const centers = useAdminGet<{ results: Named[] }>(
    `/content-manager/collection-types/${CENTER}?page=1&pageSize=100&sort=name:ASC&filters[active][$eq]=true`,
    'Centrene kunne ikke hentes.',
  );
  const center = String(values.center ?? '');
  const institutions = useAdminGet<{ results: Named[] }>(
    center
      ? `/content-manager/collection-types/${INSTITUTION}?page=1&pageSize=100&sort=name:ASC&filters[active][$eq]=true&filters[center][documentId][$eq]=${encodeURIComponent(center)}`
      : '',
    'Institutionerne kunne ikke hentes.',
  );

  const set = (name: string, value: string | boolean) =>
    setValues((now) => ({ ...now, [name]: value, ...(name === 'center' && value !== now.center ? { institution: '' } : {}) }));
  const field = { values, errors, set };
  // A field the role may not read is not in the stored case: it is neither shown nor sent.
  const readable = (name: string) => Boolean(loaded && (name in loaded.stored || (RELATIONS as readonly string[]).includes(name)));
  const input = (name: string) => ({ name, label: labelOf(name), hint: hintOf(name), ...field });

  // A case made completely anonymous loses the citizen's name and contact details (as the intake stores none).
  const anonymous = values.identity === 'anonymous';
  const dropsContact = anonymous && CONTACT.some((name) => Boolean(loaded?.values[name]));

  const back = () => navigate(adminPath(COMPLAINT, documentId));
  const save = async () => {
    if (!loaded) return;
    const typed = anonymous ? { ...values, ...Object.fromEntries(CONTACT.map((name) => [name, ''])) } : values;
    const data = registrationChanges(loaded.values, typed);
    if (Object.keys(data).length === 0) return back();
    setBusy(true);
    try {
      await put(`/content-manager/collection-types/${COMPLAINT}/${documentId}`, { ...data, updatedAt: loaded.stored.updatedAt });
      await caseDocument.refetch();
      toggleNotification({ type: 'success', message: 'Registreringen er rettet.' });
      back();
    } catch (error) {
      const refused = fieldErrors(error, 'Registreringen kunne ikke gemmes.');
      setErrors(refused.fields);
      setMessage(refused.message);
      if ((error as { status?: number }).status === 409) {
        // Changed elsewhere meanwhile: the typed changes onto the current version, to be saved again.
        const current = await load().catch(() => null);
        if (current) {
          setLoaded(current);
          setValues(applyEdits(current.values, loaded.values, values) as Values);
          const details = (error as { response?: { data?: { error?: { details?: { changedBy?: string; updatedAt?: string } } } } }).response?.data?.error
            ?.details;
          setMessage(
            details?.changedBy && details.updatedAt
              ? `Sagen er ændret af ${details.changedBy} den ${danishDateTime(details.updatedAt)}, efter at du hentede den. Dine ændringer er ikke gemt endnu: de er lagt oven på den nuværende udgave. Se dem efter, og gem igen.`
              : refused.message,
          );
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const title = loaded?.stored.caseNumber ? `Ret registreringen af sag ${loaded.stored.caseNumber}` : 'Ret registreringen';
  const options = (list: Record<string, string>) => Object.entries(list);
  // The intake's own words for its channels (»Møde«); the channels it does not offer (the web form's) by the vocabulary's.
  const channels = options(choiceLists.channels).map(([key, text]): [string, string] => [
    key,
    (intakeChannels as readonly string[]).includes(key) ? channelLabel(key as IntakeChannel) : text,
  ]);
  const named = (list: Named[] | undefined, chosen: string) => {
    const shown = (list ?? []).map((item): [string, string] => [item.documentId, item.name]);
    // The case's own center or institution stays a choice when it is no longer active.
    const own = chosen && loaded?.names[chosen];
    return own && !shown.some(([id]) => id === chosen) ? [[chosen, own] as [string, string], ...shown] : shown;
  };
  const business = values.complainantKind === 'business' || Boolean(values.businessName) || Boolean(values.cvr);
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle="Hvordan henvendelsen kom, fra hvem, hvad den drejer sig om og hvilket center. Ændringerne skrives i sagens historik."
        navigationAction={
          <Button variant="tertiary" onClick={back}>
            Tilbage til sagen
          </Button>
        }
        primaryAction={
          <Button type="submit" form={FORM_ID} loading={busy} disabled={!loaded}>
            Gem
          </Button>
        }
      />
      <Layouts.Content>
        {loadError && <Typography textColor="danger600">{loadError}</Typography>}
        {!loaded && !loadError && <Typography textColor="neutral600">Henter …</Typography>}
        {loaded && (
          <form
            id={FORM_ID}
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <Flex direction="column" alignItems="stretch" gap={4} data-workspace-page="registration">
              <Refusal message={message} errors={errors} />
              <PagePanel title="Hvordan kom henvendelsen?">
                <Grid.Root gap={4}>
                  <Grid.Item col={8} s={12}>
                    {readable('channel') && <Choices {...input('channel')} options={channels} />}
                  </Grid.Item>
                  <Grid.Item col={4} s={12}>
                    {readable('receivedAt') && <Text {...input('receivedAt')} type="datetime-local" />}
                  </Grid.Item>
                </Grid.Root>
                {readable('purpose') && <Choices {...input('purpose')} options={options(choiceLists.purposes)} />}
              </PagePanel>
              <PagePanel title="Fra hvem?">
                <Grid.Root gap={4}>
                  <Grid.Item col={6} s={12}>
                    {readable('identity') && <Choices {...input('identity')} options={options(choiceLists.identities)} />}
                  </Grid.Item>
                  <Grid.Item col={6} s={12}>
                    {readable('complainantKind') && <Choices {...input('complainantKind')} options={options(choiceLists.complainantKinds)} />}
                  </Grid.Item>
                  {!anonymous &&
                    (['citizenName', 'citizenPhone', 'citizenEmail'] as const).filter(readable).map((name) => (
                      <Grid.Item key={name} col={4} s={12}>
                        <Text {...input(name)} type={name === 'citizenEmail' ? 'email' : name === 'citizenPhone' ? 'tel' : 'text'} />
                      </Grid.Item>
                    ))}
                  {business &&
                    (['businessName', 'cvr'] as const).filter(readable).map((name) => (
                      <Grid.Item key={name} col={6} s={12}>
                        <Text {...input(name)} />
                      </Grid.Item>
                    ))}
                </Grid.Root>
                {!anonymous && readable('citizenAddress') && <LongText {...input('citizenAddress')} />}
                {dropsContact && (
                  <Typography tag="p" textColor="warning700">
                    Helt anonym: borgerens navn og kontaktoplysninger slettes, når du gemmer.
                  </Typography>
                )}
                {values.identity !== 'named' && readable('specialCaseReason') && <LongText {...input('specialCaseReason')} />}
              </PagePanel>
              <PagePanel title="Hvad og hvor?">
                {readable('eventDate') && <Text {...input('eventDate')} type="date" />}
                {/* A decision date past the time limit calls for the exception (R6), asked here beside it. */}
                {Boolean(values.eventDate) && readable('timeLimitException') && <Check {...input('timeLimitException')} />}
                {values.timeLimitException === true &&
                  (['timeLimitExceptionReason', 'exceptionLegalInterest', 'exceptionCanBeClarified', 'exceptionCanImprove'] as const)
                    .filter(readable)
                    .map((name) => (name === 'timeLimitExceptionReason' ? <LongText key={name} {...input(name)} /> : <Check key={name} {...input(name)} />))}
                <Choices {...input('center')} options={named(centers.body?.results, center)} />
                {centers.error && <Typography textColor="danger600">{centers.error}</Typography>}
                {center && <Choices {...input('institution')} options={named(institutions.body?.results, String(values.institution ?? ''))} />}
                {(['formalComplaintToUnit', 'centerHadOpportunity'] as const).filter(readable).map((name) => (
                  <Check key={name} {...input(name)} />
                ))}
              </PagePanel>
            </Flex>
          </form>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
