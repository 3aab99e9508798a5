/**
 * The emails, in Danish, as HTML and plain text. They carry the case number, the due date and
 * the link; never the complaint's content or the citizen's personal data.
 */
import { caseTag, danishDate, danishDateTime, escapeHtml, notificationKinds } from '@borgerraadgiver/config';
import type { OutboxMessage } from '../cms-client';

export interface RenderedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** The e-mails name the weekday: "fredag den 10. april 2026", "… kl. 08.00". */
const onDate = (iso: string | null) => danishDate(iso, 'weekday') || 'ukendt dato';
const atTime = (iso: string | null) => danishDateTime(iso, 'weekday') || 'ukendt tidspunkt';

/** A paragraph is a string; a link paragraph is { link, label }. */
type Block = string | { link: string; label: string };

function build(message: OutboxMessage, plainSubject: string, greeting: string, blocks: Block[]): RenderedMail {
  // A reply finds its case by the case number in the subject (besides In-Reply-To, cms/src/inbox).
  const aboutCase = message.caseNumber && message.kind !== 'delivery_failures';
  const subject = aboutCase && !plainSubject.includes(message.caseNumber!) ? `${plainSubject} ${caseTag(message.caseNumber!)}` : plainSubject;
  const m = message.municipality;
  const signature = [`Venlig hilsen`, `${m.advisorTitle}, ${m.name}`, `${m.email} · tlf. ${m.phone}`];
  const text = [greeting, '', ...blocks.flatMap((b) => [typeof b === 'string' ? b : `${b.label}:\n${b.link}`, '']), ...signature].join('\n');
  const html = [
    '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>' + escapeHtml(subject) + '</title></head>',
    '<body style="font-family: Arial, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a; max-width: 640px">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...blocks.map((b) =>
      typeof b === 'string'
        ? `<p>${escapeHtml(b).replace(/\n/g, '<br>')}</p>`
        : `<p><a href="${escapeHtml(b.link)}" style="display:inline-block;padding:10px 16px;background:#005a8c;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(b.label)}</a><br><span style="font-size:13px;color:#555">Virker knappen ikke, så kopiér dette link: ${escapeHtml(b.link)}</span></p>`,
    ),
    `<p>${signature.map(escapeHtml).join('<br>')}</p>`,
    '</body></html>',
  ].join('\n');
  return { to: message.recipient, subject, text, html };
}

const caseLabel = (message: OutboxMessage) => (message.caseNumber ? `sag ${message.caseNumber}` : 'sagen');

function linkBlocks(message: OutboxMessage): Block[] {
  if (!message.link) return [];
  return [
    { link: message.link, label: 'Åbn anmodningen og afgiv redegørelsen' },
    `Linket gælder kun denne anmodning og virker til og med ${onDate(message.linkExpiresAt)}. Del det kun med medarbejdere, der skal bidrage til redegørelsen.`,
  ];
}

export function render(message: OutboxMessage): RenderedMail {
  const c = caseLabel(message);
  const due = onDate(message.dueAt);
  const center = message.centerName ?? 'centret';
  switch (message.kind) {
    case 'statement_request':
      return build(message, `${message.linkReissued ? 'Nyt link: ' : ''}Anmodning om redegørelse i ${c} – frist ${due}`, `Til ledelsen i ${center}`, [
        `Borgerrådgiveren beder om en skriftlig redegørelse i ${c}. Spørgsmålene og sagens oplysninger står på siden bag linket, hvor I også afgiver redegørelsen.`,
        ...(message.replacesEarlierLinks ? ['Dette link erstatter de links, I tidligere har fået; de gamle links virker ikke længere.'] : []),
        `Frist: ${due}.`,
        ...linkBlocks(message),
        'Har I brug for en anden frist, så kontakt borgerrådgiveren, så registrerer vi aftalen.',
      ]);
    case 'statement_reminder':
      return build(message, `Påmindelse: Redegørelse i ${c} – frist ${due}`, `Til ledelsen i ${center}`, [
        `Vi minder om, at borgerrådgiveren venter på jeres skriftlige redegørelse i ${c}.`,
        `Frist: ${due}.`,
        ...linkBlocks(message),
      ]);
    case 'statement_overdue':
      return build(message, `Fristen er overskredet: Redegørelse i ${c}`, `Til ledelsen i ${center}`, [
        `Fristen for jeres skriftlige redegørelse i ${c} var ${due}, og vi har endnu ikke modtaget den.`,
        'Afgiv redegørelsen hurtigst muligt, eller kontakt borgerrådgiveren, hvis der er aftalt en anden frist.',
        ...linkBlocks(message),
      ]);
    case 'statement_escalation':
      return build(message, `Redegørelse mangler i ${c} – fristen var ${due}`, `Til centerchefen for ${center}`, [
        // Only what happened: the overdue notice is sent before any escalation (the CMS checks it).
        `Borgerrådgiveren har bedt ${center} om en skriftlig redegørelse i ${c}. Fristen var ${due}, og redegørelsen er endnu ikke modtaget.${message.overdueNoticeSentAt ? ` Afdelingslederen fik ${onDate(message.overdueNoticeSentAt)} besked om, at fristen var overskredet.` : ''}`,
        'Vi beder dig sørge for, at redegørelsen bliver afgivet snarest. Den kan afgives via linket herunder.',
        ...linkBlocks(message),
      ]);
    case 'statement_received':
      return build(message, `Redegørelse modtaget i ${c}`, 'Til borgerrådgiveren', [
        `${center} har afgivet sin redegørelse i ${c} ${atTime(message.respondedAt)}.`,
        'Planlagte påmindelser til centret er annulleret.',
        ...(message.adminUrl ? [{ link: message.adminUrl, label: 'Åbn sagen og læs redegørelsen' }] : []),
      ]);
    case 'mail_received':
      return build(message, `Ny e-mail i ${c}`, 'Til borgerrådgiveren', [
        `Der er kommet en e-mail i ${c}. Den er lagt i sagens dokumenter${message.centerName ? ` og er svar fra ${message.centerName} på anmodningen om redegørelse; vurdér, om den er redegørelsen` : ''}.`,
        ...(message.adminUrl ? [{ link: message.adminUrl, label: 'Åbn sagen i sagssystemet' }] : []),
      ]);
    case 'opinion_followup': {
      const what =
        message.opinionKind === 'general'
          ? `borgerrådgiverens generelle udtalelse${message.opinionTitle ? ` "${message.opinionTitle}"` : ''} af ${onDate(message.issuedAt)}`
          : `borgerrådgiverens udtalelse i ${c} af ${onDate(message.issuedAt)}`;
      if (message.recipient.toLowerCase() === message.municipality.email.toLowerCase()) {
        return build(message, `Husk opfølgning: udtalelse ${message.caseNumber ?? onDate(message.issuedAt)}`, 'Til borgerrådgiveren', [
          `Det er tid til at følge op på ${what}. Du bad om at få besked om, hvorvidt udtalelsen fører til ændringer, og der er ikke registreret en tilbagemelding.`,
          'Kontakt modtageren af udtalelsen, og registrér tilbagemeldingen på udtalelsen.',
          ...(message.adminUrl ? [{ link: message.adminUrl, label: message.caseNumber ? 'Åbn sagen i sagssystemet' : 'Åbn udtalelsen i sagssystemet' }] : []),
        ]);
      }
      return build(message, `Opfølgning på borgerrådgiverens udtalelse${message.caseNumber ? ` i ${c}` : ''}`, 'Til modtageren af udtalelsen', [
        `Borgerrådgiveren bad i ${what} om at få besked om, hvorvidt udtalelsen fører til ændringer.`,
        `Vi vil gerne høre, hvad der er sket. Svar på denne e-mail eller skriv til ${message.municipality.email}.`,
      ]);
    }
    case 'complaint_receipt':
      return build(message, `Kvittering: Vi har modtaget din henvendelse (${c})`, 'Tak for din henvendelse', [
        `Borgerrådgiveren har modtaget din henvendelse. Den har sagsnummer ${message.caseNumber ?? '(tildeles)'}; oplys det, hvis du kontakter os.`,
        'Hvad sker der nu? Borgerrådgiveren læser din henvendelse og vurderer, om den kan løses ved en hurtig dialog med det center, det drejer sig om, eller om den skal undersøges nærmere. Du hører fra os, når vi har set på den. Vi har tavshedspligt.',
        ...(message.link
          ? [
              { link: message.link, label: 'Følg din sag' },
              'På siden kan du se, hvor sagen står, læse borgerrådgiverens udtalelse, når den foreligger, og sende en besked. Linket er personligt; del det ikke med andre.',
            ]
          : []),
        'Af hensyn til dit privatliv gentager vi ikke indholdet af din henvendelse i denne e-mail.',
      ]);
    case 'opinion_letter':
      return build(message, `Borgerrådgiverens udtalelse i ${c}`, `Til ledelsen i ${center}`, [
        `Borgerrådgiveren har afgivet sin udtalelse i ${c} ${onDate(message.issuedAt)}. Udtalelsen med vurdering, begrundelse og eventuelle anbefalinger står på siden bag linket og kan udskrives derfra.`,
        ...(message.link
          ? [
              { link: message.link, label: 'Læs udtalelsen' },
              `Linket virker til og med ${onDate(message.linkExpiresAt)}. Del det kun med medarbejdere, der skal følge op på udtalelsen.`,
            ]
          : []),
        'Finder borgerrådgiveren fejl, forventes centret at genoptage sagen. Borgerrådgiveren følger op på anbefalingerne.',
      ]);
    case 'opinion_letter_citizen':
      return build(message, `Borgerrådgiverens udtalelse i din sag (${c})`, 'Kære borger', [
        `Borgerrådgiveren har afgivet sin udtalelse i din sag ${onDate(message.issuedAt)}. Du kan læse og udskrive den på din sags side.`,
        ...(message.link ? [{ link: message.link, label: 'Læs udtalelsen' }] : []),
        'Udtalelsen er borgerrådgiverens vurdering og er ikke en afgørelse. Har du spørgsmål, er du velkommen til at kontakte os.',
      ]);
    case 'case_closed':
      return build(message, `Din sag er afsluttet (${c})`, 'Kære borger', [
        `Borgerrådgiveren har afsluttet din sag ${message.caseNumber ?? ''}.`.replace(' .', '.'),
        ...(message.closingOutcome ? [message.closingOutcome] : []),
        ...(message.link ? [{ link: message.link, label: 'Se din sag' }] : []),
        `Har du spørgsmål, eller mener du, at sagen ikke er løst, så kontakt borgerrådgiveren på ${message.municipality.email} eller tlf. ${message.municipality.phone}.`,
      ]);
    case 'delivery_failures': {
      const failures = message.failures ?? [];
      return build(message, `${failures.length === 1 ? 'En e-mail' : `${failures.length} e-mails`} kunne ikke afleveres`, 'Til borgerrådgiveren', [
        `Systemet har opgivet at sende ${failures.length === 1 ? 'denne e-mail' : 'disse e-mails'}. Modtageren har ikke fået ${failures.length === 1 ? 'den' : 'dem'}; kontrollér adressen og send igen (fx et nyt link på anmodningen), eller tag kontakt på anden vis.`,
        ...failures.flatMap((failure): Block[] => [
          `${notificationKinds[failure.kind as keyof typeof notificationKinds] ?? failure.kind}${failure.caseNumber ? ` i sag ${failure.caseNumber}` : ''} til ${failure.recipient}, planlagt ${atTime(failure.notBefore)}, ${failure.attempts} forsøg.${failure.error ? `\nFejl: ${failure.error}` : ''}`,
          { link: failure.adminUrl, label: failure.caseNumber ? `Åbn sag ${failure.caseNumber}` : 'Åbn udsendelsen i sagssystemet' },
        ]),
      ]);
    }
    case 'report_reminder':
    case 'ongoing_status':
      return build(message, message.subject || (message.kind === 'report_reminder' ? 'Påmindelse om rapportering' : 'Løbende status'), 'Til borgerrådgiveren', [
        message.kind === 'report_reminder'
          ? `Påmindelse: ${message.subject || 'Det er tid til at forberede rapporteringen.'}`
          : `${message.subject || 'Der er observeret en negativ udvikling.'} Se oversigten i sagssystemet.`,
        ...(message.adminUrl ? [{ link: message.adminUrl, label: 'Åbn sagssystemet' }] : []),
      ]);
    default: {
      // Every kind of the catalogue has its template: a new kind without one fails the type check
      // here. A kind this worker does not know yet (a newer CMS) gets a neutral message.
      const unknown: never = message.kind;
      return build({ ...message, kind: unknown }, `Besked fra borgerrådgiveren (${c})`, 'Til modtageren', [
        `Der er en besked vedrørende ${c} i borgerrådgiverens sagssystem.`,
      ]);
    }
  }
}
