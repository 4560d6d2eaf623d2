import { hc } from "hono/client";
import type { AppType } from "../../src/index";
import { call } from "./http";
import { bearer } from "./tenant";

/**
 * A typed client (hono/client over the app's `AppType`) whose fetch calls the Worker inside
 * workerd (no network): request bodies and responses are typed from the routes themselves, so
 * tests need no casts of what the API answers.
 */
export function typedClient(key: string) {
  return hc<AppType>("https://api.shelfwise.test", {
    headers: bearer(key),
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      return call(`${url.pathname}${url.search}`, init);
    },
  });
}

/** The body of `POST /v2/books`, as the route declares it. */
export type NewBook = Parameters<ReturnType<typeof typedClient>["v2"]["books"]["$post"]>[0]["json"];
