/**
 * What the citizen is told about the processing of their data (GDPR art. 13–14), built from the
 * configuration so the site's privacy page and the access export say the same and follow
 * RETENTION_AFTER_CLOSURE and config/municipality.json.
 */
import { durationInDanish, type PolicyDuration } from './durations';
import type { Municipality } from './municipality';

/** The retention rule in one Danish sentence. */
export function retentionSentence(retentionAfterClosure: PolicyDuration): string {
  return `Sagen opbevares med dine oplysninger i ${durationInDanish(retentionAfterClosure)} efter, at den er afsluttet. Derefter anonymiseres den: dit navn, dine kontaktoplysninger og sagens beskrivelser fjernes, mens sagsnummer, datoer, center og resultat bevares til borgerrådgiverens statistik og beretninger.`;
}

export interface Right {
  title: string;
  text: string;
}

/** The citizen's rights (GDPR art. 15–18, 21, 77) and how to use them with this advisor. */
export function citizenRights(m: Pick<Municipality, 'advisorTitle' | 'email' | 'phone' | 'dataProtection'>): Right[] {
  const contact = `Skriv til ${m.advisorTitle.toLowerCase()} på ${m.email} eller ring på ${m.phone}. Sender du følsomme oplysninger, så brug Digital Post.`;
  return [
    {
      title: 'Ret til indsigt',
      text: `Du kan få at vide, hvilke oplysninger borgerrådgiveren har om dig, og få en kopi: dine sager, borgerrådgiverens notater, centrenes redegørelser, udtalelserne, de e-mails, vi har sendt dig, og hvem der har åbnet dine sager. ${contact}`,
    },
    { title: 'Ret til berigtigelse', text: `Er en oplysning om dig forkert, kan du få den rettet. ${contact}` },
    {
      title: 'Ret til sletning',
      text: `I visse tilfælde kan du få dine oplysninger slettet, før opbevaringsperioden er udløbet – fx hvis de ikke længere er nødvendige. Borgerrådgiveren vurderer, om reglerne om journalisering og arkivering tillader det. ${contact}`,
    },
    {
      title: 'Ret til begrænsning og til at gøre indsigelse',
      text: `Du kan bede om, at behandlingen af dine oplysninger begrænses, og du kan gøre indsigelse mod behandlingen. ${contact}`,
    },
    {
      title: 'Ret til at klage',
      text: `Du kan kontakte kommunens databeskyttelsesrådgiver på ${m.dataProtection.officer.email} eller ${m.dataProtection.officer.phone}. Du kan klage til Datatilsynet, Carl Jacobsens Vej 35, 2500 Valby, dt@datatilsynet.dk, www.datatilsynet.dk.`,
    },
  ];
}
