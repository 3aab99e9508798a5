/**
 * The system has no end-user accounts: the citizen and the center use the public routes of SPEC §3
 * without logging in, staff use the admin panel. So none of users-permissions' content API routes
 * (register, login, password reset, e-mail confirmation, providers, users, roles, permissions)
 * is served. The plugin stays for its public role, which the API's permission checks rely on.
 */
export default (plugin: { routes: Record<string, { routes: unknown[] }> }) => {
  plugin.routes['content-api'].routes = [];
  return plugin;
};
