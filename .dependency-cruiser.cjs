/**
 * The import rules of the layout (docs/adr/0080-code-layout.md), checked by
 * `npm run lint`: src/ builds the sites and knows no server, scripts/ are
 * command lines that nothing imports, and a capability of the server uses
 * another only through its index.ts (and its errors.ts, docs/adr/0081).
 */
const CAPABILITIES = '(accounts|editorial|citizen-services|reports|sites|operations)';

module.exports = {
  forbidden: [
    {
      name: 'src-knows-no-server',
      comment: 'src/ defines and builds the sites; it runs without the server. Move what both need into src/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(server|scripts)/' },
    },
    {
      name: 'nothing-imports-scripts',
      comment: 'scripts/ holds command lines only. What a script and the server share belongs in src/ or server/.',
      severity: 'error',
      from: { path: '^(src|server|tests)/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'capabilities-meet-through-index',
      comment:
        'A capability uses another only through its index.ts (and its errors.ts, to throw or catch its refusals): export what is needed there, or ask whether it belongs to the platform.',
      severity: 'error',
      from: { path: '^server/([^/]+)/' },
      to: {
        path: `^server/${CAPABILITIES}/`,
        pathNot: ['^server/$1/', `^server/${CAPABILITIES}/(index|errors)\\.ts$`],
      },
    },
    {
      name: 'errors-are-leaves',
      comment:
        "A capability's errors.ts holds its refusals only (docs/adr/0081): it builds on AppError and its own capability's words, so anyone may import it without a cycle.",
      severity: 'error',
      from: { path: '^server/([^/]+)/errors\\.ts$' },
      to: { path: '^server/', pathNot: ['^server/platform/app-error\\.ts$', '^server/$1/'] },
    },
    {
      name: 'command-lines-use-the-index',
      comment: 'A command line wires capabilities through their index.ts, as the platform does.',
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: `^server/${CAPABILITIES}/`, pathNot: `^server/${CAPABILITIES}/index\\.ts$` },
    },
    {
      name: 'only-the-platform-composes',
      comment: 'Capabilities do not reach into the composition root (app, main, back-office wiring).',
      severity: 'error',
      from: { path: `^server/${CAPABILITIES}/` },
      to: { path: '^server/platform/(app|main|start-server)\\.ts$|^server/platform/back-office/' },
    },
    {
      name: 'no-circular',
      comment: 'Files that import each other in a loop: cut the loop by moving the shared part down.',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|.build|data|fixtures)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
