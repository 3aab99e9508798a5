/**
 * The second-factor screen over the panel after Strapi's login (see gate.ts): the code from the
 * authenticator app or a recovery code; or, for an account without a factor, the enrolment (QR
 * code and manual key, the first code, then the ten recovery codes shown once). Rendered in its
 * own React root, so it works before the panel has loaded anything.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Box, Button, DesignSystemProvider, Field, Flex, Loader, TextInput, Typography, lightTheme } from '@strapi/design-system';
import { callSecondFactor, errorMessage, signOut, type Enrolment, type SecondFactorNeeded } from './api';

/** The code field with its submit button; a refusal of `submit` shows the server's message. */
export function CodeForm({ label, hint, action, submit }: { label: string; hint: string; action: string; submit: (code: string) => Promise<void> }) {
  const [code, setCode] = React.useState('');
  const [error, setError] = React.useState<string | undefined>();
  const [busy, setBusy] = React.useState(false);
  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await submit(code.trim());
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Field.Root name="code" error={error} hint={hint} required>
          <Field.Label>{label}</Field.Label>
          <TextInput
            autoComplete="one-time-code"
            autoFocus
            value={code}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => setCode(event.target.value)}
          />
          <Field.Error />
          <Field.Hint />
        </Field.Root>
        <Button type="submit" loading={busy} fullWidth>
          {action}
        </Button>
      </Flex>
    </form>
  );
}

export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography tag="p">
        Hver kode kan bruges én gang i stedet for koden fra appen, hvis du mister din telefon. Gem dem et sikkert sted, fx i en adgangskodeboks eller på papir.
        De vises kun nu.
      </Typography>
      <Box
        tag="ol"
        padding={4}
        background="neutral100"
        hasRadius
        style={{ columns: 2, fontFamily: 'monospace', fontSize: '1.4rem', listStylePosition: 'inside' }}
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </Box>
      <Button variant="tertiary" onClick={() => navigator.clipboard?.writeText(codes.join('\n'))}>
        Kopiér koderne
      </Button>
    </Flex>
  );
}

/** QR code, manual key and the first code of a new app; resolves with the recovery codes. */
export function EnrolmentSteps({ onEnrolled }: { onEnrolled: (recoveryCodes: string[]) => void }) {
  const [enrolment, setEnrolment] = React.useState<Enrolment | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    callSecondFactor<Enrolment>('POST', '/enrolment').then(setEnrolment, (failure) => setError(errorMessage(failure)));
  }, []);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!enrolment) return <Loader small>Henter opsætningen …</Loader>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography tag="p">
        1. Installér en godkendelsesapp på din telefon, fx Microsoft Authenticator eller Google Authenticator (kommunens IT kan anbefale én).
      </Typography>
      <Typography tag="p">2. Scan QR-koden med appen, eller skriv nøglen ind i appen.</Typography>
      <Flex justifyContent="center">
        <img src={enrolment.qrCode} alt="QR-kode til godkendelsesappen" width={200} height={200} />
      </Flex>
      <Box padding={3} background="neutral100" hasRadius>
        <Typography variant="pi">Nøgle til manuel indtastning:</Typography>{' '}
        <Typography variant="omega" fontWeight="bold" style={{ fontFamily: 'monospace' }} data-second-factor-key>
          {enrolment.key}
        </Typography>
      </Box>
      <CodeForm
        label="3. Kode fra appen"
        hint="De 6 cifre, appen viser nu."
        action="Bekræft og aktivér"
        submit={async (code) => onEnrolled((await callSecondFactor<{ recoveryCodes: string[] }>('POST', '/enrolment/confirm', { code })).recoveryCodes)}
      />
    </Flex>
  );
}

function Screen({ needed, onPassed }: { needed: SecondFactorNeeded; onPassed: () => void }) {
  const [recoveryCodes, setRecoveryCodes] = React.useState<string[] | null>(null);
  const title = recoveryCodes ? 'Gem dine gendannelseskoder' : needed === 'enrol' ? 'Opsæt totrinsbekræftelse' : 'Totrinsbekræftelse';
  return (
    <Flex
      role="dialog"
      aria-modal="true"
      aria-labelledby="second-factor-title"
      justifyContent="center"
      alignItems="flex-start"
      background="neutral100"
      paddingTop={10}
      paddingBottom={10}
      style={{ position: 'fixed', inset: 0, zIndex: 10000, overflowY: 'auto' }}
    >
      <Box tag="main" background="neutral0" shadow="tableShadow" hasRadius padding={8} width="52rem" maxWidth="calc(100% - 2rem)">
        <Flex direction="column" alignItems="stretch" gap={5}>
          <Typography tag="h1" variant="alpha" id="second-factor-title">
            {title}
          </Typography>
          {recoveryCodes ? (
            <>
              <RecoveryCodes codes={recoveryCodes} />
              <Button onClick={onPassed} fullWidth>
                Jeg har gemt koderne
              </Button>
            </>
          ) : needed === 'enrol' ? (
            <>
              <Typography tag="p">
                Administrationen indeholder oplysninger om borgere. Derfor skal du ud over adgangskoden bekræfte dit login med en kode fra en app på din
                telefon.
              </Typography>
              <EnrolmentSteps onEnrolled={setRecoveryCodes} />
            </>
          ) : (
            <CodeForm
              label="Kode fra godkendelsesappen"
              hint="De 6 cifre, appen viser nu. Har du mistet telefonen, kan du skrive en af dine gendannelseskoder."
              action="Bekræft"
              submit={async (code) => {
                await callSecondFactor('POST', '/verify', { code });
                onPassed();
              }}
            />
          )}
          <Button variant="tertiary" onClick={signOut}>
            Log ud
          </Button>
        </Flex>
      </Box>
    </Flex>
  );
}

/** Shows the screen over the panel; resolves when the session has passed the second factor. */
export function showSecondFactor(needed: SecondFactorNeeded): Promise<void> {
  return new Promise((resolve) => {
    const host = document.createElement('div');
    host.setAttribute('data-second-factor', needed);
    document.body.appendChild(host);
    const root = createRoot(host);
    const done = () => {
      root.unmount();
      host.remove();
      resolve();
    };
    root.render(
      <DesignSystemProvider locale="da" theme={lightTheme}>
        <Screen needed={needed} onPassed={done} />
      </DesignSystemProvider>,
    );
  });
}
