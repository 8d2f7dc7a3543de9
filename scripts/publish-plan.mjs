// The pure parts of scripts/publish.mjs (unit-tested in test/scripts/publish-plan.test.ts).

/**
 * The one version every @ws package has (they move in lockstep), or the
 * problem to report when they disagree.
 * @param {{ name: string, version: string }[]} manifests
 * @returns {{ version?: string, problem?: string }}
 */
export function lockstepVersion(manifests) {
  const distinct = [...new Set(manifests.map((m) => m.version))];
  if (distinct.length === 1) return { version: distinct[0] };
  if (distinct.length === 0) return { problem: 'there is no package to publish.' };
  const list = manifests.map((m) => `  ${m.name}@${m.version}`).join('\n');
  return {
    problem: `the @ws packages disagree on their version (they move in lockstep):\n${list}\nSet one version in every package.json, then run node scripts/package-binaries.mjs.`,
  };
}

/**
 * Dependency order within the set: a package comes after every package of
 * the set it depends on (dependencies, optional and peer), so the registry
 * never serves a manifest pointing at a version it does not have yet.
 * Otherwise alphabetical, so the order is stable.
 * @template {{ manifest: { name: string, dependencies?: object, optionalDependencies?: object, peerDependencies?: object } }} T
 * @param {T[]} packages
 * @returns {T[]}
 */
export function publishOrder(packages) {
  const byName = new Map(packages.map((pkg) => [pkg.manifest.name, pkg]));
  const ordered = [];
  const visiting = new Set();
  const visit = (pkg) => {
    if (ordered.includes(pkg) || visiting.has(pkg.manifest.name)) return;
    visiting.add(pkg.manifest.name);
    const { dependencies, optionalDependencies, peerDependencies } = pkg.manifest;
    for (const name of Object.keys({ ...dependencies, ...optionalDependencies, ...peerDependencies })) {
      const dependency = byName.get(name);
      if (dependency) visit(dependency);
    }
    ordered.push(pkg);
  };
  for (const pkg of [...packages].sort((a, b) => a.manifest.name.localeCompare(b.manifest.name))) visit(pkg);
  return ordered;
}

