import { cmsSettings } from '@borgerraadgiver/config';

export default () => ({
  'users-permissions': { config: { jwtSecret: cmsSettings().strapi.jwtSecret } },
});
