// Usage: node scripts/migrate.mjs up|down [steps|all]   (DATABASE_URL selects the database)
import { migrateUp, rollback } from "./lib/migrations.mjs";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required (postgres://user@host:port/db)");
  process.exit(2);
}
const [command = "up", stepsArg = "1"] = process.argv.slice(2);
if (command === "up") {
  await migrateUp(url);
  console.log("migrations applied");
} else if (command === "down") {
  const steps = stepsArg === "all" ? Number.POSITIVE_INFINITY : Number(stepsArg);
  const undone = await rollback(url, steps);
  console.log(undone.length ? `rolled back: ${undone.join(", ")}` : "nothing to roll back");
} else {
  console.error(`unknown command ${command}: use up or down`);
  process.exit(2);
}
