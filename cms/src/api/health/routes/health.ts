/** Readiness for load balancers and systemd checks: 200 when the database answers, else 503. */
export default {
  routes: [{ method: 'GET', path: '/health', handler: 'api::health.health.check', config: { auth: false } }],
};
