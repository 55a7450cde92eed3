/**
 * The value of a registry call that must succeed; otherwise the test fails with the coded error
 * (channel tests call `core.registry.invoke` directly, as the transports do).
 */
export async function ok<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}
