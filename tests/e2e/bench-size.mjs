// Reports the size of the release build in dist/: each wasm and JS file raw, gzip -9 and brotli q11 (what a
// CDN or the sync server's compression would send). Run after `trunk build --release --offline`:
//   node tests/e2e/bench-size.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.env.KLAVA_DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log('| file | raw | gzip -9 | brotli q11 |\n| --- | --- | --- | --- |');
for (const name of readdirSync(dist).filter((n) => /\.(wasm|js|css)$/.test(n)).sort()) {
  const bytes = readFileSync(join(dist, name));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`| ${name.replace(/-[0-9a-f]{16}/, '-<hash>')} | ${kb(bytes.length)} | ${kb(gz)} | ${kb(br)} |`);
}
