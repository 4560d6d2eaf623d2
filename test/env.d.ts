declare namespace Cloudflare {
  interface Env {
    /** Test-only Hyperdrive binding to a closed port (vitest.config.ts). */
    HYPERDRIVE_UNREACHABLE: Hyperdrive;
    /** Test-only Hyperdrive binding through the flight-counting proxy (test/flight-counter.ts). */
    HYPERDRIVE_COUNTED: Hyperdrive;
  }
}
