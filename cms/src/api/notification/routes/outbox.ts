/** Routes for the workers only: auth is the shared worker token, checked in the controller. */
export default {
  routes: [
    { method: 'POST', path: '/outbox/notifications/:documentId/claim', handler: 'api::notification.outbox.claim', config: { auth: false } },
    { method: 'POST', path: '/outbox/notifications/:documentId/result', handler: 'api::notification.outbox.report', config: { auth: false } },
    { method: 'POST', path: '/outbox/reconcile', handler: 'api::notification.outbox.reconcile', config: { auth: false } },
  ],
};
