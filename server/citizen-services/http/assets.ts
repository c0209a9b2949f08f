import { readFileSync } from 'node:fs';

/** Read once at start: plain files beside the views, served by the citizen routes (CSP allows only same-origin scripts). */
export const SERVICE_SCRIPT = readFileSync(new URL('./bieu-mau.js', import.meta.url), 'utf8');
export const SERVICE_STYLE = readFileSync(new URL('./dich-vu.css', import.meta.url), 'utf8');
