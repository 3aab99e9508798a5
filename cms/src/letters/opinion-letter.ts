/**
 * The opinion letter (R13–R14): a printable Danish HTML document on the municipality's
 * letterhead (config/municipality.json) with the outcome, the perspectives assessed, the
 * reasoning and the recommendations. Plain function, no Strapi import.
 *
 * Who reads it decides what it names: the center's copy never names a citizen who is anonymous
 * or confidential (R8); the citizen's copy and the case file's copy name the named citizen.
 */
import { danishDate, escapeHtml, opinionOutcomes, perspectives, type Municipality } from '@borgerraadgiver/config';

export type LetterAudience = 'center' | 'citizen';

export interface LetterInput {
  municipality: Municipality;
  audience: LetterAudience;
  caseNumber: string | null;
  centerName: string | null;
  /** 'named' | 'confidential' | 'anonymous' */
  identity: string | null;
  citizenName: string | null;
  outcome: keyof typeof opinionOutcomes | null;
  issuedAt: Date;
  perspectives: Partial<Record<keyof typeof perspectives, string | null>>;
  reasoning: string | null;
  recommendations: string[];
}

const paragraphs = (value: string) =>
  value
    .split(/\n{2,}/)
    .map((part) => `<p>${escapeHtml(part.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

/** Who the letter may name as the complainant. */
export function complainantFor(input: Pick<LetterInput, 'audience' | 'identity' | 'citizenName'>): string {
  if (input.identity === 'named' && input.citizenName?.trim()) return input.citizenName.trim();
  return input.audience === 'center' ? 'en borger, der ønsker at være anonym over for kommunen' : 'dig';
}

export function renderOpinionLetter(input: LetterInput): { title: string; html: string } {
  const m = input.municipality;
  const outcome = input.outcome ? opinionOutcomes[input.outcome] : 'Udtalelse';
  const title = `Borgerrådgiverens udtalelse${input.caseNumber ? ` i sag ${input.caseNumber}` : ''}`;
  const recipient =
    input.audience === 'center'
      ? `Til ledelsen i ${input.centerName ?? 'centret'}`
      : input.identity === 'named' && input.citizenName
        ? `Til ${input.citizenName}`
        : 'Til borgeren';
  const assessed = (Object.keys(perspectives) as (keyof typeof perspectives)[])
    .filter((field) => input.perspectives[field]?.trim())
    .map((field) => `<h3>${escapeHtml(perspectives[field])}</h3>\n${paragraphs(input.perspectives[field]!)}`);
  const body = [
    `<p>Borgerrådgiveren har behandlet en henvendelse fra ${escapeHtml(complainantFor(input))} om ${escapeHtml(input.centerName ?? 'kommunen')}${input.caseNumber ? ` (sag ${escapeHtml(input.caseNumber)})` : ''}.</p>`,
    `<h2>Resultat: ${escapeHtml(outcome)}</h2>`,
    ...(assessed.length ? ['<h2>Vurdering</h2>', ...assessed] : []),
    ...(input.reasoning?.trim() ? ['<h2>Begrundelse</h2>', paragraphs(input.reasoning)] : []),
    ...(input.recommendations.length
      ? ['<h2>Anbefalinger</h2>', `<ol>${input.recommendations.map((text) => `<li>${escapeHtml(text)}</li>`).join('')}</ol>`]
      : []),
    '<p>Udtalelsen er borgerrådgiverens vurdering og er ikke en afgørelse. Finder borgerrådgiveren fejl, forventes centret at genoptage sagen, og borgerrådgiveren følger op på anbefalingerne.</p>',
  ];
  const html = `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
  @page { size: A4; margin: 25mm 20mm; }
  body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.5; color: #1a1a1a; max-width: 170mm; margin: 0 auto; }
  header { display: flex; justify-content: space-between; border-bottom: 2px solid #005a8c; padding-bottom: 8pt; margin-bottom: 16pt; }
  header .sender { font-size: 9pt; text-align: right; }
  h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 16pt; } h3 { font-size: 11pt; }
  footer { margin-top: 24pt; }
</style>
</head>
<body>
<header>
  <div><strong>${escapeHtml(m.name)}</strong><br>${escapeHtml(m.advisorTitle)}</div>
  <div class="sender">${escapeHtml(m.address.building)}<br>${escapeHtml(m.address.street)}<br>${escapeHtml(`${m.address.postalCode} ${m.address.city}`)}<br>Tlf. ${escapeHtml(m.phone)}<br>${escapeHtml(m.email)}</div>
</header>
<p>${escapeHtml(recipient)}</p>
<p>${escapeHtml(danishDate(input.issuedAt))}</p>
<h1>${escapeHtml(title)}</h1>
${body.join('\n')}
<footer><p>Venlig hilsen<br>${escapeHtml(m.advisorTitle)}, ${escapeHtml(m.name)}</p></footer>
</body>
</html>
`;
  return { title, html };
}
