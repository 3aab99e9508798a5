import { cmsSettings } from '@borgerraadgiver/config';

export default () => ({ level: cmsSettings().strapi.logLevel });
