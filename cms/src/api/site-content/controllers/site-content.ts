/** Read-only public endpoint for the site's texts; the admin edits them in the content manager. */
import type { FactoryArgs, RequestContext } from '../../../strapi-types';
import { SITE_CONTENT } from '../../../content-types';

export default ({ strapi }: FactoryArgs) => ({
  async findPublic(ctx: RequestContext) {
    ctx.body = { data: await strapi.service(SITE_CONTENT).getPublic() };
  },
});
