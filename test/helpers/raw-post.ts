/** POSTs exact bytes (supertest re-serialises Buffers sent as JSON). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, type RequestListener } from 'node:http';

export async function rawPost(
  app: RequestListener,
  path: string,
  headers: Record<string, string | string[]>,
  bytes: Buffer,
): Promise<{ status: number; body: Record<string, string> }> {
  const server = createServer(app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path, headers }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.end(bytes);
    });
  } finally {
    server.close();
  }
}
