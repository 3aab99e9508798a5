/** E-mail into the case: the routing's pure rules (cms/src/inbox/classify.ts, config's case references), table-tested. */
import { caseReferences, caseTag } from '@borgerraadgiver/config';
import { bounceOf, caseNumbersIn, isAutoReply, messageIds, messageKeyOf, outboxIdsOf, type MailFacts } from '../../cms/src/inbox/classify';

const facts = (over: Partial<MailFacts> = {}): MailFacts => ({
  messageId: '<a@example.org>',
  references: [],
  fromAddress: 'borger@example.net',
  fromName: null,
  subject: '',
  text: '',
  headers: {},
  contentType: 'text/plain',
  reportParts: [],
  ...over,
});

test.each([
  ['[Sag 2026-0001]', ['2026-0001']],
  ['SV: Anmodning om redegørelse i sag 2026-0042 – frist fredag', ['2026-0042']],
  ['Kvittering: Vi har modtaget din henvendelse (sag 2026-0007)', ['2026-0007']],
  ['Vedr. sagsnr. 2026-12', ['2026-0012']],
  ['sag 2026-0001 og sag 2026-0002', ['2026-0001', '2026-0002']],
  ['Sag 2026/0003', ['2026-0003']],
  ['Sagen fra 2026', []],
  ['Min sagsbehandler 2026-01-02', []],
])('caseReferences(%j)', (text, expected) => {
  expect(caseReferences(text)).toEqual(expected);
});

test('every case e-mail subject carries a reference that caseReferences reads back', () => {
  expect(caseReferences(`Ny e-mail ${caseTag('2026-0123')}`)).toEqual(['2026-0123']);
});

test('a forwarded reply is found by the tag quoted in its text when the subject was rewritten', () => {
  expect(caseNumbersIn(facts({ subject: 'Til orientering', text: '> Emne: Anmodning [Sag 2026-0005]\n> Hej' }))).toEqual(['2026-0005']);
  // A number the citizen mentions in passing is no reference.
  expect(caseNumbersIn(facts({ subject: 'Ny klage', text: 'Jeg havde også sag 2025-0001 sidste år.' }))).toEqual([]);
});

test('the idempotency key follows the Message-ID (case and brackets aside), else the whole message', () => {
  const raw = Buffer.from('Subject: x\r\n\r\nHej');
  expect(messageKeyOf('<ABC@example.org>', raw)).toBe(messageKeyOf('abc@example.org', Buffer.from('other')));
  expect(messageKeyOf(null, raw)).not.toBe(messageKeyOf(null, Buffer.from('Subject: y\r\n\r\nHej')));
  expect(messageKeyOf(null, raw)).toMatch(/^[a-f0-9]{64}$/);
});

test('message ids and the outbox rows behind the system’s own ids', () => {
  expect(messageIds(['<x@a.dk> <y@b.dk>', '<z@c.dk>'])).toEqual(['x@a.dk', 'y@b.dk', 'z@c.dk']);
  expect(outboxIdsOf(['abc123@lejre.dk', 'other@gmail.com', 'def@LEJRE.DK'], 'Borgerrådgiveren <borgerraadgiveren@lejre.dk>')).toEqual(['abc123', 'def']);
});

test.each([
  [{ 'auto-submitted': 'auto-replied' }, '', true],
  [{ 'auto-submitted': 'no' }, '', false],
  [{ 'x-autoreply': 'yes' }, '', true],
  [{ precedence: 'bulk' }, '', true],
  [{ 'x-auto-response-suppress': 'All' }, 'SV: Anmodning', false],
  [{}, 'Automatisk svar: Anmodning om redegørelse', true],
  [{}, 'Out of Office: ferie', true],
  [{}, 'Fraværende: tilbage mandag', true],
  [{}, 'SV: Fraværende medarbejder i min sag', false],
])('isAutoReply(%j, %j)', (headers, subject, expected) => {
  expect(isAutoReply(facts({ headers: headers as Record<string, string>, subject }))).toBe(expected);
});

test('a DSN that failed is a bounce of the e-mail it quotes; a delay report and an ordinary message are not', () => {
  const report = 'multipart/report; report-type=delivery-status; boundary=x';
  const status = (action: string) => ({
    contentType: 'message/delivery-status',
    text: `Final-Recipient: rfc822; a@b.dk\nAction: ${action}\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n`,
  });
  const quoted = { contentType: 'text/rfc822-headers', text: 'From: x\nMessage-ID: <row1@lejre.dk>\n' };
  expect(bounceOf(facts({ contentType: report, reportParts: [status('failed'), quoted] }))).toEqual({
    originalIds: ['row1@lejre.dk'],
    diagnostic: '550 5.1.1 User unknown',
  });
  expect(bounceOf(facts({ contentType: report, reportParts: [status('delayed'), quoted] }))).toBeNull();
  expect(bounceOf(facts({ subject: 'Undelivered Mail Returned to Sender' }))).toBeNull();
  // A mailer-daemon without a DSN, quoting the returned message in its text.
  expect(
    bounceOf(
      facts({ fromAddress: 'mailer-daemon@mx.dk', subject: 'Mail delivery failed', text: 'Message-ID: <row2@lejre.dk>\n', references: ['row2@lejre.dk'] }),
    ),
  ).toEqual({ originalIds: ['row2@lejre.dk'], diagnostic: 'Mail delivery failed' });
});
