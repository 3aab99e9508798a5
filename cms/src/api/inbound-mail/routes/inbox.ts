/** The inbox reader's route (workers only: the shared worker token, checked in the controller). */
export default {
  routes: [{ method: 'POST', path: '/inbox/messages', handler: 'api::inbound-mail.inbox.receive', config: { auth: false } }],
};
