export default {
  config: { locales: ['da'] },
  bootstrap() {},
};
