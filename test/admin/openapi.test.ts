/** GET /__mock/openapi.json is valid OpenAPI 3.1 and documents every route the server exposes. */
import request from 'supertest';
import type { App } from '../../server/app.js';
import { Validator } from '@seriousme/openapi-schema-validator';
import { buildSandbox } from '../helpers/build-app.js';

interface Layer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/**
 * Every (method, path) the server will route, read from Express's own route table, plus the POST
 * paths served before the router (server/snap-routes.ts); `all()` 405 catch-alls are skipped.
 */
function exposedRoutes(app: App): string[] {
  const out: string[] = [...app.snapPaths];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const methods = Object.keys(layer.route.methods).filter((m) => m !== '_all');
        if (methods.length > 10) continue;
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const p of paths) for (const m of methods) out.push(`${m} ${(prefix + p).replace(/:(\w+)/g, '{$1}')}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack, prefix + (layer.rawPath && layer.rawPath !== '/' ? layer.rawPath : ''));
    }
  };
  walk((app.express as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out;
}

test('the document is valid OpenAPI 3.1 and covers every exposed route', async () => {
  const sb = await buildSandbox();
  const res = await request(sb.app).get('/__mock/openapi.json');
  expect(res.status).toBe(200);
  const doc = res.body;
  const validator = new Validator();
  const result = await validator.validate(doc);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  expect(doc.openapi).toBe('3.1.0');

  const routes = exposedRoutes(sb.app);
  expect(routes.length).toBeGreaterThan(20);
  const missing = routes.filter((r) => {
    const [method, path] = r.split(' ') as [string, string];
    return !doc.paths[path]?.[method];
  });
  expect(missing).toEqual([]);
});

test('each DOKU endpoint documents its headers, body schema and its own response codes', async () => {
  const sb = await buildSandbox();
  const doc = (await request(sb.app).get('/__mock/openapi.json')).body;
  const pay = doc.paths['/direct-debit/core/v1/debit/payment-host-to-host'].post;
  expect(pay.parameters.map((p: { name: string }) => p.name)).toEqual(
    expect.arrayContaining(['X-SIGNATURE', 'X-EXTERNAL-ID', 'Authorization-Customer', 'X-Mock-Scenario']),
  );
  expect(pay.requestBody.content['application/json'].schema.required).toEqual(
    expect.arrayContaining(['partnerReferenceNo', 'amount', 'additionalInfo']),
  );
  expect(pay.responses['403'].description).toContain('4035414 Insufficient Funds');
  expect(doc.paths['/direct-debit/core/v1/debit/refund'].post.responses['200'].description).toContain('2000700');
});
