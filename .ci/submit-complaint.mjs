#!/usr/bin/env node
// Submits one complaint through the site's form as a browser without JavaScript would (the form's
// hidden fields, the first choice of each radio group, every checkbox ticked, a citizen with an
// e-mail address) and prints the case number from the receipt page.
// Usage: node .ci/submit-complaint.mjs <site url> <citizen e-mail>
const [site, email] = process.argv.slice(2);
const formPage = await fetch(`${site}/klage`);
const html = await formPage.text();
if (!formPage.ok) throw new Error(`GET /klage answered ${formPage.status}`);

const attribute = (tag, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const form = new FormData();
for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
  const [type, name, value] = ['type', 'name', 'value'].map((name) => attribute(tag, name));
  if (!name || form.has(name)) continue;
  if (type === 'hidden' || type === 'radio' || type === 'checkbox') form.set(name, value ?? '');
}
const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
form.set('eventDate', yesterday);
form.set('description', 'Nybegyndertjek: jeg har ikke fået svar på min ansøgning om hjælpemidler.');
form.set('citizenName', 'Nybegynder Testesen');
form.set('citizenEmail', email);

const posted = await fetch(`${site}/klage`, { method: 'POST', body: form, headers: { origin: new URL(site).origin }, redirect: 'manual' });
const location = posted.headers.get('location');
if (posted.status !== 303 || !location) {
  const errors = [...(await posted.text()).matchAll(/class="[^"]*error[^"]*"[^>]*>([^<]+)</g)].map((match) => match[1].trim());
  throw new Error(`POST /klage answered ${posted.status}, not 303 to the receipt: ${errors.join(' | ')}`);
}
const cookie = posted.headers
  .getSetCookie()
  .map((value) => value.split(';')[0])
  .join('; ');
const receipt = await (await fetch(new URL(location, site), { headers: { cookie } })).text();
const caseNumber = /class="receipt-number"[^>]*>\s*([^<\s]+)/.exec(receipt)?.[1];
if (!caseNumber) throw new Error(`the receipt page shows no case number:\n${receipt.slice(0, 2000)}`);
console.log(caseNumber);
