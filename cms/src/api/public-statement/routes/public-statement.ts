/** SPEC §3: the center's statement page behind the emailed link. No login; the token is the key. */
export default {
  routes: [
    { method: 'GET', path: '/public/statements/:token', handler: 'api::public-statement.public-statement.find', config: { auth: false } },
    { method: 'POST', path: '/public/statements/:token', handler: 'api::public-statement.public-statement.submit', config: { auth: false } },
  ],
};
