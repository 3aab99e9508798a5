/**
 * What each production process is started with (scripts/processes.mjs): where only PORT and
 * SITE_PORT are set, the site and the workers call the CMS on its port and every process links to
 * the site on its port; explicit addresses win; the CMS is never given its own address.
 */
import { spawnSync } from 'child_process';
import path from 'path';

const repo = path.resolve(__dirname, '../..');

function envOf(input: Record<string, string | undefined>): Record<string, Record<string, string>> {
  const script = `import { processes } from './scripts/processes.mjs';
const input = JSON.parse(process.argv[1]);
console.log(JSON.stringify(Object.fromEntries(Object.entries(processes).map(([name, spec]) => [name, spec.env(input)]))));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(input)], { cwd: repo, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

test.each([
  {
    input: {},
    expected: { cms: { PORT: '1337' }, workers: {}, site: { PORT: '4321', HOST: '0.0.0.0' } },
  },
  {
    input: { PORT: '1500', SITE_PORT: '4500' },
    expected: {
      cms: { PORT: '1500', PUBLIC_SITE_URL: 'http://localhost:4500' },
      workers: { CMS_URL: 'http://localhost:1500', PUBLIC_SITE_URL: 'http://localhost:4500' },
      site: { PORT: '4500', HOST: '0.0.0.0', CMS_URL: 'http://localhost:1500', PUBLIC_SITE_URL: 'http://localhost:4500' },
    },
  },
  {
    input: { PORT: '1500', SITE_PORT: '4500', CMS_URL: 'https://sager.example.dk', PUBLIC_SITE_URL: 'https://borgerraadgiver.example.dk' },
    expected: {
      cms: { PORT: '1500', PUBLIC_SITE_URL: 'https://borgerraadgiver.example.dk' },
      workers: { CMS_URL: 'https://sager.example.dk', PUBLIC_SITE_URL: 'https://borgerraadgiver.example.dk' },
      site: { PORT: '4500', HOST: '0.0.0.0', CMS_URL: 'https://sager.example.dk', PUBLIC_SITE_URL: 'https://borgerraadgiver.example.dk' },
    },
  },
])('processes started with $input', ({ input, expected }) => {
  expect(envOf(input)).toEqual(expected);
});
