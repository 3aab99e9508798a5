// Builds the named targets or steps of scripts/build.mjs before a jest project's tests run.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports =
  (...names) =>
  () => {
    execFileSync(process.execPath, [path.join(__dirname, '../../scripts/build.mjs'), ...names], { stdio: 'inherit' });
  };
