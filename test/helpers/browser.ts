/** Headless Debian Chromium for the browser tests (playwright-core, never a downloaded browser), and a loopback listener. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { buildSandbox, type TestSandbox } from './build-app.js';

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

/** Listens on a free loopback port; the base URL. */
export async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * What the hosted-page tests share: a sandbox on real time on a loopback port, a merchant site that
 * shows where the customer was sent back to, and Chromium. Start in beforeAll, close in afterAll.
 */
export interface PageHarness {
  sb: TestSandbox;
  sandboxUrl: string;
  merchantUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function pageHarness(): Promise<PageHarness> {
  const sb = await buildSandbox();
  sb.clock.now = () => Date.now();
  const sandbox = createServer(sb.app);
  const merchant = createServer((req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<h1>Merchant page</h1><p id="path">${req.url}</p>`),
  );
  const [sandboxUrl, merchantUrl, browser] = await Promise.all([listen(sandbox), listen(merchant), launchChromium()]);
  return {
    sb,
    sandboxUrl,
    merchantUrl,
    browser,
    close: async () => {
      await browser.close();
      sb.app.outbox.stop();
      sandbox.close();
      merchant.close();
    },
  };
}
