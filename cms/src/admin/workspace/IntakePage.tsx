/**
 * "Ny henvendelse": the advisor's own intake. It starts from how the inquiry came (telefon,
 * e-mail, brev, møde, eget initiativ) and asks only what intake needs: the citizen, what happened
 * and when, the center, whether the unit had the complaint first (and so had the opportunity to
 * answer, R10), the category. "Kort kontakt" registers directions or short advice and closes it at
 * once, counted as a quick contact in the reports (handling form kort_kontakt). The case is
 * created through the content manager's own API, so the role's permissions and every case rule
 * apply; a refusal shows every error at once, on its field, and keeps what was typed.
 */
import * as React from 'react';
import { Button, Checkbox, Field, Flex, Grid, Radio, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { choiceLists } from './choices';
import { CENTER, COMPLAINT } from '../../content-types';
import { adminPath } from '../../admin-urls';
import { useAdminGet } from '../useAdminGet';
import { channelLabel, intakeChannels } from './intakeChannels';
import { PagePanel } from '../PagePanel';

import { Choices, LongText, Refusal, Text, fieldErrors, localDateTime, type Errors, type Values } from './IntakeFields';
import { RegistrationPage } from './RegistrationPage';

/** The fields of the case as the content manager stores them; empty fields are left out. */
export function intakeData(values: Values, quick: boolean, ready: boolean): Record<string, unknown> {
  const text = (name: string) => (typeof values[name] === 'string' && (values[name] as string).trim() ? (values[name] as string).trim() : undefined);
  const common = {
    channel: values.channel,
    description: text('description'),
    receivedAt: values.receivedAt ? new Date(String(values.receivedAt)).toISOString() : undefined,
  };
  if (quick) {
    const purpose = values.quickPurpose === 'raadgivning' ? 'raadgivning' : 'vejvisning';
    return {
      ...common,
      purpose,
      handling: 'kort_kontakt',
      referredTo: purpose === 'vejvisning' ? text('referredTo') : undefined,
      caseStatus: purpose === 'vejvisning' ? 'henvist' : 'loest_ved_dialog',
    };
  }
  const anonymous = values.identity === 'anonymous';
  return {
    ...common,
    purpose: values.purpose,
    identity: values.identity,
    citizenName: anonymous ? undefined : text('citizenName'),
    citizenPhone: anonymous ? undefined : text('citizenPhone'),
    citizenEmail: anonymous ? undefined : text('citizenEmail'),
    title: text('title'),
    eventDate: text('eventDate'),
    center: values.center ? { connect: [{ documentId: values.center }], disconnect: [] } : undefined,
    category: values.category || undefined,
    formalComplaintToUnit: Boolean(values.formalComplaintToUnit),
    // A complaint made to the unit first gave the center the opportunity to answer (R10).
    centerHadOpportunity: Boolean(values.formalComplaintToUnit),
    caseStatus: ready ? 'visitation' : 'modtaget',
  };
}

const FORM_ID = 'ny-henvendelse';

/** The intake; with `?sag=<documentId>` the same facts of a registered case ("Ret registreringen"). */
const IntakeOrRegistration = () => {
  const [{ query }] = useQueryParams<{ sag?: string }>();
  return query.sag ? <RegistrationPage documentId={query.sag} /> : <IntakePage />;
};

const IntakePage = () => {
  const [{ query }, setQuery] = useQueryParams<{ kanal?: string; kort?: string }>();
  const navigate = useNavigate();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const centers = useAdminGet<{ results: { documentId: string; name: string }[] }>(
    `/content-manager/collection-types/${CENTER}?page=1&pageSize=100&sort=name:ASC&filters[active][$eq]=true`,
    'Centrene kunne ikke hentes.',
  );
  const quick = query.kort === '1';
  const channel = intakeChannels.find((c) => c === query.kanal) ?? '';
  const [values, setValues] = React.useState<Values>(() => ({
    purpose: 'klage',
    identity: 'named',
    quickPurpose: 'vejvisning',
    receivedAt: localDateTime(new Date()),
  }));
  const [errors, setErrors] = React.useState<Errors>({});
  const [message, setMessage] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const set = (name: string, value: string | boolean) => setValues((current) => ({ ...current, [name]: value }));
  const field = { values, errors, set };

  const save = async (ready: boolean) => {
    if (!channel) {
      setErrors({ channel: 'Vælg, hvordan henvendelsen kom.' });
      setMessage('Vælg, hvordan henvendelsen kom.');
      return;
    }
    setBusy(true);
    try {
      const data = Object.fromEntries(Object.entries(intakeData({ ...values, channel }, quick, ready)).filter(([, value]) => value !== undefined));
      const { data: created } = await post<{ data: { documentId: string; caseNumber: string } }>(`/content-manager/collection-types/${COMPLAINT}`, data);
      toggleNotification({
        type: 'success',
        message: quick ? `Kontakten er registreret som ${created.data.caseNumber}.` : `Henvendelsen er registreret som sag ${created.data.caseNumber}.`,
      });
      navigate(quick ? '/' : adminPath(COMPLAINT, created.data.documentId));
    } catch (error) {
      const refused = fieldErrors(error);
      setErrors(refused.fields);
      setMessage(refused.message);
    } finally {
      setBusy(false);
    }
  };

  const purposes = Object.entries(choiceLists.purposes).filter(([key]) => key !== 'vejvisning');
  const identities = Object.entries(choiceLists.identities);
  const shown = (name: string) => Boolean(errors[name]);
  return (
    <Page.Main>
      <Page.Title>{quick ? 'Kort kontakt' : 'Ny henvendelse'}</Page.Title>
      {/* The save buttons sit in the header, which stays on screen while the form scrolls (as on Strapi's own edit page). */}
      <Layouts.Header
        title={quick ? 'Kort kontakt' : 'Ny henvendelse'}
        subtitle={
          quick
            ? 'Vejvisning eller kort rådgivning, der afsluttes med det samme. Den tælles som kort kontakt i rapporterne.'
            : 'Registrér henvendelsen. Resten af sagen udfyldes, når den behandles.'
        }
        primaryAction={
          <Flex gap={2}>
            {!quick && (
              <Button type="button" variant="secondary" loading={busy} onClick={() => void save(false)}>
                Gem
              </Button>
            )}
            <Button type="submit" form={FORM_ID} loading={busy}>
              {quick ? 'Gem kontakten' : 'Gem og send til visitation'}
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <form
          id={FORM_ID}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save(true);
          }}
        >
          <Flex direction="column" alignItems="stretch" gap={4} data-workspace-page="intake">
            <Refusal message={message} errors={errors} />
            <PagePanel title={quick ? 'Hvordan kom henvendelsen?' : 'Hvordan kom henvendelsen, og fra hvem?'}>
              <Grid.Root gap={4}>
                <Grid.Item col={8} s={12}>
                  <Field.Root name="channel" error={errors.channel} required>
                    <Field.Label id="channel-label">Kanal</Field.Label>
                    <Radio.Group aria-labelledby="channel-label" value={channel} onValueChange={(value: string) => setQuery({ kanal: value })}>
                      <Flex gap={4} wrap="wrap">
                        {intakeChannels.map((c) => (
                          <Radio.Item key={c} value={c}>
                            {channelLabel(c)}
                          </Radio.Item>
                        ))}
                      </Flex>
                    </Radio.Group>
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={4} s={12}>
                  <Text name="receivedAt" label="Modtaget" type="datetime-local" {...field} />
                </Grid.Item>
                {/* The whole intake fits a laptop's screen: who and why beside how and when. */}
                {!quick && (
                  <>
                    <Grid.Item col={8} s={12}>
                      <Choices name="identity" label="Identitet" options={identities} {...field} />
                    </Grid.Item>
                    <Grid.Item col={4} s={12}>
                      <Choices name="purpose" label="Formål" options={purposes} {...field} />
                    </Grid.Item>
                    {values.identity !== 'anonymous' && (
                      <>
                        <Grid.Item col={4} s={12}>
                          <Text name="citizenName" label="Navn" {...field} />
                        </Grid.Item>
                        <Grid.Item col={4} s={12}>
                          <Text name="citizenPhone" label="Telefon" type="tel" {...field} />
                        </Grid.Item>
                        <Grid.Item col={4} s={12}>
                          <Text name="citizenEmail" label="E-mail" type="email" {...field} />
                        </Grid.Item>
                      </>
                    )}
                  </>
                )}
              </Grid.Root>
            </PagePanel>
            {quick ? (
              <PagePanel title="Kontakten">
                <Choices
                  name="quickPurpose"
                  label="Hvad fik borgeren?"
                  options={[
                    ['vejvisning', 'Vejvisning'],
                    ['raadgivning', 'Kort rådgivning'],
                  ]}
                  {...field}
                />
                <LongText name="description" label="Hvad drejede det sig om?" required hint="Kort; uden CPR-nummer." {...field} />
                {values.quickPurpose === 'vejvisning' && <Text name="referredTo" label="Vist videre til" {...field} />}
                {shown('caseStatus') && <Typography textColor="danger600">{errors.caseStatus}</Typography>}
              </PagePanel>
            ) : (
              <PagePanel title="Henvendelsen">
                <Grid.Root gap={4}>
                  <Grid.Item col={8} s={12}>
                    <Text name="title" label="Emne" hint="Et par ord, som sagen kan kendes på." {...field} />
                  </Grid.Item>
                  <Grid.Item col={4} s={12}>
                    <Text name="eventDate" label="Dato for afgørelsen eller forholdet" type="date" hint="Klagefristen på et år regnes herfra." {...field} />
                  </Grid.Item>
                </Grid.Root>
                <LongText name="description" label="Hvad skete der?" required hint="Borgerens beskrivelse; uden CPR-nummer." {...field} />
                <Choices name="center" label="Center" options={(centers.body?.results ?? []).map((center) => [center.documentId, center.name])} {...field} />
                {centers.error && <Typography textColor="danger600">{centers.error}</Typography>}
                <Field.Root name="formalComplaintToUnit" error={errors.formalComplaintToUnit ?? errors.centerHadOpportunity}>
                  <Checkbox
                    checked={Boolean(values.formalComplaintToUnit)}
                    onCheckedChange={(checked: boolean) => set('formalComplaintToUnit', checked === true)}
                  >
                    Borgeren har klaget til enheden først (centret har haft mulighed for at svare)
                  </Checkbox>
                  <Field.Error />
                </Field.Root>
                <Choices name="category" label="Kategori" options={Object.entries(choiceLists.categories)} {...field} />
              </PagePanel>
            )}
          </Flex>
        </form>
      </Layouts.Content>
    </Page.Main>
  );
};

export default IntakeOrRegistration;
