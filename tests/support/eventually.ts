/**
 * Retries an assertion until it holds or the time is up, then throws its last failure: for outcomes that follow a
 * request asynchronously (a cleanup after an aborted upload), instead of sleeping a fixed time and hoping.
 */
export async function eventually(assertion: () => Promise<void> | void, timeoutMs = 5000, intervalMs = 25): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
