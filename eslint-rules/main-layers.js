// Lint rule `layers/main-layers`: main's folders import only downward (DESIGN: "Layers import only
// downward"). Each folder has a floor; an import into a folder on the same floor or above is refused,
// except within one folder. demo/ stands just under app/ so that only the composition (app/) and the
// shells above it can import it. Import circles inside a folder are caught by
// test/unit/lint/import-circles.test.ts, which reads the whole graph.
import path from 'node:path';

/** Floors from the top (shells) down to the ground; folders on one floor do not import each other. */
export const MAIN_FLOORS = [
  ['index.ts'],
  ['electron'],
  ['host'],
  ['app'],
  ['demo'],
  ['capture', 'results'],
  ['session', 'sync'],
  ['config', 'trustid'],
  ['devices', 'store'],
  ['logging', 'net', 'app-error.ts'],
];

const floorOf = new Map(MAIN_FLOORS.flatMap((folders, i) => folders.map((f) => [f, MAIN_FLOORS.length - i])));

/** `main/<part>/…` → part (a folder, or a file directly under main/ with its extension). */
function mainPart(file) {
  const rel = path.relative(process.cwd(), file).split(path.sep);
  if (rel[0] !== 'main' || rel.length < 2) return null;
  if (rel.length === 2) return rel[1].replace(/\.js$/, '.ts');
  return rel[1];
}

function resolveTarget(fromFile, source) {
  if (!source.startsWith('.')) return null;
  const target = path.resolve(path.dirname(fromFile), source);
  const rel = path.relative(process.cwd(), target).split(path.sep);
  if (rel[0] !== 'main') return null;
  // `../app-error` names the file main/app-error.ts; `../store` would name a folder.
  if (rel.length === 2 && !floorOf.has(rel[1]) && floorOf.has(`${rel[1]}.ts`)) return `${rel[1]}.ts`;
  return rel[1] ?? null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: "main's folders import only folders on a lower floor (DESIGN: layers)" },
    schema: [],
    messages: {
      up: "main/{{from}} must not import main/{{to}}: {{to}} stands on the same floor or above (eslint-rules/main-layers.js lists the floors). Move the shared piece down, or pass it in from the composition in main/app.",
      unknown: 'main/{{part}} is on no floor: add it to MAIN_FLOORS in eslint-rules/main-layers.js.',
    },
  },
  create(context) {
    const file = context.filename;
    const from = mainPart(file);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const to = resolveTarget(file, source);
      if (!to || to === from) return;
      if (!floorOf.has(from)) return context.report({ node, messageId: 'unknown', data: { part: from } });
      if (!floorOf.has(to)) return context.report({ node, messageId: 'unknown', data: { part: to } });
      if (floorOf.get(to) >= floorOf.get(from)) context.report({ node, messageId: 'up', data: { from, to } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
