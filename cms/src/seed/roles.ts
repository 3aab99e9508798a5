import type { Core, UID } from '@strapi/strapi';
import { citizenIdentityFields } from '../rules/personal-data';
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

const crud = ['create', 'read', 'update', 'delete'].map((verb) => `plugin::content-manager.explorer.${verb}`);

/** The media library, where the advisor uploads the case file's documents. */
// No assets.update: it would let a file behind a received or sent document be replaced or deleted.
const mediaLibrary = ['read', 'assets.create', 'assets.download', 'assets.copy-link'].map((verb) => `plugin::upload.${verb}`);

function permissionsFor(strapi: Core.Strapi, hiddenFields: Record<string, string[]>, media: boolean) {
  const fieldsOf = (uid: string) =>
    Object.keys(strapi.contentType(uid as UID.ContentType).attributes).filter((field) => !(hiddenFields[uid] ?? []).includes(field));
  const existing = (uid: string) => Boolean(strapi.contentTypes[uid as UID.ContentType]);
  return [
    ...caseTypes.filter(existing).flatMap((subject) =>
      crud.map((action) => ({
        action,
        subject,
        properties: action.endsWith('.delete') ? {} : { fields: fieldsOf(subject) },
        conditions: [],
      })),
    ),
    ...readOnlyTypes.filter(existing).map((subject) => ({
      action: 'plugin::content-manager.explorer.read',
      subject,
      properties: { fields: fieldsOf(subject) },
      conditions: [],
    })),
    ...(media ? mediaLibrary.map((action) => ({ action, subject: null, properties: {}, conditions: [] })) : []),
  ];
}

const roles: { name: string; description: string; hidden: Record<string, string[]>; media: boolean }[] = [
  { name: 'Borgerrådgiver', description: 'Borgerrådgiveren: alle sagsdata, herunder borgernes identitet.', hidden: {}, media: true },
  {
    name: 'Administrativ medarbejder',
    description: 'Administrativ bistand: sagsdata uden borgernes identitet og kontaktoplysninger.',
    // A receipt's recipient is the citizen's e-mail address, and a delivery error may repeat it.
    // Documents from citizens and centers, even their file names, carry the citizen's identity.
    hidden: {
      [COMPLAINT]: [...citizenIdentityFields],
      [NOTIFICATION]: ['recipient', 'lastError'],
      [CASE_DOCUMENT]: ['file', 'title', 'note'],
      // An e-mail names its sender and says what they wrote: the assistant sees that it came and where it went.
      [INBOUND_MAIL]: ['fromAddress', 'fromName', 'subject', 'text', 'original', 'attachments', 'refusedAttachments', 'reason'],
    },
    media: false,
  },
];

/**
 * The admin roles of the advisor's office, with field-level permissions. Permissions are
 * re-asserted at every start so a new field is covered; the roles are created once.
 */
export async function seedAdminRoles(strapi: Core.Strapi) {
  const roleService = strapi.service('admin::role');
  for (const { name, description, hidden, media } of roles) {
    const role = (await roleService.findOne({ name })) ?? (await roleService.create({ name, description }));
    await roleService.assignPermissions(role.id, permissionsFor(strapi, hidden, media));
  }
}

/** The public and authenticated API roles get no access to case data, whatever was granted before. */
export async function closePublicApi(strapi: Core.Strapi) {
  const apiPrefixes = [...caseTypes, ...readOnlyTypes].map((uid) => `${uid}.`);
  const permissions = await strapi.db.query('plugin::users-permissions.permission').findMany({ populate: ['role'] });
  const granted = permissions.filter((permission: { action: string }) => apiPrefixes.some((prefix) => permission.action.startsWith(prefix)));
  if (granted.length) {
    await strapi.db.query('plugin::users-permissions.permission').deleteMany({ where: { id: { $in: granted.map((p: { id: number }) => p.id) } } });
    strapi.log.warn(`Removed ${granted.length} API permission(s) on case data from the public/authenticated roles.`);
  }
}
