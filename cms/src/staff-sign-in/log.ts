/**
 * The staff log (api::staff-log.staff-log, "Personalelog"): every sign-in, refused password or
 * code, lock-out and change of a second factor, with the staff member, the time and a keyed hash
 * of the IP. Never the code, the password or the secret. Written here alone: the query engine
 * refuses every other write, so no path (admin, REST, scripts) changes or deletes a row.
 */
import { AsyncLocalStorage } from 'async_hooks';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MAX_STRING_LENGTH, staffLogKinds } from '@borgerraadgiver/config';
import { STAFF_LOG } from '../content-types';
import { processWide } from '../utils/process-wide';
import { hashIp } from '../utils/ip-hash';
import { adminUserName } from '../journal';

export type StaffLogKind = keyof typeof staffLogKinds;

export interface StaffMember {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string | null;
}

export interface StaffLogEntry {
  kind: StaffLogKind;
  /** The account concerned; null when a password was refused for an address no account has. */
  user: StaffMember | null;
  ip: string;
  /** Who did it, when not the account itself (an administrator resetting another's factor). */
  actor?: StaffMember | null;
  /** Added to the kind's label, e.g. how long a lock-out lasts. */
  detail?: string;
}

const writing = processWide('staff-log.writing', () => new AsyncLocalStorage<true>());

/** "Name (e-mail)": the log keeps who it was even after the account is renamed or deleted. */
export const staffName = (user: StaffMember) => (user.email ? `${adminUserName(user)} (${user.email})` : adminUserName(user)).slice(0, MAX_STRING_LENGTH);

/** Appends one entry; a failure to log is reported in the server log and never fails the sign-in itself. */
export async function logStaff(strapi: Core.Strapi, entry: StaffLogEntry): Promise<void> {
  const summary = [staffLogKinds[entry.kind], entry.actor ? `af ${adminUserName(entry.actor)}` : '', entry.detail ?? ''].filter(Boolean).join(' ');
  try {
    await writing.run(true, () =>
      strapi.db.query(STAFF_LOG as UID.ContentType).create({
        data: {
          at: new Date().toISOString(),
          kind: entry.kind,
          staffUserId: entry.user?.id ?? null,
          staffName: entry.user ? staffName(entry.user) : 'Ukendt bruger',
          actorName: entry.actor ? staffName(entry.actor) : null,
          ipHash: hashIp(strapi, entry.ip),
          summary: `${summary}.`.slice(0, MAX_STRING_LENGTH),
        },
      }),
    );
  } catch (error) {
    strapi.log.error(`staff log: ${(error as Error).message}`);
  }
}

/** Refuses every write of the query engine on the staff log except logStaff's own inserts. */
export function guardStaffLog(strapi: Core.Strapi) {
  const refuse = () => {
    throw new errors.PolicyError('Personaleloggen skrives kun af systemet. Rækker kan ikke oprettes, ændres eller slettes.', { policy: 'staff-log' });
  };
  strapi.db.lifecycles.subscribe({
    models: [STAFF_LOG],
    beforeCreate: () => {
      if (!writing.getStore()) refuse();
    },
    beforeCreateMany: refuse,
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  });
}
