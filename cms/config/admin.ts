import { cmsSettings } from '@borgerraadgiver/config';

export default () => {
  const settings = cmsSettings().strapi;
  return {
    auth: { secret: settings.adminJwtSecret },
    apiToken: { salt: settings.apiTokenSalt },
    transfer: { token: { salt: settings.transferTokenSalt } },
    secrets: { encryptionKey: settings.encryptionKey },
    // No feedback surveys, upsells, links to Strapi's English documentation or preview panel (the office has no front end to preview).
    flags: { nps: false, promoteEE: false, docLinks: false },
    preview: { enabled: false },
    // Off on API-only instances (and in tests without an admin build); see docs/operations.md.
    serveAdminPanel: settings.serveAdminPanel,
  };
};
