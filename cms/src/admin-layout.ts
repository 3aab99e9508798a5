/**
 * The admin panel's layout of each content type: Danish labels with help texts, list columns, sort
 * order, and the fields the system computes. Also the one source of field labels for messages, the
 * journal, the access export and search.
 */
import {
  CASE_DOCUMENT,
  CASE_EVENT,
  CENTER,
  CLOSING_DAY,
  COMPLAINT,
  IMPROVEMENT_ACTIVITY,
  INBOUND_MAIL,
  INSTITUTION,
  MEETING,
  NOTIFICATION,
  OPINION,
  RECOMMENDATION,
  STAFF_LOG,
  STATEMENT_REQUEST,
} from './content-types';

interface TypeLayout {
  mainField: string;
  sort: [string, 'ASC' | 'DESC'];
  /** Columns of the list view, in order. */
  list: string[];
  /** Danish label per field, with an optional help text. */
  labels: Record<string, string | [string, string]>;
  /** Fields the system computes: shown, not editable. */
  readOnly?: string[];
  /** Technical fields: not in the edit view. */
  hidden?: string[];
}

const ACTIVE_LABEL: [string, string] = [
  'Aktiv',
  'Et inaktivt center vises ikke i klageformularen og kan ikke få nye anmodninger, men bliver i rapporterne. Et center med sager kan ikke slettes.',
];

export const layouts: Record<string, TypeLayout> = {
  // Written by the inbox; the advisor files a message with the actions beside it (admin/inbox/MailPanel).
  [INBOUND_MAIL]: {
    mainField: 'subject',
    sort: ['receivedAt', 'DESC'],
    list: ['receivedAt', 'mailStatus', 'subject', 'fromAddress', 'complaint'],
    labels: {
      receivedAt: 'Modtaget',
      mailStatus: ['Status', '»Ikke tilknyttet« betyder, at e-mailen venter på, at du knytter den til en sag eller opretter en ny henvendelse.'],
      reason: 'Begrundelse',
      fromAddress: 'Afsenderens e-mail',
      fromName: 'Afsender',
      subject: 'Emne',
      text: 'Tekst',
      complaint: 'Sag',
      statementRequest: 'Anmodning om redegørelse',
      notification: 'Udsendelse (returmail)',
      original: 'Den oprindelige e-mail',
      attachments: 'Vedhæftede filer',
      refusedAttachments: ['Afviste vedhæftede filer', 'Filer, der ikke blev gemt, med årsagen. De findes stadig i den oprindelige e-mail, hvis den er gemt.'],
    },
    readOnly: [
      'receivedAt',
      'mailStatus',
      'reason',
      'fromAddress',
      'fromName',
      'subject',
      'text',
      'complaint',
      'statementRequest',
      'notification',
      'original',
      'attachments',
      'refusedAttachments',
    ],
    // The message's idempotency key (a hash of its Message-ID).
    hidden: ['messageKey'],
  },
  [COMPLAINT]: {
    mainField: 'caseNumber',
    sort: ['receivedAt', 'DESC'],
    list: ['caseNumber', 'receivedAt', 'caseStatus', 'center', 'citizenName', 'title', 'purpose'],
    readOnly: [
      'caseNumber',
      'firstActionAt',
      'closedAt',
      'statementRequests',
      'opinions',
      'meetings',
      'documents',
      'anonymisedAt',
      'retentionHoldUntil',
      'retentionHoldReason',
    ],
    // Technical: the version of the citizen's links (Luk borgerens link raises it). The requests,
    // opinions, meetings and the case file are listed, named and linked in "Sagens overblik" beside
    // the form, and the case's dates stand there: every field in the form costs the page's speed.
    hidden: ['citizenLinkVersion', 'statementRequests', 'opinions', 'meetings', 'documents', 'firstActionAt', 'closedAt'],
    labels: {
      caseNumber: ['Sagsnummer', 'Tildeles automatisk ved registrering.'],
      receivedAt: 'Modtaget',
      channel: 'Kanal',
      purpose: ['Formål', 'Klage, rådgivning, vejvisning (borgeren vises videre til rette sted) eller genoptagelse.'],
      category: ['Kategori', 'Hvad henvendelsen drejer sig om (sagsbehandling, betjening, praktiske opgaver, diskrimination).'],
      complaintThemes: ['Klagetemaer', 'Et eller flere temaer, som årsberetningen opgør henvendelserne efter.'],
      handling: ['Behandlingsform', 'Dialog med enheden, videresendt til enheden til besvarelse, mægling eller undersøgelse.'],
      citizenResult: ['Resultat for borgeren', 'Medhold, delvist medhold eller ikke medhold, uanset det formelle udfald.'],
      complainantKind: ['Henvender sig som', 'Borger, virksomhed eller væsentligt berørt borger i en sag for en bredere kreds.'],
      caseStatus: 'Status',
      title: 'Emne',
      description: 'Henvendelsens indhold',
      eventDate: ['Dato for afgørelse eller forhold', 'Klagefristen på et år regnes herfra.'],
      center: 'Center',
      institution: 'Institution',
      formalComplaintToUnit: 'Klaget til enheden først',
      centerHadOpportunity: ['Centret har haft mulighed for at svare', 'Krav før en egentlig undersøgelse.'],
      identity: ['Identitet', 'Med navn, anonym over for kommunen eller helt anonym.'],
      citizenName: 'Navn',
      citizenEmail: 'E-mail',
      citizenPhone: 'Telefon',
      citizenAddress: 'Adresse',
      businessName: 'Virksomhed',
      cvr: 'CVR-nummer',
      outOfScopeReason: ['Afvisningsgrund', 'Udfyldes, når henvendelsen ligger uden for borgerrådgiverens område.'],
      timeLimitException: ['Undtagelse fra klagefristen', 'Kræver begrundelse og alle tre betingelser.'],
      timeLimitExceptionReason: 'Begrundelse for undtagelsen',
      exceptionLegalInterest: 'Fortsat retlig interesse for borgeren',
      exceptionCanBeClarified: 'Sagen kan oplyses tilstrækkeligt',
      exceptionCanImprove: 'Undersøgelsen kan forbedre sagsbehandlingen',
      specialCaseReason: ['Særligt tilfælde (anonym henvendelse)', 'Fx mistanke om fortsatte grove fejl, der berører en bredere kreds.'],
      referredTo: 'Henvist til',
      dialogOutcome: 'Resultat af dialogen',
      internalNotes: 'Interne noter',
      firstActionAt: 'Første handling',
      closedAt: 'Afsluttet',
      anonymisedAt: ['Anonymiseret', 'Personoplysningerne er fjernet; sagsnummer, datoer, center, kategorier og resultater er bevaret.'],
      retentionHoldUntil: ['Anonymisering udsat til', 'Sættes under "Sager til anonymisering".'],
      retentionHoldReason: 'Begrundelse for udsættelsen',
      statementRequests: 'Anmodninger om redegørelse',
      opinions: 'Udtalelser',
      meetings: 'Møder',
      documents: 'Sagsdokumenter',
      revokeCitizenLink: ['Luk borgerens link', 'Alle links til sagens side, som borgeren har fået, holder op med at virke.'],
    },
  },
  [STATEMENT_REQUEST]: {
    mainField: 'heading',
    sort: ['dueAt', 'ASC'],
    list: ['heading', 'center', 'requestedAt', 'dueAt', 'agreedDueAt', 'requestStatus'],
    // The statement is the center's document: it arrives through the center's link.
    readOnly: ['heading', 'dueAt', 'dueAtExplanation', 'responseText', 'respondedAt', 'respondentName', 'respondentTitle'],
    hidden: ['linkVersion'],
    labels: {
      heading: 'Anmodning',
      reissueLink: ['Send nyt link til centret', 'Tidligere links holder op med at virke, og centret får et nyt link.'],
      complaint: 'Henvendelse',
      center: 'Center',
      questions: ['Spørgsmål til centret', 'Centret ser spørgsmålene, sagsnummeret og fristen — aldrig en anonym borgers identitet.'],
      caseSummary: [
        'Sagsresumé til centret',
        'Det, centret ser om sagen. Skal udfyldes, når borgeren er anonym; ellers ser centret borgerens egen beskrivelse.',
      ],
      requestsFileAccess: 'Anmoder om aktindsigt i sagens akter',
      requestedAt: ['Anmodet', 'Udfyldes af systemet, når det sender anmodningen. Kun ved "Sendt uden om systemet": tidspunktet, anmodningen blev sendt.'],
      sentOutsideSystem: [
        'Sendt uden om systemet',
        'Markér, hvis anmodningen allerede er sendt på anden vis (fx med brev). Så sender systemet ingen anmodning; fristen regnes fra "Anmodet", og centret får kun påmindelser og rykkere.',
      ],
      dueAt: ['Frist', 'To uger efter anmodningen, flyttet til næste arbejdsdag.'],
      dueAtExplanation: 'Sådan er fristen beregnet',
      agreedDueAt: ['Aftalt frist', 'Kun hvis en anden frist er aftalt med centret.'],
      agreementNote: 'Note om aftalen',
      requestStatus: 'Status',
      responseText: 'Redegørelse',
      respondedAt: 'Besvaret',
      respondentName: 'Besvaret af',
      respondentTitle: 'Stilling',
    },
  },
  [OPINION]: {
    mainField: 'heading',
    sort: ['issuedAt', 'DESC'],
    list: ['heading', 'kind', 'complaint', 'outcome', 'issuedAt', 'center'],
    readOnly: ['heading', 'recommendations'],
    labels: {
      heading: 'Udtalelse',
      kind: 'Type',
      title: 'Titel',
      complaint: 'Henvendelse',
      center: 'Center',
      outcome: 'Resultat',
      legalPerspective: ['Juridisk perspektiv', 'Er forvaltningsloven, offentlighedsloven m.v. overholdt?'],
      ethicalPerspective: ['Etisk perspektiv', 'Har kontakten til borgeren været hensigtsmæssig?'],
      equalityPerspective: ['Lighedsperspektiv', 'Er borgeren blevet betjent ringere end andre?'],
      valuesPerspective: ['Kommunens værdigrundlag', 'Er værdigrundlaget overholdt?'],
      reasoning: ['Begrundelse', 'Skal udfyldes ved Kritik, Henstilling og Ingen kritik.'],
      recommendations: ['Anbefalinger', 'Skrives i "Afgiv udtalelse" på sagen og knyttes til udtalelsen.'],
      issuedAt: 'Afgivet',
      addressedTo: ['Stilet til', 'Generelle udtalelser stiles som udgangspunkt til Kommunaldirektøren.'],
      withdrawnAt: ['Tilbagekaldt', 'En afgivet udtalelse slettes ikke; den tilbagekaldes med dato og begrundelse.'],
      withdrawalReason: 'Begrundelse for tilbagekaldelse',
      feedbackRequested: ['Bed om tilbagemelding', 'Borgerrådgiveren vil gerne vide, om udtalelsen fører til ændringer.'],
      feedbackReceivedAt: 'Tilbagemelding modtaget',
      feedbackNote: 'Tilbagemelding',
      addresseeEmail: ['Modtagerens e-mail', 'Til hvem opfølgningen på udtalelsen sendes; tom: borgerrådgiveren bliver mindet om at følge op.'],
    },
  },
  [RECOMMENDATION]: {
    mainField: 'heading',
    sort: ['createdAt', 'DESC'],
    list: ['heading', 'opinion', 'center', 'followUpStatus', 'caseReopened'],
    readOnly: ['heading'],
    labels: {
      heading: 'Anbefaling',
      opinion: 'Udtalelse',
      text: 'Anbefaling',
      center: 'Center',
      followUpStatus: 'Opfølgning',
      followUpNote: 'Note om opfølgning',
      caseReopened: 'Sagen er genoptaget',
      followedUpAt: 'Fulgt op',
    },
  },
  [MEETING]: {
    mainField: 'heading',
    sort: ['heldAt', 'DESC'],
    list: ['heading', 'heldAt', 'role', 'place'],
    readOnly: ['heading'],
    labels: { heading: 'Møde', complaint: 'Henvendelse', heldAt: 'Tidspunkt', role: 'Borgerrådgiverens rolle', place: 'Sted', notes: 'Noter' },
  },
  [CASE_DOCUMENT]: {
    mainField: 'title',
    sort: ['registeredAt', 'DESC'],
    list: ['registeredAt', 'title', 'complaint', 'direction', 'source'],
    readOnly: ['registeredAt'],
    hidden: ['sizeBytes'],
    labels: {
      complaint: 'Henvendelse',
      title: 'Titel',
      file: ['Fil', 'PDF, billeder, Office-dokumenter eller tekst. Filen kontrolleres og virusscannes, før den gemmes.'],
      direction: ['Retning', 'Modtaget, sendt eller internt notat.'],
      source: 'Fra',
      registeredAt: 'Registreret',
      statementRequest: 'Anmodning om redegørelse',
      opinion: 'Udtalelse',
      sizeBytes: 'Størrelse',
      note: 'Note',
    },
  },
  [IMPROVEMENT_ACTIVITY]: {
    mainField: 'title',
    sort: ['date', 'DESC'],
    list: ['date', 'title', 'kind', 'center', 'hours'],
    labels: { kind: 'Type', title: 'Titel', date: 'Dato', hours: 'Timer', center: 'Center', description: 'Beskrivelse' },
  },
  [CENTER]: {
    mainField: 'name',
    sort: ['name', 'ASC'],
    list: ['name', 'email', 'chiefEmail', 'active'],
    readOnly: ['complaints'],
    labels: {
      name: 'Navn',
      email: ['E-mail til afdelingsleder', 'Modtager anmodninger om redegørelse.'],
      chiefEmail: ['E-mail til centerchef', 'Modtager påmindelser, når en redegørelse er forsinket.'],
      chiefName: 'Centerchef',
      headName: 'Afdelingsleder',
      institutions: 'Institutioner',
      complaints: 'Henvendelser',
      active: ACTIVE_LABEL,
    },
  },
  [INSTITUTION]: {
    mainField: 'name',
    sort: ['name', 'ASC'],
    list: ['name', 'center', 'active'],
    labels: { name: 'Navn', center: 'Center', active: ACTIVE_LABEL },
  },
  [CLOSING_DAY]: {
    mainField: 'name',
    sort: ['date', 'ASC'],
    list: ['date', 'name', 'kind', 'active'],
    labels: {
      date: 'Dato',
      name: 'Navn',
      kind: [
        'Type',
        'helligdag eller lukkedag: en fridag ud over de lovbestemte helligdage, som altid regnes med. arbejdsdag: en undtagelse, der gør en helligdag eller lukkedag til arbejdsdag på netop denne dato.',
      ],
      active: ['Slået til', 'Rækken gælder kun i fristberegningen, når den er slået til.'],
    },
  },
  // Every e-mail planned or sent (read-only: the outbox writes it). Named by what it is and its case.
  [NOTIFICATION]: {
    mainField: 'heading',
    sort: ['notBefore', 'DESC'],
    list: ['notBefore', 'kind', 'complaint', 'statementRequest', 'recipient', 'deliveryStatus'],
    readOnly: [
      'kind',
      'recipient',
      'subject',
      'linkReissued',
      'statementRequest',
      'opinion',
      'complaint',
      'notBefore',
      'deliveryStatus',
      'attempts',
      'lastError',
      'sentAt',
      'statusNote',
    ],
    // The heading names the e-mail (page title, pickers); the form shows its kind.
    hidden: ['heading', 'dueVersion', 'messageId', 'linkVersion', 'sendingSince', 'failureDigest'],
    labels: {
      heading: 'Betegnelse',
      kind: 'E-mail',
      recipient: 'Modtager',
      subject: 'Emne',
      linkReissued: ['Nyt link', 'Anmodningen er sendt igen med et nyt link; de tidligere links virker ikke længere.'],
      statementRequest: 'Anmodning om redegørelse',
      opinion: 'Udtalelse',
      complaint: 'Henvendelse',
      notBefore: 'Afsendes',
      deliveryStatus: 'Status',
      attempts: 'Forsøg',
      lastError: 'Fejl',
      sentAt: 'Sendt',
      statusNote: 'Note',
    },
  },
  // The case journal: read-only everywhere (the system writes it; see journal/writer.ts).
  [CASE_EVENT]: {
    mainField: 'summary',
    sort: ['at', 'DESC'],
    list: ['at', 'caseNumber', 'kind', 'summary', 'actorName', 'actorType'],
    readOnly: ['complaint', 'caseNumber', 'at', 'actorType', 'actorName', 'kind', 'changes', 'summary', 'subjectType'],
    // Ids for the machinery (the actor's user, the document the event concerns): the event names both.
    hidden: ['actorId', 'subjectDocumentId'],
    labels: {
      complaint: 'Henvendelse',
      caseNumber: 'Sagsnummer',
      at: 'Tidspunkt',
      actorType: 'Aktørtype',
      actorName: 'Aktør',
      actorId: 'Bruger-id',
      kind: 'Hændelse',
      changes: ['Ændringer', 'Felt for felt: fra → til. Identitet, kontaktoplysninger og fritekst står kun som ændret.'],
      summary: 'Beskrivelse',
      subjectType: 'Vedrører',
      subjectDocumentId: 'Dokument-id',
    },
  },
  // The staff log: read-only everywhere (the sign-in writes it; see staff-sign-in/log.ts).
  [STAFF_LOG]: {
    mainField: 'summary',
    sort: ['at', 'DESC'],
    list: ['at', 'staffName', 'kind', 'summary'],
    readOnly: ['at', 'kind', 'staffUserId', 'staffName', 'actorName', 'ipHash', 'summary'],
    labels: {
      at: 'Tidspunkt',
      kind: 'Hændelse',
      staffUserId: 'Bruger-id',
      staffName: 'Medarbejder',
      actorName: ['Udført af', 'Når en administrator har ændret en andens totrinsbekræftelse.'],
      ipHash: ['IP-adresse (hashet)', 'Samme adresse giver samme værdi; selve adressen gemmes ikke.'],
      summary: 'Beskrivelse',
    },
  },
};

/** The Danish label of each field of a content type, as the admin shows it (also used by the access export). */
export function fieldLabels(uid: string): Record<string, string> {
  return Object.fromEntries(Object.entries(layouts[uid]?.labels ?? {}).map(([field, entry]) => [field, Array.isArray(entry) ? entry[0] : entry]));
}

/** The Danish name of a field in quotes, for messages; "Feltet" when it has none. */
export function fieldLabel(uid: string, field: string): string {
  const label = fieldLabels(uid)[field];
  return label ? `»${label}«` : 'Feltet';
}

/** Applied to the content manager once per version (seed/content-manager.ts): raise it with every change above. */
export const LAYOUT_VERSION = 10;
