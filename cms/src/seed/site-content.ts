/**
 * Seeds "Hjemmesidens tekster" once, on first start, with texts written from
 * "Rammer og retningslinjer for borgerrådgiveren". The advisor edits them in the admin afterwards;
 * an existing document is never overwritten.
 */
import type { Core } from '@strapi/strapi';
import { municipality, officeContact } from '@borgerraadgiver/config';
import { SITE_CONTENT as UID } from '../content-types';

export function defaultSiteContent() {
  const m = municipality;
  return {
    siteName: `${m.advisorTitle} i ${m.name}`,
    footerText: `${m.advisorTitle} er uafhængig af kommunens forvaltning og hjælper borgere og virksomheder i ${m.name}, når de er utilfredse med kommunens sagsbehandling eller betjening.`,

    frontTitle: `Borgerrådgiveren i ${m.name}`,
    frontIntro:
      'Er du utilfreds med den måde, kommunen har behandlet din sag eller dig på? Borgerrådgiveren kan hjælpe dig med at blive hørt og med at få sagen afklaret.',
    frontBody: `## Hvem er borgerrådgiveren?

Borgerrådgiveren skal sikre god og korrekt service over for borgerne og god sagsbehandlingsskik i kommunen. Du kan få råd og vejledning, og du kan klage over kommunens sagsbehandling og over den måde, du er blevet betjent på.

Det er gratis at henvende sig til borgerrådgiveren.

## Uafhængig af forvaltningen

Borgerrådgiveren er ansat af kommunalbestyrelsen og arbejder uafhængigt af kommunens centre og institutioner. Borgerrådgiveren træffer ikke afgørelser og kan ikke ændre kommunens afgørelser, men kan undersøge din sag, udtale kritik og komme med anbefalinger. Kommunen forventes at følge borgerrådgiverens udtalelser og genoptage sagen, hvis der er sket fejl.

## Hvad sker der med din henvendelse?

1. **Du får en kvittering** med et sagsnummer, når vi har modtaget din henvendelse.
2. **Borgerrådgiveren afklarer sagen** – hvad den handler om, hvad du ønsker, hvilket center eller hvilken institution det drejer sig om, og om du har klaget til dem først.
3. **Dialog først.** De fleste sager bliver løst hurtigt, når borgerrådgiveren tager kontakt til en medarbejder eller leder. Nogle gange er det nok med vejledning, eller at du bliver henvist det rigtige sted hen.
4. **Undersøgelse.** Hvis sagen ikke kan løses ved dialog, kan borgerrådgiveren bede centeret om en skriftlig redegørelse og derefter give en udtalelse.

Læs mere om [hvad du kan klage over](/hvad-kan-du-klage-over) og [hvordan du klager](/saadan-klager-du).`,

    scopeTitle: 'Hvad kan du klage over?',
    scopeIntro: 'Borgerrådgiveren kan hjælpe med klager over den måde, kommunen behandler sager og borgere på – men ikke med alle slags klager.',
    scopeCanBody: `Borgerrådgiveren kan behandle henvendelser og klager over:

- **Den formelle sagsbehandling** – den måde, din sag er blevet behandlet på. Fx lang sagsbehandlingstid, manglende svar, manglende partshøring eller en afgørelse uden begrundelse.
- **Personalets betjening og adfærd** – fx hvis du ikke er blevet mødt med respekt.
- **Udførelsen af service og praktiske opgaver** (faktisk forvaltningsvirksomhed) – fx hjemmehjælp, der ikke kommer, eller affald, der ikke bliver hentet.
- **Ulovlig forskelsbehandling** (diskrimination).

Borgerrådgiveren kan også undersøge sager på eget initiativ eller efter ønske fra kommunalbestyrelsen.`,
    scopeCannotBody: `Borgerrådgiveren kan ikke behandle klager over:

- **Det faglige indhold i en afgørelse**, som kommunen har truffet – fx om du skulle have haft en bestemt ydelse. Det klager du over til kommunen eller den klageinstans, der står i afgørelsen.
- **Privatretlige spørgsmål** – fx uenighed med naboer eller hegnssyn.
- **Sager, der skal behandles af en anden klageinstans**, fx Ankestyrelsen eller et klagenævn.
- **Personale- og ansættelsesforhold** i kommunen.
- **Serviceniveauet**, som kommunalbestyrelsen har fastlagt politisk.
- **Forældede sager** – forhold, der ligger mere end et år tilbage.
- **Sager, der er indbragt for tilsynsmyndighederne, Folketingets Ombudsmand eller domstolene.**

Borgerrådgiveren kan også afvise forhold, som Økonomiudvalget, et stående udvalg eller kommunalbestyrelsen allerede har vurderet, og klager, der er grundløse eller upræcise, eller hvor den, der klager, ikke har tilstrækkelig interesse i sagen.

Er du i tvivl, så kontakt borgerrådgiveren. Du får altid vejledning om, hvor du kan gå hen med din sag.`,

    howTitle: 'Sådan klager du',
    howIntro: 'Du kan klage via formularen her på siden, på e-mail, i et brev, på telefon eller ved et møde.',
    howBody: `## Hvem kan klage?

Alle borgere og virksomheder i kommunen kan klage. Handler sagen om forhold, der generer en bredere kreds af borgere, kan alle, der er væsentligt berørt, klage.

## Klag til centeret først

Borgerrådgiveren kan først gå i gang med en egentlig undersøgelse, når det center eller den institution, sagen handler om, har haft mulighed for at forholde sig til din klage – mundtligt eller skriftligt. Har du ikke klaget til dem endnu, kan borgerrådgiveren hjælpe dig med at tage kontakten.

## Klagefristen er et år

Du skal klage senest 1 år efter, at afgørelsen blev truffet, eller at det, du klager over, skete. Ellers er sagen forældet.

Borgerrådgiveren kan i særlige tilfælde se bort fra fristen. Det kræver, at alle tre ting gælder:

- sagen har fortsat betydning for dig retligt,
- sagen kan blive tilstrækkeligt oplyst, og
- en undersøgelse kan være med til at forbedre kommunens sagsbehandling.

## Anonymitet

Du kan vælge mellem tre måder at henvende dig på:

- **Med navn.** Borgerrådgiveren og det center, sagen handler om, kan se, hvem du er. Det giver de bedste muligheder for at undersøge din sag.
- **Anonym over for kommunen.** Borgerrådgiveren kender dit navn, men fortæller det ikke til centeret eller andre i kommunen. Borgerrådgiveren skal respektere dit ønske og kan derfor som udgangspunkt ikke undersøge sagen hos centeret – kun i helt særlige tilfælde, fx ved mistanke om fortsatte grove eller væsentlige fejl, der rammer flere borgere.
- **Helt anonym.** Ingen – heller ikke borgerrådgiveren – ved, hvem du er. Anonyme henvendelser behandles som udgangspunkt ikke, men de bliver registreret og kan bruges i borgerrådgiverens overblik over problemer i kommunen. I helt særlige tilfælde kan borgerrådgiveren undersøge forholdet.

Intet af det, centeret får at se, afslører en borger, der har bedt om at være anonym.

## Sådan behandles din klage

1. **Dialog.** Borgerrådgiveren prøver først at løse sagen hurtigt ved at kontakte en medarbejder, en afdelingsleder eller centerchefen.
2. **Møder.** Borgerrådgiveren kan deltage i møder mellem dig og centeret som bisidder eller observatør.
3. **Redegørelse.** Starter en egentlig undersøgelse, beder borgerrådgiveren afdelingslederen om en skriftlig redegørelse, svar på konkrete spørgsmål og/eller indsigt i sagens akter. Centeret skal svare senest inden for to uger, medmindre andet er aftalt.
4. **Udtalelse.** Borgerrådgiveren vurderer sagen ud fra jura (fx forvaltningsloven og offentlighedsloven), etik, lighed – er du blevet betjent ringere end andre? – og kommunens værdigrundlag.

## De fire mulige udfald

- **Kritik** – der er sket fejl eller forsømmelser.
- **Henstilling** – borgerrådgiveren opfordrer centeret til at gøre noget bestemt, fx at genoptage sagen.
- **Ingen kritik** – borgerrådgiveren finder ikke grundlag for kritik.
- **Afvisning** – sagen ligger uden for det, borgerrådgiveren kan behandle.

Udtalelsen indeholder så vidt muligt anbefalinger til, hvordan fejl kan undgås fremover. Udtalelsen er vejledende og ikke en afgørelse, men kommunen forventes at følge den og genoptage sagen, hvis der er sket fejl.

[Gå til klageformularen](/klage)`,

    contactTitle: 'Kontakt og møder',
    contactIntro: 'Du kan kontakte borgerrådgiveren på telefon, skriftligt eller på e-mail.',
    ...officeContact(m),
    contactBody: `## Møder

Møder foregår på et af mødestederne ovenfor – der, hvor du nemmest kan komme. Ring eller skriv for at aftale et møde.

## Send ikke følsomme oplysninger med almindelig e-mail

Skal du sende helbredsoplysninger eller andre følsomme oplysninger, så brug klageformularen her på siden eller Digital Post (sikker post).

Send ikke dit CPR-nummer (personnummer). Borgerrådgiveren har ikke brug for det for at behandle din henvendelse, og klageformularen afviser det.`,

    formTitle: 'Klag eller bed om råd',
    formIntro: 'Udfyld formularen, så modtager borgerrådgiveren din henvendelse. Felter markeret med (skal udfyldes) skal udfyldes.',
    formGuidance: `## Før du skriver

- **Borgerrådgiveren kan ikke ændre en afgørelse** eller vurdere det faglige indhold i den. Er du uenig i selve afgørelsen, skal du klage til kommunen eller den klageinstans, der står i afgørelsen. [Se hvad du kan klage over](/hvad-kan-du-klage-over).
- **Klagefristen er et år** fra afgørelsen eller hændelsen. Er det længere siden, kan borgerrådgiveren kun i særlige tilfælde se bort fra fristen.
- **Har du klaget til centeret først?** Borgerrådgiveren kan først undersøge sagen, når centeret har haft mulighed for at svare på din klage. Har du ikke gjort det, kan borgerrådgiveren hjælpe dig med at tage kontakten.

Du kan også [ringe eller skrive til borgerrådgiveren](/kontakt).`,
    identityNamedHelp: 'Borgerrådgiveren og det center, sagen handler om, kan se dit navn. Det giver de bedste muligheder for at undersøge og løse din sag.',
    identityConfidentialHelp:
      'Borgerrådgiveren kender dit navn og kan kontakte dig, men fortæller ikke centeret eller andre i kommunen, hvem du er. Borgerrådgiveren kan derfor som udgangspunkt ikke undersøge sagen hos centeret, kun i helt særlige tilfælde.',
    identityAnonymousHelp:
      'Du oplyser hverken navn eller kontaktoplysninger. Borgerrådgiveren kan ikke svare dig, og anonyme henvendelser undersøges som udgangspunkt ikke, men de registreres og indgår i overblikket over problemer i kommunen.',
    consentText: 'Jeg har læst, hvordan borgerrådgiveren behandler mine oplysninger.',

    receiptTitle: 'Tak for din henvendelse',
    receiptBody: `## Hvad sker der nu?

Borgerrådgiveren læser din henvendelse og kontakter dig, hvis du har oplyst, hvordan vi kan nå dig. Ofte kan sagen løses hurtigt ved dialog med det center, det drejer sig om.

Skriv sagsnummeret ned, og nævn det, hvis du kontakter borgerrådgiveren om sagen. Har du oplyst en e-mailadresse, får du også en kvittering på e-mail.`,

    statementTitle: 'Redegørelse til borgerrådgiveren',
    statementIntro: `Borgerrådgiveren har bedt om en skriftlig redegørelse i sagen nedenfor og svar på de konkrete spørgsmål. Redegørelsen skal sendes senest på fristen, medmindre andet er aftalt med borgerrådgiveren.

Har borgeren ønsket at være anonym over for kommunen, vises borgerens identitet ikke.`,
    statementThanks: 'Tak. Borgerrådgiveren har modtaget redegørelsen og vender tilbage, hvis der er brug for flere oplysninger.',

    privacyTitle: 'Sådan behandler vi dine oplysninger',
    privacyBody: `Her kan du læse, hvilke oplysninger borgerrådgiveren registrerer, hvorfor, og hvem der ser dem. Hvem der er dataansvarlig, retsgrundlaget, hvor længe oplysningerne gemmes, og dine rettigheder står på siden sammen med denne tekst.

## Hvad registrerer vi?

Borgerrådgiveren registrerer alle henvendelser. Vi registrerer det, du selv oplyser: din beskrivelse af sagen, hvilket center den handler om, datoen for afgørelsen eller hændelsen, og – hvis du ikke er anonym – dit navn, din e-mail, dit telefonnummer og din adresse. Henvender du dig for en virksomhed, registrerer vi virksomhedens navn og CVR-nummer. Under sagen registreres også borgerrådgiverens notater, centerets redegørelse og borgerrådgiverens udtalelse, og hvem af borgerrådgiverens medarbejdere der har åbnet sagen.

Skriv kun de oplysninger, der er nødvendige for sagen, og skriv ikke dit CPR-nummer.

## Hvorfor?

Vi bruger oplysningerne til at behandle din henvendelse. Oplysningerne bruges også – uden navne – til at finde generelle problemer og til borgerrådgiverens rapporter til Økonomiudvalget og kommunalbestyrelsen.

## Hvem ser oplysningerne?

Borgerrådgiveren og dennes administrative medhjælp; medhjælpen ser ikke dit navn og dine kontaktoplysninger. Undersøger borgerrådgiveren sagen, får det center, sagen handler om, oplysninger om sagen. Har du bedt om at være anonym over for kommunen, får centeret ikke at vide, hvem du er.

## Cookies

Siden bruger ingen cookies til statistik eller markedsføring. Når du har sendt en henvendelse, gemmes sagsnummeret i en cookie i 30 minutter, så kvitteringen kan vises.`,

    accessibilityTitle: 'Tilgængelighedserklæring',
    accessibilityBody: `${m.name} ønsker, at alle kan bruge borgerrådgiverens hjemmeside. Siden er lavet, så den lever op til webtilgængelighedsloven og standarden WCAG 2.1 på niveau AA.

## Sådan er siden lavet

- Siden kan bruges med tastatur alene, og det er altid tydeligt, hvor du er på siden.
- Siden kan bruges med skærmlæser og forstørrelse, og den tilpasser sig mobil, tablet og computer.
- Klageformularen virker uden JavaScript. Fejl vises ved det felt, de handler om, og samlet øverst på siden.
- Teksterne er skrevet i et klart sprog, og farverne har høj kontrast.

Siden testes automatisk for tilgængelighed, hver gang den ændres.

## Kendte problemer

Vi kender ikke til dele af siden, som ikke er tilgængelige. Finder du et problem, vil vi gerne høre om det.

## Kontakt

Skriv til ${m.email} eller ring på ${m.phone}, hvis du oplever problemer med tilgængeligheden. Du kan også klage til Digitaliseringsstyrelsen, som fører tilsyn med webtilgængelighed, via www.was.digst.dk.`,
  };
}

const MARKDOWN_HELP = 'Markdown: ## Overskrift, - punkt, 1. nummereret punkt, **fed**, [linktekst](/kontakt). HTML vises som almindelig tekst.';

/** Danish labels for the admin's edit view; a tuple adds a help text. */
const LABELS: Record<string, string | [string, string]> = {
  siteName: ['Sidens navn', 'Vises øverst på alle sider og i browserens fane.'],
  footerText: 'Sidefod: tekst',
  frontTitle: 'Forside: overskrift',
  frontIntro: 'Forside: indledning',
  frontBody: ['Forside: brødtekst', MARKDOWN_HELP],
  scopeTitle: 'Hvad kan du klage over: overskrift',
  scopeIntro: 'Hvad kan du klage over: indledning',
  scopeCanBody: ['Hvad kan du klage over: det kan borgerrådgiveren', MARKDOWN_HELP],
  scopeCannotBody: ['Hvad kan du klage over: det kan borgerrådgiveren ikke', MARKDOWN_HELP],
  howTitle: 'Sådan klager du: overskrift',
  howIntro: 'Sådan klager du: indledning',
  howBody: ['Sådan klager du: brødtekst', MARKDOWN_HELP],
  contactTitle: 'Kontakt: overskrift',
  contactIntro: 'Kontakt: indledning',
  contactBuilding: 'Kontakt: bygning',
  contactStreet: 'Kontakt: adresse',
  contactPostalCode: 'Kontakt: postnummer',
  contactCity: 'Kontakt: by',
  contactPhone: 'Kontakt: telefon',
  contactEmail: 'Kontakt: e-mail',
  contactMeetingPlaces: ['Kontakt: mødesteder', 'Ét mødested pr. linje.'],
  contactBody: ['Kontakt: brødtekst', MARKDOWN_HELP],
  formTitle: 'Klageformular: overskrift',
  formIntro: 'Klageformular: indledning',
  formGuidance: ['Klageformular: vejledning før formularen', MARKDOWN_HELP],
  identityNamedHelp: ['Klageformular: forklaring til "Med navn"', 'Hvad valget betyder, og hvad centeret ser.'],
  identityConfidentialHelp: ['Klageformular: forklaring til "Anonym over for kommunen"', 'Hvad valget betyder, og hvad centeret ser.'],
  identityAnonymousHelp: ['Klageformular: forklaring til "Helt anonym"', 'Hvad valget betyder, og hvad centeret ser.'],
  consentText: ['Klageformular: bekræftelse', 'Teksten ved afkrydsningsfeltet om behandling af oplysninger.'],
  receiptTitle: 'Kvittering: overskrift',
  receiptBody: ['Kvittering: brødtekst', MARKDOWN_HELP],
  statementTitle: 'Redegørelsessiden: overskrift',
  statementIntro: ['Redegørelsessiden: vejledning til centeret', MARKDOWN_HELP],
  statementThanks: ['Redegørelsessiden: tak efter indsendelse', MARKDOWN_HELP],
  privacyTitle: 'Privatliv: overskrift',
  privacyBody: ['Privatliv: brødtekst', MARKDOWN_HELP],
  accessibilityTitle: 'Tilgængelighedserklæring: overskrift',
  accessibilityBody: ['Tilgængelighedserklæring: brødtekst', MARKDOWN_HELP],
};

const LAYOUT_VERSION = 1;

/** Danish labels and help texts in the admin, applied once per layout version. */
async function seedSiteContentLayout(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'plugin', name: 'borgerraadgiver', key: 'site-content-layout-version' });
  if (((await store.get()) as number | null) === LAYOUT_VERSION) return;
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const contentType = strapi.contentTypes[UID];
  const configuration = await contentTypes.findConfiguration(contentType);
  const metadatas = { ...configuration.metadatas };
  for (const [field, entry] of Object.entries(LABELS)) {
    if (!metadatas[field]) continue;
    const [label, description] = Array.isArray(entry) ? entry : [entry, ''];
    metadatas[field] = { edit: { ...metadatas[field].edit, label, description }, list: { ...metadatas[field].list, label } };
  }
  await contentTypes.updateConfiguration(contentType, { metadatas });
  await store.set({ value: LAYOUT_VERSION });
}

export async function seedSiteContent(strapi: Core.Strapi): Promise<void> {
  const existing = await strapi.documents(UID).findFirst({});
  if (!existing) {
    await strapi.documents(UID).create({ data: defaultSiteContent() });
    strapi.log.info('Seeded "Hjemmesidens tekster" with default texts.');
  }
  await seedSiteContentLayout(strapi);
}
