// Small helpers the benchmark scenarios share for their setup data.

/** A random ISBN-13 with a valid check digit. */
export function isbn13() {
  const body = `978${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** The JSON body of a successful setup call; anything else stops the scenario, saying `what`. */
export async function json(response, what) {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}
