/** Read-only public endpoint for the site's texts; the admin edits them in the content manager. */
export default ({ strapi }) => ({
  async findPublic(ctx) {
    ctx.body = { data: await strapi.service('api::site-content.site-content').getPublic() };
  },
});
