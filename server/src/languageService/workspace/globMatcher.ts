/**
 * `**`, `*` and `?` globs over `/`-separated paths (the `policies` of a flow in `apim-flows.json`).
 *
 * The glob comes from a committed file, so matching must stay cheap whatever it holds: a regular
 * expression built from `**a**a**a…b` backtracks exponentially on a path of `a`s. The glob is
 * compiled once into a list of steps and matched by running all positions of the pattern at once
 * (a Thompson-style NFA simulation): O(path length × glob length) in the worst case, no
 * backtracking.
 *
 * Semantics: `**` followed by `/` matches nothing or any run of characters ending in `/` (so
 * `apis/**\/policy.xml` matches `apis/policy.xml`); any other `**` matches any run of characters,
 * `/` included; `*` matches a run of characters other than `/`; `?` matches one character other
 * than `/`; everything else matches itself.
 */

const LITERAL = 0;
/** `?`: one character other than `/`. */
const ONE = 1;
/** `*`: any run of characters other than `/`. */
const SEGMENT = 2;
/** `**`: any run of characters. */
const ANY = 3;
/**
 * `**` before `/`: consumes nothing; goes on to the ANY and `/` steps that follow it, or past both
 * (`(?:.*\/)?`).
 */
const OPTIONAL_DIRS = 4;

export type GlobMatcher = (path: string) => boolean;

interface Step {
  kind: number;
  char: string;
}

function steps(glob: string): Step[] {
  const out: Step[] = [];
  const push = (kind: number, char = '') => {
    const last = out[out.length - 1];
    // Runs of stars collapse: `*` after `**` (or `**` after `*`) adds nothing but pattern length.
    if (last && (kind === SEGMENT || kind === ANY) && (last.kind === SEGMENT || last.kind === ANY)) {
      last.kind = Math.max(last.kind, kind);
      return;
    }
    out.push({ kind, char });
  };
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      if (glob[i + 2] === '/') {
        out.push({ kind: OPTIONAL_DIRS, char: '' }, { kind: ANY, char: '' }, { kind: LITERAL, char: '/' });
        i += 2;
      } else {
        push(ANY);
        i += 1;
      }
    } else if (c === '*') push(SEGMENT);
    else if (c === '?') push(ONE);
    else push(LITERAL, c);
  }
  return out;
}

/** Compiles `glob` once; the matcher it returns tests whole paths. */
export function compileGlob(glob: string): GlobMatcher {
  const pattern = steps(glob);
  const m = pattern.length;
  // Positions 0..m; m is "the whole glob matched". Empty moves only go forward, so one pass in
  // ascending order closes a set over them.
  const close = (set: Uint8Array) => {
    for (let i = 0; i < m; i++) {
      if (!set[i]) continue;
      const kind = pattern[i].kind;
      if (kind === SEGMENT || kind === ANY || kind === OPTIONAL_DIRS) set[i + 1] = 1;
      if (kind === OPTIONAL_DIRS) set[i + 3] = 1;
    }
  };
  return (path: string) => {
    let current = new Uint8Array(m + 1);
    let next = new Uint8Array(m + 1);
    current[0] = 1;
    close(current);
    for (let p = 0; p < path.length; p++) {
      const c = path[p];
      next.fill(0);
      let alive = false;
      for (let i = 0; i < m; i++) {
        if (!current[i]) continue;
        const step = pattern[i];
        switch (step.kind) {
          case LITERAL:
            if (c === step.char) next[i + 1] = 1;
            break;
          case ONE:
            if (c !== '/') next[i + 1] = 1;
            break;
          case SEGMENT:
            if (c !== '/') next[i] = 1;
            break;
          case ANY:
            next[i] = 1;
            break;
          default:
            // OPTIONAL_DIRS consumes nothing
        }
      }
      close(next);
      for (let i = 0; i <= m && !alive; i++) alive = next[i] === 1;
      if (!alive) return false;
      [current, next] = [next, current];
    }
    return current[m] === 1;
  };
}
