import { cmsSettings } from '@borgerraadgiver/config';

export default () => {
  const settings = cmsSettings().strapi;
  return {
    auth: { secret: settings.adminJwtSecret },
    apiToken: { salt: settings.apiTokenSalt },
    transfer: { token: { salt: settings.transferTokenSalt } },
    secrets: { encryptionKey: settings.encryptionKey },
    flags: { nps: false, promoteEE: false },
    // Off on API-only instances (and in tests without an admin build); see docs/operations.md.
    serveAdminPanel: settings.serveAdminPanel,
  };
};
