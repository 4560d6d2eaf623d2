import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../src/index";

/**
 * Calls the Worker's fetch handler inside workerd, as a client would, and waits for the work it
 * left running (waitUntil: closing the database client, outbox relay) before returning.
 */
export async function call(
  path: string,
  init: RequestInit = {},
  bindings: Partial<typeof env> = {},
): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    new Request(`https://api.shelfwise.test${path}`, init),
    { ...env, ...bindings },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

/** Calls the Worker with a JSON body (and, optionally, bindings overridden for this call). */
export function callJson(
  path: string,
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
  bindings: Partial<typeof env> = {},
): Promise<Response> {
  return call(
    path,
    {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    },
    bindings,
  );
}

/** Reads a problem+json response, asserting its media type. */
export async function readProblem(response: Response) {
  if (response.headers.get("content-type") !== "application/problem+json") {
    throw new Error(
      `expected problem+json, got ${response.headers.get("content-type")}: ${await response.text()}`,
    );
  }
  return (await response.json()) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    code: string;
    request_id: string;
    errors?: Array<{ path: string; message: string }>;
    [key: string]: unknown;
  };
}
