// Imported first by every entry script: on another Node.js major than package.json's "engines"
// asks for, stop with one line saying what to do, before anything fails later in a native module
// or a type check. Plain code that older Node versions still parse and link.
import { readFileSync } from 'node:fs';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const [, wanted] = /^>=(\d+)/.exec(engines.node);
const major = Number(process.versions.node.split('.')[0]);
if (major !== Number(wanted)) {
  console.error(
    `Borgerrådgiveren kræver Node.js ${wanted} LTS, men dette er Node.js ${process.versions.node}: installér Node.js ${wanted} (https://nodejs.org/da/download) og kør kommandoen igen.`,
  );
  process.exit(1);
}
