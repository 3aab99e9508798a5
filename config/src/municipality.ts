import fs from 'fs';
import { z } from 'zod';
import data from '../municipality.json';
import { loadMunicipalityFile } from './settings';

/**
 * The municipality running the system: config/municipality.json, or the file named by
 * MUNICIPALITY_FILE. Every text that names a place, an address or a phone number is built from it.
 */
const municipalitySchema = z.object({
  name: z.string().min(1),
  advisorTitle: z.string().min(1),
  address: z.object({ building: z.string(), street: z.string().min(1), postalCode: z.string().min(1), city: z.string().min(1) }),
  phone: z.string().min(1),
  email: z.email(),
  website: z.url(),
  /** Where the advisor meets citizens, one line each, shown on the contact page. */
  meetingPlaces: z.array(z.string().min(1)),
  municipalDirectorTitle: z.string().min(1),
  /** Shown on the site's privacy and accessibility pages. */
  dataProtection: z.object({
    /** The data controller: the municipality itself. */
    controller: z.object({
      name: z.string().min(1),
      address: z.string().min(1),
      cvr: z.string().regex(/^\d{8}$/, '8 cifre'),
      phone: z.string().min(1),
      email: z.email(),
    }),
    /** The municipality's data protection officer (databeskyttelsesrådgiver, GDPR art. 37). */
    officer: z.object({ name: z.string().min(1), email: z.email(), phone: z.string().min(1) }),
    /** The legal basis of the advisor's processing, one Danish sentence each. */
    legalBasis: z.array(z.string().min(1)),
  }),
  /** The municipality's official accessibility statement (was.digst.dk), linked from the site; null when there is none. */
  accessibilityStatementUrl: z.url().nullable(),
  /** Demo data seeded on first start; the advisor edits the centers in the admin. */
  centers: z.array(z.object({ name: z.string().min(1), email: z.email(), chiefEmail: z.email(), institutions: z.array(z.string().min(1)) })),
  /** Municipal closing days (MM-DD) offered as switchable non-working days. */
  closingDays: z.array(z.string().regex(/^\d{2}-\d{2}$/, 'MM-DD')),
});

export type Municipality = z.infer<typeof municipalitySchema>;

/** Reads and checks the municipality; a bad file stops the process naming the file and every bad field. */
export function loadMunicipality(file = loadMunicipalityFile() ?? undefined): Municipality {
  const source = file ? JSON.parse(fs.readFileSync(file, 'utf8')) : data;
  const result = municipalitySchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`${file ?? 'config/municipality.json'} is not a valid municipality: ${problems.join('; ')}`);
  }
  return result.data;
}

export const municipality: Municipality = loadMunicipality();

/** The office's address and ways in, as the site's contact texts hold them (seeded by the CMS; the site's fallback). */
export function officeContact(m: Municipality = municipality) {
  return {
    contactBuilding: m.address.building,
    contactStreet: m.address.street,
    contactPostalCode: m.address.postalCode,
    contactCity: m.address.city,
    contactPhone: m.phone,
    contactEmail: m.email,
    contactMeetingPlaces: m.meetingPlaces.join('\n'),
  };
}
