/**
 * The one build path (scripts/build.mjs), on a copy of the repository's scripts and shared config
 * in a temporary folder with the real tools: a step runs when it was never built, when a source
 * changed and when its output is gone, and otherwise not at all; a second build waits for the
 * first; the Node version check stops every entry point with one line.
 */
import { spawn, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const repo = path.resolve(__dirname, '../..');
let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-path-'));
  for (const entry of ['scripts', 'config', 'tsconfig.json', 'package.json', 'package-lock.json']) {
    fs.cpSync(path.join(repo, entry), path.join(root, entry), { recursive: true, filter: (source) => !source.includes(`${path.sep}dist`) });
  }
  // The real packages, but the copy's own node_modules folder, so its build stamps are its own.
  fs.mkdirSync(path.join(root, 'node_modules'));
  for (const name of fs.readdirSync(path.join(repo, 'node_modules'))) {
    if (name !== '.cache') fs.symlinkSync(path.join(repo, 'node_modules', name), path.join(root, 'node_modules', name));
  }
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const build = (...args: string[]) => {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, output: result.stdout + result.stderr };
};
const built = () => path.join(root, 'config/dist/src/index.js');
const BUILDS_CONFIG = 'Bygger den fælles konfiguration';

test('a step builds when never built, then not again until a source changes or its output is gone', () => {
  expect(fs.existsSync(built())).toBe(false);
  const first = build('config');
  expect(first).toMatchObject({ code: 0, output: expect.stringContaining(BUILDS_CONFIG) });
  expect(fs.existsSync(built())).toBe(true);

  expect(build('config')).toEqual({ code: 0, output: '' });

  const source = path.join(root, 'config/src/index.ts');
  fs.appendFileSync(source, '\nexport const addedForTheTest = 1;\n');
  expect(build('config').output).toContain(BUILDS_CONFIG);
  expect(fs.readFileSync(built(), 'utf8')).toContain('addedForTheTest');
  expect(build('config').output).toBe('');

  fs.rmSync(path.join(root, 'config/dist'), { recursive: true });
  expect(build('config').output).toContain(BUILDS_CONFIG);
  expect(fs.existsSync(built())).toBe(true);

  // The lock file is an input of every step: other packages can change what a build produces.
  fs.appendFileSync(path.join(root, 'package-lock.json'), '\n');
  expect(build('config').output).toContain(BUILDS_CONFIG);
}, 300_000);

test('a failing step stops the build with its command, and is not marked built', () => {
  const source = path.join(root, 'config/src/index.ts');
  const before = fs.readFileSync(source, 'utf8');
  fs.appendFileSync(source, '\nexport const broken: number = "tekst";\n');
  try {
    const failed = build('config');
    expect(failed.code).toBe(1);
    expect(failed.output).toContain('"npx tsc -p config" fejlede');
  } finally {
    fs.writeFileSync(source, before);
  }
  expect(build('config').output).toContain(BUILDS_CONFIG);
}, 300_000);

test('a build waits for one under way in another process', async () => {
  fs.appendFileSync(path.join(root, 'config/src/index.ts'), '\nexport const waitedFor = 1;\n');
  const lock = path.join(root, 'node_modules/.cache/borgerraadgiver-build/build.lock');
  // This test's own process holds the lock, as a build under way would, until the other one says it waits.
  fs.writeFileSync(lock, String(process.pid));
  const child = spawn(process.execPath, [path.join(root, 'scripts/build.mjs'), 'config'], { cwd: root });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
    if (output.includes('Venter på en anden bygning')) fs.rmSync(lock, { force: true });
  });
  await new Promise((resolve) => child.once('exit', resolve));
  expect(output).toMatch(new RegExp(`^Venter på en anden bygning \\(proces ${process.pid}\\) …\n`));
  expect(output).toContain(BUILDS_CONFIG);
  expect(fs.readFileSync(built(), 'utf8')).toContain('waitedFor');
  expect(fs.existsSync(lock)).toBe(false);
}, 300_000);

test('a lock left by a process that is gone is taken over', () => {
  const lock = path.join(root, 'node_modules/.cache/borgerraadgiver-build/build.lock');
  const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
  fs.writeFileSync(lock, String(gone));
  fs.appendFileSync(path.join(root, 'config/src/index.ts'), '\nexport const afterACrash = 1;\n');
  expect(build('config')).toMatchObject({ code: 0, output: expect.not.stringContaining('Venter') });
  expect(fs.readFileSync(built(), 'utf8')).toContain('afterACrash');
});

test('on another Node.js major than package.json asks for, each entry point stops with one Danish line', () => {
  const manifest = path.join(root, 'package.json');
  const original = fs.readFileSync(manifest, 'utf8');
  fs.writeFileSync(manifest, JSON.stringify({ ...JSON.parse(original), engines: { node: '>=99 <100' } }));
  try {
    for (const script of ['build.mjs', 'start.mjs', 'serve.mjs', 'seed-demo.mjs']) {
      const result = spawnSync(process.execPath, [path.join(root, 'scripts', script), 'cms'], { cwd: root, encoding: 'utf8' });
      expect({ script, code: result.status, output: result.stdout + result.stderr }).toEqual({
        script,
        code: 1,
        output: `Borgerrådgiveren kræver Node.js 99 LTS, men dette er Node.js ${process.versions.node}: installér Node.js 99 (https://nodejs.org/da/download) og kør kommandoen igen.\n`,
      });
    }
  } finally {
    fs.writeFileSync(manifest, original);
  }
});
