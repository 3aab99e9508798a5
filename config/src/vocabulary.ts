/**
 * The case vocabulary: stored values (stable, ASCII) with the Danish labels users see.
 * Enumerations in the Strapi schemas must list exactly these keys.
 */
import { inboundMailStatuses } from './inbox';

export const channels = {
  web: 'Webformular',
  email: 'E-mail',
  phone: 'Telefon',
  letter: 'Brev',
  meeting: 'Personligt møde',
  own_initiative: 'Eget initiativ',
  council: 'Kommunalbestyrelsens initiativ',
} as const;

/** What the citizen asks for. Vejvisning (directing the citizen to the right place) is counted apart from advice. */
export const purposes = {
  klage: 'Klage',
  raadgivning: 'Rådgivning',
  vejvisning: 'Vejvisning',
  genoptagelse: 'Genoptagelse',
} as const;

export const identities = {
  named: 'Med navn',
  confidential: 'Anonym over for kommunen',
  anonymous: 'Helt anonym',
} as const;

/** R3: who is complaining. */
export const complainantKinds = {
  citizen: 'Borger',
  business: 'Virksomhed',
  affected_citizen: 'Væsentligt berørt borger (sag for en bredere kreds)',
} as const;

/** R4: what the advisor can handle. */
export const categories = {
  sagsbehandling: 'Formel sagsbehandling',
  betjening: 'Personalets betjening og adfærd',
  faktisk_forvaltning: 'Udførelse af service og praktiske opgaver',
  diskrimination: 'Ulovlig forskelsbehandling',
} as const;

/**
 * What a complaint is about, as the advisors' annual reports group it; several may apply to one
 * inquiry (a multi-select on the complaint). Add or rename themes here: stored values are the keys.
 */
export const complaintThemes = {
  sagsbehandlingstid: 'Lang sagsbehandlingstid eller manglende svar',
  vejledning: 'Vejledning',
  partshoering: 'Partshøring',
  begrundelse: 'Begrundelse',
  klagevejledning: 'Klagevejledning',
  aktindsigt_notatpligt: 'Aktindsigt og notatpligt',
  sagsoplysning: 'Sagens oplysning',
  adfaerd: 'Personalets adfærd og tone',
  digital_tilgaengelighed: 'Digital tilgængelighed',
  andet: 'Andet',
} as const;

/** The result for the citizen, apart from the formal outcome: was the citizen proved right? */
export const citizenResults = {
  medhold_fuldt: 'Medhold',
  medhold_delvist: 'Delvist medhold',
  ikke_medhold: 'Ikke medhold',
} as const;

/** How the advisor handled the inquiry. */
export const handlingForms = {
  // A quick contact: directions or short advice, registered and closed at once ("Kort kontakt").
  kort_kontakt: 'Kort kontakt (vejvisning eller kort rådgivning)',
  dialog: 'Dialog med enheden',
  videresendt: 'Videresendt til enheden til besvarelse',
  maegling: 'Mægling',
  undersoegelse: 'Undersøgelse',
} as const;

/** R5: why an inquiry falls outside the mandate. Each is a rejection reason. */
export const outOfScopeReasons = {
  faglig_vurdering: 'Det faglige indhold i en afgørelse',
  privatretlig: 'Privatretligt spørgsmål (fx nabo, hegnssyn)',
  anden_klageinstans: 'Skal behandles af en anden administrativ klageinstans',
  personalesag: 'Personale- og ansættelsesforhold',
  serviceniveau: 'Politisk fastlagt serviceniveau',
  foraeldet: 'Forældet (mere end et år)',
  indbragt: 'Indbragt for tilsyn, Ombudsmanden eller domstolene',
  politisk_behandlet: 'Bedømt af Økonomiudvalget, et stående udvalg eller Kommunalbestyrelsen',
  grundloes: 'Grundløs, upræcis eller uden tilstrækkelig interesse',
  anonym: 'Anonym henvendelse uden særlige grunde',
} as const;

export const complaintStatuses = {
  modtaget: 'Modtaget',
  visitation: 'Visitation',
  dialog: 'Dialog med center',
  afvist: 'Afvist',
  henvist: 'Henvist',
  loest_ved_dialog: 'Løst ved dialog',
  undersoegelse: 'Undersøgelse',
  udtalelse_afgivet: 'Udtalelse afgivet',
  afsluttet: 'Afsluttet',
  tilbagetrukket: 'Trukket tilbage',
  genoptaget: 'Genoptaget',
} as const;

export const statementRequestStatuses = {
  sendt: 'Sendt',
  besvaret: 'Besvaret',
  annulleret: 'Annulleret',
} as const;

export const opinionKinds = { case: 'Konkret sag', general: 'Generel udtalelse' } as const;

export const opinionOutcomes = {
  kritik: 'Kritik',
  henstilling: 'Henstilling',
  ingen_kritik: 'Ingen kritik',
  afvisning: 'Afvisning',
} as const;

/** R13: the perspectives an opinion can assess. Field names on the opinion. */
export const perspectives = {
  legalPerspective: 'Juridisk perspektiv',
  ethicalPerspective: 'Etisk perspektiv',
  equalityPerspective: 'Lighedsperspektiv',
  valuesPerspective: 'Kommunens værdigrundlag',
} as const;

export const recommendationFollowUps = {
  afventer: 'Afventer svar',
  accepteret: 'Accepteret',
  gennemfoert: 'Gennemført',
  afvist: 'Ikke fulgt',
} as const;

/** R12: the advisor's role at a meeting between citizen and center. */
export const meetingRoles = { bisidder: 'Bisidder', observatoer: 'Observatør', moede: 'Møde med borgeren' } as const;

/** R19: improvement work. */
export const improvementKinds = {
  tilbagemelding: 'Tilbagemelding til kommunen',
  undervisning: 'Undervisning af medarbejdere',
  vejledning: 'Forvaltningsretlig vejledning',
  forbedringsprojekt: 'Forbedringsprojekt',
  moede_centerchef: 'Møde med centerchef',
} as const;

/**
 * Working-calendar rows (Helligdag eller lukkedag): an extra holiday, a municipal closing day, or
 * an exception that makes a holiday or closing day a working day on its one date.
 */
export const closingDayKinds = { helligdag: 'Helligdag', lukkedag: 'Lukkedag', arbejdsdag: 'Arbejdsdag (undtagelse)' } as const;

/** The e-mails in the outbox (Udsendelse). */
export const notificationKinds = {
  statement_request: 'Anmodning om redegørelse',
  statement_reminder: 'Påmindelse om frist',
  statement_overdue: 'Rykker for redegørelse (frist overskredet)',
  statement_escalation: 'Rykker for redegørelse til centerchefen',
  statement_received: 'Besked om modtaget redegørelse',
  opinion_followup: 'Opfølgning på udtalelse',
  complaint_receipt: 'Kvittering for henvendelsen',
  report_reminder: 'Påmindelse om rapport',
  ongoing_status: 'Løbende status',
  opinion_letter: 'Udtalelse til centret',
  opinion_letter_citizen: 'Udtalelse til borgeren',
  case_closed: 'Besked om afsluttet sag',
  delivery_failures: 'Mislykkede udsendelser',
  mail_received: 'Besked om modtaget e-mail',
} as const;

/**
 * Each e-mail as the journal says it in a sentence, before »til« and its recipient (»E-mail sendt:
 * påmindelse om frist til Center for Ældre.«): the label's words without the recipient the
 * sentence names. Kinds that go to the office only have none (the journal is the case's).
 */
export const notificationPhrases: Partial<Record<keyof typeof notificationKinds, string>> = {
  statement_request: 'anmodning om redegørelse',
  statement_reminder: 'påmindelse om frist',
  statement_overdue: 'rykker for redegørelse (frist overskredet)',
  statement_escalation: 'rykker for redegørelse',
  statement_received: 'besked om modtaget redegørelse',
  opinion_followup: 'opfølgning på udtalelse',
  complaint_receipt: 'kvittering for henvendelsen',
  opinion_letter: 'udtalelsen',
  opinion_letter_citizen: 'udtalelsen',
  case_closed: 'besked om afsluttet sag',
  mail_received: 'besked om modtaget e-mail',
};

/** The case file: which way a document went, and who it came from. */
export const documentDirections = { modtaget: 'Modtaget', sendt: 'Sendt', intern: 'Internt' } as const;
export const documentSources = { borger: 'Borgeren', center: 'Centret', borgerraadgiver: 'Borgerrådgiveren' } as const;

/** The case journal (Sagshændelse): what happened in a case, and who saw it. */
export const caseEventKinds = {
  created: 'Oprettet',
  status_changed: 'Status ændret',
  field_changed: 'Ændret',
  deleted: 'Slettet',
  opened: 'Åbnet',
  exported: 'Eksporteret',
  anonymised: 'Anonymiseret',
  retention_postponed: 'Anonymisering udsat',
  statement_requested: 'Redegørelse anmodet',
  link_reissued: 'Nyt link udsendt',
  statement_received: 'Redegørelse modtaget',
  statement_cancelled: 'Anmodning annulleret',
  opinion_issued: 'Udtalelse afgivet',
  opinion_changed: 'Udtalelse ændret',
  recommendation_added: 'Anbefaling tilføjet',
  recommendation_followup: 'Opfølgning på anbefaling',
  meeting_registered: 'Møde registreret',
  document_added: 'Dokument tilføjet',
  notification_planned: 'E-mail planlagt',
  notification_sent: 'E-mail sendt',
  notification_failed: 'E-mail fejlede',
  notification_cancelled: 'E-mail annulleret',
  imported: 'Importeret',
  mail_received: 'E-mail modtaget',
  mail_unmatched: 'E-mail ikke tilknyttet',
  mail_attached: 'E-mail tilknyttet',
} as const;

/** The staff log (Personalelog): sign-ins and the second factor (cms/src/staff-sign-in). */
export const staffLogKinds = {
  password_accepted: 'Adgangskode godkendt',
  password_refused: 'Forkert e-mail eller adgangskode',
  factor_passed: 'Logget ind med engangskode',
  recovery_code_used: 'Logget ind med gendannelseskode',
  factor_refused: 'Forkert engangskode',
  locked_out: 'Spærret efter for mange forkerte koder',
  enrolled: 'Totrinsbekræftelse oprettet',
  recovery_codes_renewed: 'Nye gendannelseskoder',
  factor_reset: 'Totrinsbekræftelse nulstillet',
} as const;

/** Who caused a journal event. */
export const caseEventActors = {
  admin: 'Medarbejder',
  system: 'Systemet',
  center: 'Center via link',
  citizen: 'Borger via webformular',
  worker: 'Udsendelse',
  inbox: 'Indbakken',
} as const;

/** What a journal event concerns. */
export const caseEventSubjects = {
  complaint: 'Henvendelse',
  statement_request: 'Anmodning om redegørelse',
  opinion: 'Udtalelse',
  recommendation: 'Anbefaling',
  meeting: 'Møde',
  notification: 'Udsendelse',
  case_document: 'Sagsdokument',
  inbound_mail: 'Indgående e-mail',
} as const;

export const deliveryStatuses = {
  planned: 'Planlagt',
  sending: 'Sendes',
  sent: 'Sendt',
  cancelled: 'Annulleret',
  failed: 'Fejlet',
} as const;

/**
 * Every labelled choice by list name. A schema field stores the keys (its `enum`) and names its
 * list in `options.choices` of the custom field `global::choice`, so the admin shows the labels
 * in the edit view, the lists, the filters and the pickers.
 */
export const choiceLists = {
  channels,
  purposes,
  identities,
  complainantKinds,
  categories,
  outOfScopeReasons,
  complaintStatuses,
  statementRequestStatuses,
  opinionKinds,
  opinionOutcomes,
  recommendationFollowUps,
  meetingRoles,
  improvementKinds,
  closingDayKinds,
  notificationKinds,
  deliveryStatuses,
  documentDirections,
  documentSources,
  citizenResults,
  handlingForms,
  caseEventKinds,
  caseEventActors,
  caseEventSubjects,
  staffLogKinds,
  inboundMailStatuses,
} as const;

export type ChoiceListName = keyof typeof choiceLists;

export type Channel = keyof typeof channels;
export type Purpose = keyof typeof purposes;
export type ComplaintTheme = keyof typeof complaintThemes;
export type CitizenResult = keyof typeof citizenResults;
export type HandlingForm = keyof typeof handlingForms;
export type Identity = keyof typeof identities;
export type OutOfScopeReason = keyof typeof outOfScopeReasons;
export type ComplaintStatus = keyof typeof complaintStatuses;
export type StatementRequestStatus = keyof typeof statementRequestStatuses;
export type OpinionKind = keyof typeof opinionKinds;
export type OpinionOutcome = keyof typeof opinionOutcomes;
export type Perspective = keyof typeof perspectives;
export type ComplainantKind = keyof typeof complainantKinds;

/**
 * The same values as the public complaint form offers them, in the citizen's own words. The
 * identities are offered with their labels above.
 */
export const citizenChoices = {
  purposes: {
    klage: 'Jeg vil klage',
    raadgivning: 'Jeg vil have råd og vejledning',
    genoptagelse: 'Jeg ønsker, at kommunen genoptager min sag',
    // Vejvisning is the advisor's classification of an inquiry, not a choice on the form.
  } satisfies Record<Exclude<Purpose, 'vejvisning'>, string>,
  complainantKinds: {
    citizen: 'Borger i kommunen',
    business: 'Virksomhed i kommunen',
    affected_citizen: 'Borger, der er væsentligt berørt af et forhold, som rammer flere borgere',
  } satisfies Record<ComplainantKind, string>,
} as const;

export type ClosingDayKind = keyof typeof closingDayKinds;
export type NotificationKind = keyof typeof notificationKinds;
