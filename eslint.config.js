// Lint: typescript-eslint's type-aware rules over the server, the pages, the tests and the scripts.
// Layout is Prettier's (`npm run format`), so no stylistic rules here.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'web/dist/', 'node_modules/', 'tests/.artifacts/', 'scratch/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Each file is typed by the tsconfig that builds or checks it (not an inferred project), so
      // that a rule sees the same types as \`npm run typecheck\`.
      parserOptions: { project: ['./tsconfig.server.json', './tsconfig.web.json', './tsconfig.tests.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Fastify plugins, hooks and handlers are async by contract, whether or not they await.
      '@typescript-eslint/require-await': 'off',
      // GeoJSON properties and CSV lines arrive typed `unknown`/`{}` and are stringified on purpose;
      // the rule cannot tell them from objects.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      // `_name` says "deliberately unused" (a handler's unused argument, a skipped tuple slot).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests read JSON answers (`response.json()` is `any`) and let their assertions check the shape.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // `response.json() as Answer` reads better than `response.json<Answer>()`.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // MapLibre's camera and style setters return the map itself, and Playwright copies whatever a
      // page function returns out of the browser: 6 to 18 MB a call, seconds of CPU on both sides
      // (seen with DEBUG=pw:channel on tests/web/incidents.test.ts).
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(evaluate|evaluateHandle|waitForFunction)$/] > ArrowFunctionExpression > CallExpression.body[callee.property.name=/^(jumpTo|fitBounds|panBy|panTo|easeTo|flyTo|setZoom|setCenter|zoomTo|resize|setFilter|setPaintProperty|setLayoutProperty|setFeatureState|addLayer|removeLayer|addSource|removeSource)$/]',
          message: 'This returns the map, which Playwright would copy out of the page whole: write `=> void map.jumpTo(…)`, or a block.',
        },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  // Plain-JS scripts run under Node; TypeScript checks the globals of the .ts files itself.
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: globals.node } },
);
