/**
 * The house of cms/src has floors, and imports only run down or along a floor, never up:
 *   0. plain data and rules (content types, choices, labels, the case rules, small utilities);
 *   1. database and cluster helpers;
 *   2. the domain modules (journal, outbox, letters, reports, search, privacy, import, …);
 *   3. the Strapi wiring: Document Service and Koa middlewares, the first-start data (seed);
 *   4. the entry points: the APIs, Strapi's extensions and src/index.ts.
 * Along a floor the modules form no circle. Reading an API's schema.json as data is allowed from
 * anywhere. A module is a folder or a file directly under cms/src; the admin panel (cms/src/admin)
 * is a browser bundle with its own tsconfig and is left out.
 */
import fs from 'fs';
import path from 'path';
import ts from 'typescript';

const SRC = path.join(__dirname, '../../cms/src');

const FLOORS: string[][] = [
  ['admin-layout', 'admin-urls', 'choices', 'content-types', 'rules', 'strapi-types', 'utils'],
  ['cluster', 'db'],
  [
    'access',
    'custom-fields',
    'documents',
    'import',
    'inbox',
    'input',
    'journal',
    'letters',
    'outbox',
    'privacy',
    'reports',
    'search',
    'staff-sign-in',
    'statements',
  ],
  ['document-middlewares', 'middlewares', 'seed'],
  ['api', 'extensions', 'index'],
];

/** Upward imports still in the house, each with its reason; this list only shrinks. */
const KNOWN_UPWARD: Record<string, string> = {};

const floorOf = new Map(FLOORS.flatMap((modules, floor) => modules.map((module) => [module, floor] as const)));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === path.join(SRC, 'admin') ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const moduleOf = (file: string) =>
  path
    .relative(SRC, file)
    .split(path.sep)[0]
    .replace(/\.tsx?$/, '');
const withoutExtension = (file: string) => path.relative(SRC, file).replace(/\.tsx?$/, '');

interface Edge {
  from: string;
  to: string;
  fromModule: string;
  toModule: string;
}

/** Every relative import, re-export, dynamic import and require between modules of cms/src. */
function importEdges(): Edge[] {
  return sourceFiles(SRC).flatMap((file) =>
    ts
      .preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
      .importedFiles.map(({ fileName }) => fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => path.resolve(path.dirname(file), specifier))
      .filter((target) => target.startsWith(SRC + path.sep) && !(moduleOf(target) === 'api' && target.endsWith('schema.json')))
      .map((target) => ({ from: withoutExtension(file), to: withoutExtension(target), fromModule: moduleOf(file), toModule: moduleOf(target) }))
      .filter((edge) => edge.fromModule !== edge.toModule),
  );
}

const edges = importEdges();
const key = (edge: Edge) => `${edge.from}.ts -> ${edge.to}`;

test('every module of cms/src has a floor', () => {
  const modules = new Set(sourceFiles(SRC).map(moduleOf));
  expect([...modules].filter((module) => !floorOf.has(module))).toEqual([]);
});

test('no import runs up the house', () => {
  const upward = edges.filter((edge) => floorOf.get(edge.toModule)! > floorOf.get(edge.fromModule)! && !KNOWN_UPWARD[key(edge)]);
  expect(upward.map(key)).toEqual([]);
});

test('the known upward imports are still there (remove an entry once it is gone)', () => {
  expect(Object.keys(KNOWN_UPWARD).filter((known) => !edges.some((edge) => key(edge) === known))).toEqual([]);
});

test('the modules of a floor form no circle', () => {
  const next = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (floorOf.get(edge.fromModule) !== floorOf.get(edge.toModule)) continue;
    next.set(edge.fromModule, (next.get(edge.fromModule) ?? new Set()).add(edge.toModule));
  }
  const circles: string[] = [];
  const visit = (module: string, trail: string[]) => {
    if (trail.includes(module)) return void circles.push([...trail.slice(trail.indexOf(module)), module].join(' -> '));
    for (const target of next.get(module) ?? []) visit(target, [...trail, module]);
  };
  for (const module of next.keys()) visit(module, []);
  expect(circles).toEqual([]);
});
