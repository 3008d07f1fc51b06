/** Waits for a condition the background workers bring about, up to a generous limit. */
export async function eventually(check: () => Promise<boolean>, what: string, limitMs = 30_000) {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Not within ${limitMs} ms: ${what}`);
}
