import type { Core } from '@strapi/strapi';
import { CENTER, COMPLAINT, IMPROVEMENT_ACTIVITY, OPINION, RECOMMENDATION, STATEMENT_REQUEST } from '../content-types';
import type { DocumentInput } from '../strapi-types';

type Complaint = DocumentInput<typeof COMPLAINT>;

const DEMO_MARK = '[demo]';
const day = 86400000;

interface DemoCase {
  daysAgo: number;
  center: number;
  title: string;
  description: string;
  purpose?: Complaint['purpose'];
  channel?: Complaint['channel'];
  category?: Complaint['category'];
  identity?: Complaint['identity'];
  citizenName?: string;
  /** Days between the decision or matter and the inquiry. */
  eventBefore: number;
  /** The statuses the case goes through, in order. */
  path: NonNullable<Complaint['caseStatus']>[];
  outOfScopeReason?: Complaint['outOfScopeReason'];
  dialogOutcome?: string;
  statement?: { questions: string; answered?: string };
  opinion?: { outcome: DocumentInput<typeof OPINION>['outcome']; legalPerspective: string; reasoning: string; recommendation?: string };
}

const cases: DemoCase[] = [
  {
    daysAgo: 300,
    center: 0,
    title: 'Manglende partshøring i sag om aflastning',
    description: 'Borgeren oplever, at der blev truffet afgørelse om aflastning uden at hun blev hørt over oplysninger fra skolen.',
    category: 'sagsbehandling',
    eventBefore: 40,
    citizenName: 'Mette Jensen',
    path: ['visitation', 'undersoegelse', 'udtalelse_afgivet', 'afsluttet'],
    statement: {
      questions: 'Blev borgeren partshørt over skolens udtalelse, jf. forvaltningslovens § 19? Send gerne sagens akter.',
      answered: 'Centret har gennemgået sagen. Borgeren blev ikke partshørt over skolens udtalelse. Vi har genoptaget sagen.',
    },
    opinion: {
      outcome: 'kritik',
      legalPerspective: 'Forvaltningslovens § 19 om partshøring er ikke overholdt.',
      reasoning: 'Oplysningerne fra skolen var til ugunst for borgeren og af væsentlig betydning for afgørelsen.',
      recommendation: 'Centret bør indføre en tjekliste for partshøring i sager om aflastning.',
    },
  },
  {
    daysAgo: 280,
    center: 1,
    title: 'Lang ventetid på svar om sygedagpenge',
    description: 'Borgeren har ventet syv uger på svar og har ikke fået at vide, hvornår sagen forventes afgjort.',
    category: 'sagsbehandling',
    eventBefore: 20,
    citizenName: 'Lars Nielsen',
    path: ['dialog', 'loest_ved_dialog'],
    dialogOutcome: 'Afdelingslederen kontaktede borgeren samme dag, og afgørelsen blev sendt inden for en uge.',
  },
  {
    daysAgo: 250,
    center: 4,
    title: 'Klage over naboens hegn',
    description: 'Borgeren er utilfreds med naboens nye hegn og ønsker, at kommunen griber ind.',
    eventBefore: 30,
    citizenName: 'Henrik Madsen',
    path: ['visitation', 'afvist', 'afsluttet'],
    outOfScopeReason: 'privatretlig',
  },
  {
    daysAgo: 230,
    center: 2,
    title: 'Uvenlig tone ved telefonisk henvendelse',
    description: 'Borgeren oplevede at blive talt ned til, da hun ringede om sin mors hjemmepleje.',
    category: 'betjening',
    eventBefore: 5,
    citizenName: 'Anne Christensen',
    path: ['dialog', 'loest_ved_dialog'],
    dialogOutcome: 'Centerchefen har beklaget over for borgeren og taget sagen op i personalegruppen.',
  },
  {
    daysAgo: 210,
    center: 3,
    title: 'Afslag på skoleskift uden begrundelse',
    description: 'Forældrene har fået afslag på skoleskift, men afgørelsen indeholder ingen begrundelse.',
    category: 'sagsbehandling',
    eventBefore: 14,
    citizenName: 'Peter Hansen',
    path: ['visitation', 'undersoegelse', 'udtalelse_afgivet', 'afsluttet'],
    statement: {
      questions: 'Hvorfor indeholder afgørelsen ingen begrundelse, jf. forvaltningslovens §§ 22-24?',
      answered: 'Afgørelsen burde have været begrundet. Vi har sendt en ny afgørelse med begrundelse og klagevejledning.',
    },
    opinion: {
      outcome: 'henstilling',
      legalPerspective: 'Afgørelsen opfylder ikke begrundelseskravet i forvaltningslovens § 22.',
      reasoning: 'Centret har selv rettet fejlen; borgerrådgiveren henstiller, at skabelonerne gennemgås.',
      recommendation: 'Gennemgå brevskabeloner for afslag, så de altid indeholder begrundelse og klagevejledning.',
    },
  },
  {
    daysAgo: 190,
    center: 5,
    title: 'Rykkergebyr trods betaling',
    description: 'Virksomheden har fået rykkergebyr, selv om regningen var betalt rettidigt.',
    eventBefore: 10,
    channel: 'email',
    path: ['dialog', 'loest_ved_dialog'],
    dialogOutcome: 'Opkrævningen har annulleret gebyret og rettet en fejl i indbetalingsmatchningen.',
  },
  {
    daysAgo: 170,
    center: 1,
    title: 'Spørgsmål om aktindsigt',
    description: 'Borgeren vil vide, hvordan man søger aktindsigt i sin jobcentersag.',
    purpose: 'raadgivning',
    channel: 'phone',
    eventBefore: 3,
    path: ['loest_ved_dialog'],
    dialogOutcome: 'Borgeren er vejledt om aktindsigt efter forvaltningsloven og har fået kontaktoplysninger.',
  },
  {
    daysAgo: 150,
    center: 6,
    title: 'Affald ikke afhentet i tre uger',
    description: 'Dagrenovationen er ikke blevet hentet i tre uger trods flere henvendelser.',
    category: 'faktisk_forvaltning',
    eventBefore: 21,
    channel: 'phone',
    citizenName: 'Karin Olsen',
    path: ['dialog', 'loest_ved_dialog'],
    dialogOutcome: 'Vej og Trafik har fået afhentet affaldet og aftalt ny rute med renovatøren.',
  },
  {
    daysAgo: 120,
    center: 0,
    title: 'Klage over afgørelse om tabt arbejdsfortjeneste',
    description: 'Borgeren er uenig i beregningen af tabt arbejdsfortjeneste.',
    eventBefore: 25,
    citizenName: 'Sofie Larsen',
    path: ['visitation', 'afvist', 'afsluttet'],
    outOfScopeReason: 'anden_klageinstans',
  },
  {
    daysAgo: 90,
    center: 2,
    title: 'Anonym henvendelse om forhold på plejecenter',
    description: 'En pårørende oplyser om gentagne forsinkede besøg på et plejecenter.',
    identity: 'anonymous',
    eventBefore: 15,
    path: ['visitation', 'afvist'],
    outOfScopeReason: 'anonym',
  },
  {
    daysAgo: 60,
    center: 4,
    title: 'Byggesag trukket i langdrag',
    description: 'Ansøgning om byggetilladelse har ligget uden svar i fem måneder.',
    category: 'sagsbehandling',
    eventBefore: 150,
    citizenName: 'Jens Poulsen',
    path: ['dialog', 'undersoegelse'],
    statement: { questions: 'Hvad er status på sagen, og hvorfor er borgeren ikke orienteret om den forventede sagsbehandlingstid?' },
  },
  {
    daysAgo: 30,
    center: 3,
    title: 'Forskelsbehandling ved optagelse i SFO',
    description: 'Forældre oplever, at deres barn med handicap blev afvist i SFO på et uklart grundlag.',
    category: 'diskrimination',
    eventBefore: 20,
    citizenName: 'Maria Petersen',
    path: ['visitation', 'undersoegelse'],
    statement: { questions: 'Redegør for grundlaget for afvisningen og for, hvordan barnets behov blev vurderet.' },
  },
  {
    daysAgo: 12,
    center: 1,
    title: 'Ikke indkaldt til samtale',
    description: 'Borgeren fik sanktion for udeblivelse fra en samtale, hun ikke var indkaldt til.',
    category: 'sagsbehandling',
    eventBefore: 9,
    citizenName: 'Camilla Rasmussen',
    path: ['visitation'],
  },
  {
    daysAgo: 4,
    center: 2,
    title: 'Spørgsmål om klagemuligheder',
    description: 'Borgeren vil vide, hvor han kan klage over en afgørelse om hjælpemidler.',
    purpose: 'raadgivning',
    channel: 'email',
    eventBefore: 7,
    path: [],
  },
  {
    daysAgo: 1,
    center: 6,
    title: 'Vejarbejde uden varsel',
    description: 'Borgeren kunne ikke komme ud af sin indkørsel i to dage på grund af vejarbejde uden varsel.',
    category: 'faktisk_forvaltning',
    channel: 'web',
    eventBefore: 2,
    citizenName: 'Thomas Sørensen',
    path: [],
  },
];

/** Demo cases through the Document Service, so the rules apply as for any other write. Returns how many were made. */
export async function seedDemoCases(strapi: Core.Strapi): Promise<number> {
  const existing = await strapi.db.query(COMPLAINT).count({ where: { internalNotes: { $contains: DEMO_MARK } } });
  if (existing > 0) return 0;
  const centers = await strapi.db.query(CENTER).findMany({ orderBy: { id: 'asc' } });
  if (!centers.length) throw new Error('No centers: start the CMS once so the base data is seeded.');
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * day).toISOString();
  const complaints = strapi.documents(COMPLAINT);

  for (const demo of cases) {
    const center = centers[demo.center % centers.length];
    const received = demo.daysAgo;
    let complaint = await complaints.create({
      data: {
        receivedAt: at(received),
        eventDate: at(received + demo.eventBefore).slice(0, 10),
        channel: demo.channel ?? 'web',
        purpose: demo.purpose ?? 'klage',
        category: demo.category,
        identity: demo.identity ?? 'named',
        complainantKind: 'citizen',
        caseStatus: 'modtaget',
        citizenName: demo.citizenName,
        title: demo.title,
        description: demo.description,
        center: center.documentId,
        centerHadOpportunity: Boolean(demo.statement),
        formalComplaintToUnit: Boolean(demo.statement),
        outOfScopeReason: demo.outOfScopeReason,
        dialogOutcome: demo.dialogOutcome,
        internalNotes: `${DEMO_MARK} Demodata.`,
        firstActionAt: demo.path.length ? at(received - 1) : undefined,
      },
    });
    for (const [index, caseStatus] of demo.path.entries()) {
      const closing = ['afvist', 'henvist', 'loest_ved_dialog', 'afsluttet'].includes(caseStatus);
      if (caseStatus === 'udtalelse_afgivet' && demo.opinion) {
        const { recommendation, ...opinionTexts } = demo.opinion;
        const opinion = await strapi.documents(OPINION).create({
          data: {
            kind: 'case',
            title: demo.title,
            complaint: complaint.documentId,
            issuedAt: at(received - 30),
            ...opinionTexts,
          },
        });
        if (recommendation) {
          await strapi.documents(RECOMMENDATION).create({
            data: {
              opinion: opinion.documentId,
              text: recommendation,
              center: center.documentId,
              followUpStatus: 'accepteret',
              caseReopened: true,
            },
          });
        }
      }
      complaint = (await complaints.update({
        documentId: complaint.documentId,
        data: { caseStatus, ...(closing && !complaint.closedAt ? { closedAt: at(Math.max(received - 5 - index * 7, 0)) } : {}) },
      }))!;
      if (caseStatus === 'undersoegelse' && demo.statement) {
        const requestedAt = at(Math.max(received - 3, 1));
        const request = await strapi.documents(STATEMENT_REQUEST).create({
          data: { complaint: complaint.documentId, questions: demo.statement.questions, requestedAt, sentOutsideSystem: true, requestStatus: 'sendt' },
        });
        if (demo.statement.answered) {
          await strapi.documents(STATEMENT_REQUEST).update({
            documentId: request.documentId,
            data: {
              requestStatus: 'besvaret',
              responseText: demo.statement.answered,
              respondedAt: at(Math.max(received - 15, 0)),
              respondentName: 'Afdelingsleder',
              respondentTitle: 'Afdelingsleder',
            },
          });
        }
      }
    }
  }

  const improvement = strapi.documents(IMPROVEMENT_ACTIVITY);
  const activities = [
    { kind: 'undervisning', title: 'Undervisning i partshøring for sagsbehandlere', daysAgo: 200, hours: 6, center: 0 },
    { kind: 'moede_centerchef', title: 'Halvårligt møde med centerchefen', daysAgo: 160, hours: 2, center: 1 },
    { kind: 'vejledning', title: 'Vejledning om begrundelse af afslag', daysAgo: 140, hours: 3, center: 3 },
    { kind: 'forbedringsprojekt', title: 'Nye brevskabeloner for afgørelser', daysAgo: 100, hours: 20, center: 3 },
    { kind: 'tilbagemelding', title: 'Tilbagemelding om sagsbehandlingstider', daysAgo: 45, hours: 4, center: 4 },
  ] as const;
  for (const activity of activities) {
    await improvement.create({
      data: {
        kind: activity.kind,
        title: activity.title,
        date: at(activity.daysAgo).slice(0, 10),
        hours: activity.hours,
        center: centers[activity.center % centers.length].documentId,
      },
    });
  }
  return cases.length;
}
