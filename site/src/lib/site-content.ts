/**
 * The texts of "Hjemmesidens tekster" (api::site-content.site-content). The CMS seeds and serves
 * them (the contract: SiteContent in config/src/public-api.ts); the fallback here only keeps the
 * site usable if the CMS has never answered.
 */
import { municipality, officeContact, type SiteContent } from '@borgerraadgiver/config';

export function fallbackContent(): SiteContent {
  const m = municipality;
  return {
    siteName: `${m.advisorTitle} i ${m.name}`,
    footerText: '',
    frontTitle: `Borgerrådgiveren i ${m.name}`,
    frontIntro: '',
    frontBody: '',
    scopeTitle: 'Hvad kan du klage over?',
    scopeIntro: '',
    scopeCanBody: '',
    scopeCannotBody: '',
    howTitle: 'Sådan klager du',
    howIntro: '',
    howBody: '',
    contactTitle: 'Kontakt og møder',
    contactIntro: '',
    ...officeContact(m),
    contactBody: '',
    formTitle: 'Klag eller bed om råd',
    formIntro: '',
    formGuidance: '',
    identityNamedHelp: 'Borgerrådgiveren og det center, sagen handler om, kan se dit navn.',
    identityConfidentialHelp: 'Borgerrådgiveren kender dit navn, men fortæller ikke centeret, hvem du er.',
    identityAnonymousHelp: 'Du oplyser hverken navn eller kontaktoplysninger.',
    consentText: 'Jeg har læst, hvordan borgerrådgiveren behandler mine oplysninger.',
    receiptTitle: 'Tak for din henvendelse',
    receiptBody: '',
    statementTitle: 'Redegørelse til borgerrådgiveren',
    statementIntro: '',
    statementThanks: 'Tak. Borgerrådgiveren har modtaget redegørelsen.',
    privacyTitle: 'Sådan behandler vi dine oplysninger',
    privacyBody: '',
    accessibilityTitle: 'Tilgængelighedserklæring',
    accessibilityBody: '',
  };
}
