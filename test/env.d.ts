declare namespace Cloudflare {
  interface Env {
    /** Test-only Hyperdrive binding to a closed port (vitest.config.ts). */
    HYPERDRIVE_UNREACHABLE: Hyperdrive;
  }
}
