/** The citizen's case page and the center's opinion letter page. No login; the token is the key. */
export default {
  routes: [
    { method: 'GET', path: '/public/cases/:token', handler: 'api::public-case.public-case.find', config: { auth: false } },
    { method: 'POST', path: '/public/cases/:token/messages', handler: 'api::public-case.public-case.message', config: { auth: false } },
    { method: 'GET', path: '/public/letters/:token', handler: 'api::public-case.public-case.letter', config: { auth: false } },
  ],
};
