/**
 * One instance per process under a global symbol, also when a module is loaded twice (the tests
 * import the source while Strapi runs the build): state such as an AsyncLocalStorage must be the
 * same object for both copies, or one copy's scope is invisible to the other's checks.
 */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`borgerraadgiver.${name}`);
  const slots = globalThis as unknown as Record<symbol, T | undefined>;
  return (slots[key] ??= create());
}
