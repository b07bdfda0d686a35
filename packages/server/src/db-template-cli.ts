// Run by `npm install` (scripts/postinstall.mjs): make the empty embedded database for the current migrations, so a
// first start copies it instead of running initdb and every migration (platform/pglite-template.ts).
import { makeTemplate } from './platform/pglite-template-make.js';

const started = Date.now();
const { folder, made } = await makeTemplate();
console.log(made ? `l2c: empty embedded database made in ${((Date.now() - started) / 1000).toFixed(1)} s (${folder})` : `l2c: empty embedded database up to date (${folder})`);
