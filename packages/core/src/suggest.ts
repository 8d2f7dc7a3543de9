/**
 * "Did you mean ...?" for option names: the closest known name to a
 * misspelled one. Used by the CLI for unknown options and by the Runtime for
 * `pluginOptions` keys.
 */

/**
 * Edit distance counting an insertion, deletion, substitution or swap of two
 * neighbouring characters as one edit (optimal string alignment distance):
 * `allow-comand` → `allow-command` is 1, `josn` → `json` is 1.
 */
export function editDistance(a: string, b: string): number {
  // rows[i][j]: distance between the first i characters of a and the first j of b.
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** `allowCommand`, `allow_command`, `ALLOW_COMMAND` → `allow-command`: how the CLI spells option names. */
export function dashedName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase();
}

/** Edits allowed for a suggestion (and at most half the name: two edits turn any short word into another). */
const MAX_DISTANCE = 2;

/**
 * The known name `name` was most likely meant to be, or undefined: the same
 * name written with dashes (`allowCommand`), else the closest within
 * {@link MAX_DISTANCE} edits, else the first
 * name that `name` begins (`--allow` → `allow-command`). Ties go to the first
 * candidate.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const known = [...new Set(candidates)].filter((candidate) => candidate !== name);
  const dashed = dashedName(name);
  if (known.includes(dashed)) return dashed;
  let best: { candidate: string; distance: number } | undefined;
  const limit = Math.min(MAX_DISTANCE, Math.floor(dashed.length / 2));
  for (const candidate of known) {
    const distance = editDistance(dashed, candidate);
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
  }
  if (best) return best.candidate;
  return dashed.length >= 3 ? known.find((candidate) => candidate.startsWith(dashed)) : undefined;
}
