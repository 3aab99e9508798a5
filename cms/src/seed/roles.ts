import type { Core, UID } from '@strapi/strapi';
import { assistantHiddenFields } from '../access/hidden-fields';
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
  STATEMENT_ACCESS_LOG,
  STATEMENT_REQUEST,
} from '../content-types';

/** Case data: the content types that hold what citizens told the advisor. */
export const caseTypes = [
  COMPLAINT,
  STATEMENT_REQUEST,
  OPINION,
  RECOMMENDATION,
  MEETING,
  CASE_DOCUMENT,
  IMPROVEMENT_ACTIVITY,
  CENTER,
  INSTITUTION,
  CLOSING_DAY,
] as const;

/** Written by the system only; the advisor reads them. */
const readOnlyTypes = [NOTIFICATION, STATEMENT_ACCESS_LOG, CASE_EVENT, INBOUND_MAIL];
/** Written by the system only; the advisor reads them, the assistant does not: the staff's sign-ins. */
const advisorReadOnlyTypes = [STAFF_LOG];

const crud = ['create', 'read', 'update', 'delete'].map((verb) => `plugin::content-manager.explorer.${verb}`);

/** The media library, where the advisor uploads the case file's documents. */
// No assets.update: it would let a file behind a received or sent document be replaced or deleted.
const mediaLibrary = ['read', 'assets.create', 'assets.download', 'assets.copy-link'].map((verb) => `plugin::upload.${verb}`);

/**
 * What each office role may read and write, one row per role (SPEC §1): every case type is read,
 * created, changed and deleted, except the types the role only reads, and without the fields
 * hidden from it. Applied by Strapi to the type itself and, for what it may not read, wherever the
 * type travels (../access/read-filter: populated relations, pickers, our own admin routes).
 */
interface OfficeRole {
  name: string;
  description: string;
  /** Fields the role may neither read nor write, per content type. */
  hidden: Record<string, string[]>;
  /** Case types the role reads but does not create, change or delete. */
  readOnly: string[];
  /** The media library (the case file's files). */
  media: boolean;
  /** The staff log (sign-ins, second factor). */
  staffLog: boolean;
}

export const officeRoles: OfficeRole[] = [
  {
    name: 'Borgerrådgiver',
    description: 'Borgerrådgiveren: alle sagsdata, herunder borgernes identitet.',
    hidden: {},
    readOnly: [],
    media: true,
    staffLog: true,
  },
  {
    name: 'Administrativ medarbejder',
    description: 'Administrativ bistand: sagsdata uden borgernes identitet og kontaktoplysninger.',
    hidden: assistantHiddenFields,
    // Registers and prepares; an opinion is issued when it is saved, and only the advisor issues one.
    readOnly: [OPINION],
    media: false,
    staffLog: false,
  },
];

/** Strapi's own default roles are no part of the office's role table: they get nothing of the app's data. */
const strapiDefaultRoles = ['strapi-editor', 'strapi-author'];

function permissionsFor(strapi: Core.Strapi, { hidden, readOnly, media, staffLog }: OfficeRole) {
  const fieldsOf = (uid: string) => Object.keys(strapi.contentType(uid as UID.ContentType).attributes).filter((field) => !(hidden[uid] ?? []).includes(field));
  const existing = (uid: string) => Boolean(strapi.contentTypes[uid as UID.ContentType]);
  type Permission = { action: string; subject: string | null; properties: { fields?: string[] }; conditions: string[] };
  const readPermission = (subject: string): Permission => ({
    action: 'plugin::content-manager.explorer.read',
    subject,
    properties: { fields: fieldsOf(subject) },
    conditions: [],
  });
  return [
    ...caseTypes.filter(existing).flatMap((subject) =>
      readOnly.includes(subject)
        ? [readPermission(subject)]
        : crud.map((action): Permission => ({
            action,
            subject,
            properties: action.endsWith('.delete') ? {} : { fields: fieldsOf(subject) },
            conditions: [],
          })),
    ),
    ...[...readOnlyTypes, ...(staffLog ? advisorReadOnlyTypes : [])].filter(existing).map(readPermission),
    ...(media ? mediaLibrary.map((action): Permission => ({ action, subject: null, properties: {}, conditions: [] })) : []),
  ];
}

/** Strapi's own super admin role, by the name and description staff read in Danish. */
export const SUPER_ADMIN_ROLE = {
  name: 'Systemadministrator',
  description: 'Alle rettigheder: brugere, roller og indstillinger. Til opsætning og brugerstyring, ikke til sagsbehandling.',
};

/**
 * The admin roles of the advisor's office, with field-level permissions. Permissions are
 * re-asserted at every start so a new field is covered; the roles are created once. Strapi's
 * super admin role is named in Danish; its default Editor and Author roles (English, no part of
 * the office) are removed while no one holds them, and otherwise lose whatever they were given on
 * the app's content types and files.
 */
export async function seedAdminRoles(strapi: Core.Strapi) {
  const roleService = strapi.service('admin::role');
  for (const role of officeRoles) {
    const { name, description } = role;
    const stored = (await roleService.findOne({ name })) ?? (await roleService.create({ name, description }));
    await roleService.assignPermissions(stored.id, permissionsFor(strapi, role));
  }
  // Only Strapi's own English name: a name the municipality gave the role stays.
  await strapi.db.query('admin::role').updateMany({ where: { code: 'strapi-super-admin', name: 'Super Admin' }, data: SUPER_ADMIN_ROLE });
  const found: { id: number; users?: unknown[] }[] = await strapi.db
    .query('admin::role')
    .findMany({ where: { code: { $in: strapiDefaultRoles } }, populate: { users: { select: ['id'] } } });
  const unused = found.filter((role) => !role.users?.length);
  if (unused.length) await roleService.deleteByIds(unused.map((role) => role.id));
  const defaults = found.filter((role) => role.users?.length);
  if (defaults.length) {
    // Their content types and the media library, where the case file's files are.
    await strapi.db.query('admin::permission').deleteMany({
      where: {
        role: { id: { $in: defaults.map((role) => role.id) } },
        $or: [{ subject: { $startsWith: 'api::' } }, { action: { $startsWith: 'plugin::upload.' } }],
      },
    });
  }
}

/** The public and authenticated API roles get no access to case data, whatever was granted before. */
export async function closePublicApi(strapi: Core.Strapi) {
  const apiPrefixes = [...caseTypes, ...readOnlyTypes, ...advisorReadOnlyTypes].map((uid) => `${uid}.`);
  const permissions = await strapi.db.query('plugin::users-permissions.permission').findMany({ populate: ['role'] });
  const granted = permissions.filter((permission: { action: string }) => apiPrefixes.some((prefix) => permission.action.startsWith(prefix)));
  if (granted.length) {
    await strapi.db.query('plugin::users-permissions.permission').deleteMany({ where: { id: { $in: granted.map((p: { id: number }) => p.id) } } });
    strapi.log.warn(`Removed ${granted.length} API permission(s) on case data from the public/authenticated roles.`);
  }
}
