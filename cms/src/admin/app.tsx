import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Danish is the only language offered; see bootstrap for making it the default.
    locales: ['da'],
  },
  bootstrap(_app: StrapiApp) {
    // The admin falls back to English unless a language was chosen: choose Danish for new browsers.
    if (!window.localStorage.getItem('strapi-admin-language')) {
      window.localStorage.setItem('strapi-admin-language', 'da');
    }
  },
};
