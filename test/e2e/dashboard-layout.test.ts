/**
 * The dashboard at the widths its users have (issue #28 §3): at 390 px (a phone) nothing makes the
 * page wider than the window; at 1280 and 1920 px every panel's columns, the actions included, are
 * visible without scrolling inside it. With DOKU_ADMIN_TOKEN set, a wrong token is told so.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { buildSandbox, type TestSandbox } from '../helpers/build-app.js';
import { IP, PAY, SnapClient, customerSession, paymentBody } from '../helpers/snap-client.js';

const SHOTS = process.env.DASHBOARD_SCREENSHOTS ?? tmpdir();

async function serve(env: Record<string, string> = {}) {
  const sb = await buildSandbox(env);
  sb.clock.now = () => Date.now();
  const server = createServer(sb.app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { sb, server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('the dashboard at 390, 1280 and 1920 px', () => {
  let browser: Browser;
  const running: { sb: TestSandbox; server: Server; base: string }[] = [];
  beforeAll(async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const r of running) {
      r.sb.app.outbox.stop();
      r.server.close();
    }
  });

  test('nothing overflows at 390 px; every column is visible in its panel at 1280 and 1920 px', async () => {
    const r = await serve();
    running.push(r);
    const client = new SnapClient(r.base);
    const session = await customerSession(client);
    await client.tx(PAY, paymentBody('LAYOUT-1'), { customerToken: session.customerToken, headers: IP, secret: 'wrong' }); // a "Why?" row
    await client.tx(PAY, paymentBody('LAYOUT-2'), {
      customerToken: session.customerToken,
      headers: { ...IP, 'X-Mock-Scenario': 'payment-in-progress-until-settled' },
    });
    for (const width of [390, 1280, 1920]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${r.base}/__mock/ui`);
      await page.locator('#payments tr', { hasText: 'LAYOUT-2' }).getByRole('button', { name: 'Settle SUCCESS' }).waitFor();
      await page.locator('#requests tr', { hasText: 'payment-host-to-host' }).getByRole('button', { name: 'Why?' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect([width, overflow <= 0]).toEqual([width, true]);
      if (width >= 1280) {
        const hidden = await page.evaluate(() =>
          [...document.querySelectorAll('main section')].flatMap((section) => {
            const edge = section.getBoundingClientRect().right;
            return [...section.querySelectorAll('th, td')]
              .filter((cell) => cell.getBoundingClientRect().right > edge + 1)
              .map((cell) => `${section.querySelector('h2')?.textContent}: ${cell.textContent}`);
          }),
        );
        expect([width, hidden]).toEqual([width, []]);
      }
      await page.screenshot({ path: join(SHOTS, `dashboard-${width}.png`), fullPage: true });
      await page.close();
    }
  });

  test('with DOKU_ADMIN_TOKEN, a wrong token is told so; the right one opens the dashboard', async () => {
    const r = await serve({ DOKU_ADMIN_TOKEN: 'the-admin-token' });
    running.push(r);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${r.base}/__mock/ui`);
    await page.getByLabel('Admin token (DOKU_ADMIN_TOKEN)').fill('not-it');
    await page.getByRole('button', { name: 'Use' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/That token was refused/);
    await page.getByLabel('Admin token (DOKU_ADMIN_TOKEN)').fill('the-admin-token');
    await page.getByRole('button', { name: 'Use' }).click();
    await page.getByText('● live').waitFor();
    expect(await page.locator('#auth').isHidden()).toBe(true);
    await page.close();
  });
});
