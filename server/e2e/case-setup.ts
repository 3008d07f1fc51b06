import { expect } from 'chai';
import type { Page } from 'playwright-core';
import type { Agent } from '../test/agent.ts';
import { intake, registration } from '../test/case-fixtures.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** Logs the browser in through the development provider and waits for the home page. */
export async function logIn(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/auth/login`);
  await page.getByLabel('Gebruikersnaam', { exact: true }).fill(username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill('demo');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
}

async function created(agent: Agent, path: string, body: unknown): Promise<string> {
  const response = await agent.send('POST', path, body);
  expect(response.status, `${path}: ${response.text}`).to.equal(201);
  return response.json<{ id: string }>().id;
}

/** A case with its intake done and, when asked, routes and coaching running. */
export async function caseInProgress(
  agent: Agent,
  name: string,
  running: { routes?: { type: string; note?: string }[]; coach?: string } = {},
  entrepreneur: Record<string, unknown> = {},
): Promise<{ caseId: string; routeIds: string[] }> {
  const caseId = await created(agent, '/api/v1/cases', registration({}, { name, ...entrepreneur }));
  await created(agent, `/api/v1/cases/${caseId}/intake`, intake());
  const routeIds: string[] = [];
  for (const route of running.routes ?? []) {
    routeIds.push(
      await created(agent, `/api/v1/cases/${caseId}/routes`, {
        type: route.type,
        startDate: today(),
        note: route.note,
      }),
    );
  }
  if (running.coach) {
    await created(agent, `/api/v1/cases/${caseId}/coachings`, {
      coach: running.coach,
      startDate: today(),
    });
  }
  return { caseId, routeIds };
}

/** A case just registered, before its intake. */
export async function registeredCase(agent: Agent, name: string): Promise<string> {
  return created(agent, '/api/v1/cases', registration({}, { name }));
}

// These run in the page (the server's TypeScript has no DOM types, so they are strings).

/** The text of the element that has the focus. */
export const focusedText = (page: Page) =>
  page.evaluate('document.activeElement?.textContent ?? null') as Promise<string | null>;

/**
 * Waits until the element with the focus matches, e.g. `waitForFocus(page, "tagName ===
 * 'H1'")`. It polls from here: the app's CSP forbids the page-side eval of waitForFunction.
 */
export async function waitForFocus(page: Page, condition: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(`document.activeElement?.${condition} === true`)) return;
    if (Date.now() > deadline) {
      const focused = await page.evaluate('document.activeElement?.outerHTML.slice(0, 120)');
      throw new Error(`Focus never matched ${condition}; it is on ${String(focused)}`);
    }
    await page.waitForTimeout(50);
  }
}

/** Whether the focus is inside an open dialog. */
export const focusInDialog = (page: Page) =>
  page.evaluate("document.activeElement?.closest('dialog[open]') != null") as Promise<boolean>;

/** The keys this tab keeps in sessionStorage. */
export const sessionKeys = (page: Page) =>
  page.evaluate('Object.keys(sessionStorage)') as Promise<string[]>;
