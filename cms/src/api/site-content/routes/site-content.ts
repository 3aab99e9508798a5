/** Only the public read route: no core routes, so the users-permissions roles get nothing to grant. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/public/site-content',
      handler: 'api::site-content.site-content.findPublic',
      config: { auth: false },
    },
  ],
};
