/** A valid named complaint as the public form sends it, about a decision ten days ago. */
export const validComplaint = (overrides: Record<string, unknown> = {}) => ({
  purpose: 'klage',
  center: 'ved ikke',
  eventDate: new Date(Date.now() - 10 * 86400000).toISOString().slice(0, 10),
  description: 'Jeg har ventet fire måneder på svar på min ansøgning.',
  identity: 'named',
  citizenName: 'Karen Jensen',
  citizenEmail: 'karen@example.org',
  complainantKind: 'citizen',
  consent: true,
  ...overrides,
});

/** The public intake as a JSON client uses it: POST /api/public/complaints with a valid named complaint. */
export async function submitComplaint(cmsUrl: string, fields: Record<string, unknown> = {}) {
  const response = await fetch(`${cmsUrl}/api/public/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: validComplaint(fields) }),
  });
  return { status: response.status, body: (await response.json()) as { data?: { caseNumber?: string } } };
}
