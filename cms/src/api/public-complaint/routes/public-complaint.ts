/** Public intake (SPEC §3): no login, nothing of the case data is readable from here. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/public/complaints',
      handler: 'api::public-complaint.public-complaint.create',
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/public/centers',
      handler: 'api::public-complaint.public-complaint.centers',
      config: { auth: false },
    },
  ],
};
