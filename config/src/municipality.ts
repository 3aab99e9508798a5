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
  /** Shown on the site's privacy and accessibility pages. */
  dataProtection: {
    /** The data controller: the municipality itself. */
    controller: { name: string; address: string; cvr: string; phone: string; email: string };
    /** The municipality's data protection officer (databeskyttelsesrådgiver, GDPR art. 37). */
    officer: { name: string; email: string; phone: string };
    /** The legal basis of the advisor's processing, one Danish sentence each. */
    legalBasis: string[];
  };
  /** The municipality's official accessibility statement (was.digst.dk), linked from the site; null when there is none. */
  accessibilityStatementUrl: string | null;
  /** Demo data seeded on first start; the advisor edits the centers in the admin. */
  centers: { name: string; email: string; chiefEmail: string; institutions: string[] }[];
  /** Municipal closing days (MM-DD) offered as switchable non-working days. */
  closingDays: string[];
}

export const municipality: Municipality = data;
