/**
 * Settings → Totrinsbekræftelse: the signed-in staff member's own factor (new recovery codes, a new
 * app) and, for those who may manage users (Strapi's admin::users.update), every account's
 * status with a reset that ends the account's sessions so it enrols again at its next sign-in.
 */
import * as React from 'react';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { Button, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { callSecondFactor, errorMessage, type FactorStatus, type StaffFactor } from './api';
import { EnrolmentSteps, RecoveryCodes } from './SecondFactorScreen';
import { TableHead } from '../TableHead';
import { danishDateTime } from '@borgerraadgiver/config/src/dates';
import { PagePanel } from '../PagePanel';

const MODES: Record<FactorStatus['mode'], string> = {
  required: 'Totrinsbekræftelse er påkrævet for alle (ADMIN_MFA=required).',
  optional: 'Totrinsbekræftelse er frivillig; den kræves af dem, der har opsat den (ADMIN_MFA=optional).',
  off: 'Totrinsbekræftelse er slået fra på denne installation (ADMIN_MFA=off).',
};

function OwnFactor() {
  const { toggleNotification } = useNotification();
  const [status, setStatus] = React.useState<FactorStatus | null>(null);
  const [codes, setCodes] = React.useState<string[] | null>(null);
  const [enrolling, setEnrolling] = React.useState(false);
  const load = React.useCallback(
    () => callSecondFactor<FactorStatus>('GET', '/status').then(setStatus, (error) => toggleNotification({ type: 'danger', message: errorMessage(error) })),
    [toggleNotification],
  );
  React.useEffect(() => {
    load();
  }, [load]);
  const renew = () =>
    callSecondFactor<{ recoveryCodes: string[] }>('POST', '/recovery-codes').then(
      (result) => {
        setCodes(result.recoveryCodes);
        load();
      },
      (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
    );
  if (!status) return null;
  return (
    <PagePanel title="Din konto">
      <Typography>{MODES[status.mode]}</Typography>
      <Typography>
        {status.enrolled
          ? `Din godkendelsesapp er opsat. Du har ${status.recoveryCodesLeft} ubrugte gendannelseskoder.`
          : 'Du har ikke opsat en godkendelsesapp.'}
      </Typography>
      {codes && <RecoveryCodes codes={codes} />}
      {enrolling ? (
        <EnrolmentSteps
          onEnrolled={(recoveryCodes) => {
            setEnrolling(false);
            setCodes(recoveryCodes);
            load();
          }}
        />
      ) : (
        <Flex gap={2}>
          <Button variant="secondary" onClick={() => setEnrolling(true)}>
            {status.enrolled ? 'Opsæt en ny app' : 'Opsæt godkendelsesapp'}
          </Button>
          {status.enrolled && (
            <Button variant="tertiary" onClick={renew}>
              Nye gendannelseskoder
            </Button>
          )}
        </Flex>
      )}
    </PagePanel>
  );
}

function StaffAccounts() {
  const { toggleNotification } = useNotification();
  const [users, setUsers] = React.useState<StaffFactor[] | null>(null);
  const load = React.useCallback(() => callSecondFactor<StaffFactor[]>('GET', '/users').then(setUsers, () => setUsers(null)), []);
  React.useEffect(() => {
    load();
  }, [load]);
  const reset = async (user: StaffFactor) => {
    if (!window.confirm(`Nulstil totrinsbekræftelsen for ${user.name}? Brugeren logges ud og skal opsætte en ny app ved næste login.`)) return;
    try {
      await callSecondFactor('DELETE', `/users/${user.id}`);
      toggleNotification({ type: 'success', message: `Totrinsbekræftelsen for ${user.name} er nulstillet.` });
      load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };
  // Only those who may manage users get the list (the server answers 403 to the others).
  if (!users) return null;
  return (
    <PagePanel title="Medarbejdernes konti">
      <Table colCount={3} rowCount={users.length + 1}>
        <TableHead headers={['Medarbejder', 'Godkendelsesapp', 'Handling']} />
        <Tbody>
          {users.map((user) => (
            <Tr key={user.id}>
              <Td>
                <Typography>
                  {user.name} ({user.email})
                </Typography>
              </Td>
              <Td>
                <Typography>{user.enrolledAt ? `Opsat ${danishDateTime(user.enrolledAt)}` : 'Ikke opsat'}</Typography>
              </Td>
              <Td>
                {user.enrolledAt && (
                  <Button size="S" variant="danger-light" onClick={() => reset(user)}>
                    Nulstil
                  </Button>
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </PagePanel>
  );
}

export default function SecondFactorSettingsPage() {
  return (
    <Page.Main>
      <Page.Title>Totrinsbekræftelse</Page.Title>
      <Layouts.Header
        title="Totrinsbekræftelse"
        subtitle="Login med adgangskode og en engangskode fra en godkendelsesapp. Personaleloggen viser hvert login."
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <OwnFactor />
          <StaffAccounts />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
