import data from '../municipality.json';

/** The municipality running the system. Another municipality edits config/municipality.json. */
export interface Municipality {
  name: string;
  advisorTitle: string;
  address: { building: string; street: string; postalCode: string; city: string };
  phone: string;
  email: string;
  website: string;
  meetingPlaces: string[];
  municipalDirectorTitle: string;
  /** Demo data seeded on first start; the advisor edits the centers in the admin. */
  centers: { name: string; email: string; chiefEmail: string; institutions: string[] }[];
  /** Municipal closing days (MM-DD) offered as switchable non-working days. */
  closingDays: string[];
}

export const municipality: Municipality = data;
