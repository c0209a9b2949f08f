/**
 * The portal's stylesheet, served as a file: the app's Content-Security-Policy
 * (`default-src 'self'`) refuses inline styles.
 */
export const PORTAL_STYLESHEET_PATH = '/_portal/portal.css';

export const portalStylesheet = `
:root { color-scheme: light; --accent: #8a1c1c; --text: #1b1b1b; --muted: #555; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: var(--text); line-height: 1.55; }
.skip-link { position: absolute; left: -999px; }
.skip-link:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem 1rem; outline: 3px solid var(--accent); }
.portal-header { background: var(--accent); color: #fff; padding: 1.25rem 1rem; }
.portal-header h1 { margin: .25rem 0 0; font-size: 1.5rem; }
.portal-province { margin: 0; text-transform: uppercase; letter-spacing: .04em; font-size: .9rem; }
main, .portal-footer { max-width: 72rem; margin: 0 auto; padding: 1rem; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: .6rem .5rem; border-bottom: 1px solid #ddd; }
thead th { border-bottom: 2px solid var(--text); }
a { color: #0b4ea2; }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.portal-domains { list-style: none; margin: 0; padding: 0; }
.portal-note, .portal-footer { color: var(--muted); }
@media (max-width: 40rem) { thead { display: none; } tr, th, td { display: block; } tr { border-bottom: 1px solid #ddd; } th, td { border: 0; } }
`;
