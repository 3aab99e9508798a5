export default [
  'global::request-log',
  'strapi::errors',
  'global::error-response',
  'global::database-unavailable',
  // What each staff role may not read leaves no admin route (../src/access/read-filter).
  'global::read-filter',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Room for the admin's longest documents (an opinion's texts together); the public endpoints keep their own, smaller limit.
  { name: 'strapi::body', config: { jsonLimit: '2mb', formLimit: '256kb', textLimit: '256kb' } },
  'strapi::session',
  // The second factor: every request with an admin token waits for it (after the body, so a refused sign-in's address is logged).
  'global::second-factor',
  'strapi::favicon',
  'global::case-files',
  'strapi::public',
];
