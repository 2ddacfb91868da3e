// make bench-ui, the measuring part (bench.sh starts and stops the stack around it):
//   node bench.mjs <base URL>
// 1. seeds a few torrents through the public API as the dev moderator (unless they are there already),
// 2. runs Lighthouse 12 (mobile form factor, simulated throttling: its defaults) on the start page, a
//    torrent page and a search, in Debian's chromium (CHROME_PATH),
// 3. loads each page twice in a fresh browser context and sums the bytes transferred for everything
//    but the HTML document on the second load ("repeat view"),
// 4. prints every figure against issue 14's yardstick. Reports: infra/bench/ui/reports/*.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const base = (process.argv[2] || 'http://127.0.0.1:8080').replace(/\/$/, '');
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const adminPassword = process.env.ADMIN_PASSWORD || 'admin-dev-password';
const here = path.dirname(fileURLToPath(import.meta.url));
const reports = path.join(here, 'reports');
fs.mkdirSync(reports, { recursive: true });

const YARDSTICK = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };
const REPEAT_BYTES_MAX = 30 * 1024;
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const torrentId = await seed();
const pages = [
  { name: 'browse /', url: `${base}/` },
  { name: 'torrent page', url: `${base}/torrents/${torrentId}` },
  { name: 'search', url: `${base}/?q=${encodeURIComponent('frieren 1080p')}` },
];

// A running site has a warm JVM: a few rounds of each page first, so the first page measured does not pay
// for the JIT (on a freshly started stack that alone costs the start page 10-15 points).
for (let round = 0; round < 15; round++) {
  for (const page of pages) await (await fetch(page.url)).arrayBuffer();
}

const browser = await puppeteer.launch({
  executablePath: chromePath,
  headless: true,
  args: [...CHROME_FLAGS, '--remote-debugging-port=0'],
});
const results = [];
try {
  const port = Number(new URL(browser.wsEndpoint()).port);
  for (const page of pages) {
    const run = await lighthouse(page.url, { port, output: 'json', logLevel: 'error' });
    const lhr = run.lhr;
    fs.writeFileSync(path.join(reports, `${slug(page.name)}.json`), run.report);
    if (lhr.runtimeError) throw new Error(`${page.url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(
      Object.keys(YARDSTICK).map((id) => [id, Math.round((lhr.categories[id].score ?? 0) * 100)]),
    );
    const failing = Object.keys(YARDSTICK).flatMap((id) =>
      lhr.categories[id].auditRefs
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
        .map((ref) => `${id}:${ref.id}`),
    );
    const metric = (id) => lhr.audits[id]?.displayValue ?? '?';
    results.push({
      ...page,
      scores,
      failing,
      metrics: `FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`,
      repeat: await repeatView(browser, page.url),
    });
  }
} finally {
  await browser.close();
}

// --- the table ---
const ok = (pass) => (pass ? 'ok  ' : 'MISS');
console.log(`\nmake bench-ui — ${base}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('yardstick: Performance >= 95, Accessibility = Best Practices = SEO = 100 (Lighthouse 12.2.3, mobile);');
console.log(`           repeat view < ${REPEAT_BYTES_MAX / 1024} KB transferred besides the HTML\n`);
console.log('page           | Perf | A11y | BP  | SEO | repeat view (non-HTML)            | first view (non-HTML)');
console.log('---------------|------|------|-----|-----|-----------------------------------|----------------------');
for (const r of results) {
  const s = r.scores;
  console.log(
    `${r.name.padEnd(14)} | ${String(s.performance).padStart(3)}${s.performance >= YARDSTICK.performance ? ' ' : '!'} ` +
      `| ${String(s.accessibility).padStart(3)}${s.accessibility >= 100 ? ' ' : '!'} ` +
      `| ${String(s['best-practices']).padStart(3)}${s['best-practices'] >= 100 ? '' : '!'} ` +
      `| ${String(s.seo).padStart(3)}${s.seo >= 100 ? '' : '!'} ` +
      `| ${`${(r.repeat.bytes / 1024).toFixed(1)} KB in ${r.repeat.requests} requests`.padEnd(28)} ${ok(r.repeat.bytes < REPEAT_BYTES_MAX)} ` +
      `| ${(r.repeat.first.bytes / 1024).toFixed(1)} KB in ${r.repeat.first.requests} requests`,
  );
}
console.log('');
for (const r of results) {
  console.log(`${r.name}: ${r.url}\n  ${r.metrics}`);
  if (r.failing.length) console.log(`  audits below 1: ${r.failing.join(', ')}`);
}
const allPass = results.every(
  (r) => Object.entries(YARDSTICK).every(([id, min]) => r.scores[id] >= min) && r.repeat.bytes < REPEAT_BYTES_MAX,
);
console.log(`\n${allPass ? 'ALL WITHIN THE YARDSTICK' : 'SOME FIGURES MISS THE YARDSTICK (marked !/MISS)'}; reports in ${reports}`);

// Second load of a page in a fresh context: what the browser transfers again besides the document.
async function repeatView(browser, url) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    const types = new Map();
    let counting = 'first';
    const sums = { first: { bytes: 0, requests: 0 }, repeat: { bytes: 0, requests: 0 } };
    cdp.on('Network.requestWillBeSent', (e) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      if (counting && types.get(e.requestId) !== 'Document') {
        sums[counting].bytes += e.encodedDataLength;
        if (e.encodedDataLength > 0) sums[counting].requests += 1;
      }
    });
    await page.goto(url, { waitUntil: 'networkidle0' });
    counting = 'repeat';
    // A normal navigation to the same address (not reload, which revalidates on purpose).
    await page.goto(`${url}${url.includes('?') ? '&' : '?'}`, { waitUntil: 'networkidle0' });
    counting = null;
    return { ...sums.repeat, first: sums.first };
  } finally {
    await context.close();
  }
}

// A few releases through the API, so the pages have rows; returns a torrent id.
async function seed() {
  const existing = await json(`${base}/api/search?q=frieren&size=5`);
  if (existing.total >= 3) return existing.items[0].id;
  const login = await json(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: adminPassword }),
  });
  const categories = await json(`${base}/api/categories`);
  const category = (categories.find((c) => /anime/.test(c.slug)) ?? categories[0]).slug;
  const names = [
    '[SubsPlease] Sousou no Frieren - 01 (1080p) [A1B2C3D4].mkv',
    '[SubsPlease] Sousou no Frieren - 02 (1080p) [B2C3D4E5].mkv',
    '[Erai-raws] Sousou no Frieren - 03 [1080p][Multiple Subtitle].mkv',
    '[Judas] Frieren - S01 (BD 1080p HEVC x265 10bit Dual-Audio)',
    '[SubsPlease] Dandadan - 05 (720p) [C3D4E5F6].mkv',
    '[ASW] Kusuriya no Hitorigoto - 12 [1080p HEVC][D4E5F6A7].mkv',
  ];
  let first = null;
  for (const [i, name] of names.entries()) {
    const form = new FormData();
    form.append('file', new Blob([torrentFile(name, i)], { type: 'application/x-bittorrent' }), `${i}.torrent`);
    form.append('category', category);
    form.append('tags', '1080p, bench');
    form.append('description', `Seeded by make bench-ui: **${name}**`);
    const res = await fetch(`${base}/api/torrents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${login.accessToken}` },
      body: form,
    });
    const body = await res.json();
    if (res.status === 201) first ??= body.id;
    else if (res.status === 409) first ??= body.torrentId;
    else throw new Error(`upload ${name}: ${res.status} ${JSON.stringify(body)}`);
  }
  // search-service indexes from Kafka events: wait until the torrents are searchable.
  for (let i = 0; i < 120; i++) {
    const found = await json(`${base}/api/search?q=frieren&size=5`);
    if (found.total >= 3) return first;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the seeded torrents never reached search-service');
}

async function json(url, init) {
  const res = await fetch(url, init);
  const text = await res.text();
  if (!res.ok && res.status !== 409) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

// A single-file v1 .torrent with made-up pieces: enough for the site (nobody downloads it).
function torrentFile(name, seedNumber) {
  const length = 350_000_000 + seedNumber * 12_345_678;
  const pieceLength = 1 << 20;
  const pieces = Buffer.alloc(Math.ceil(length / pieceLength) * 20);
  for (let i = 0; i < pieces.length; i++) pieces[i] = (i * 31 + seedNumber * 7) & 0xff;
  return bencode({
    announce: 'http://127.0.0.1:6969/announce',
    info: { length, name, 'piece length': pieceLength, pieces },
  });
}

function bencode(value) {
  if (Buffer.isBuffer(value)) return Buffer.concat([Buffer.from(`${value.length}:`), value]);
  if (typeof value === 'number') return Buffer.from(`i${value}e`);
  if (typeof value === 'string') return bencode(Buffer.from(value, 'utf8'));
  const keys = Object.keys(value).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return Buffer.concat([Buffer.from('d'), ...keys.flatMap((k) => [bencode(k), bencode(value[k])]), Buffer.from('e')]);
}

function slug(text) {
  return text.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
}
