#!/usr/bin/env node
// What `npm install vanban` costs a user, measured as they would get it: the packed tarball
// installed into an empty project. Prints the size of node_modules and the packages installed.
// Needs the registry (or npm's cache). Run: npm run install-size
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'vanban-install-'));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
try {
  // The tarball of the current build (`npm run build` first): scripts are not run again.
  const [{ filename, size, unpackedSize, entryCount }] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], root));
  const project = join(dir, 'project');
  mkdirSync(project);
  npm(['init', '-y'], project);
  npm(['install', '--no-audit', '--no-fund', join(dir, filename)], project);
  const tree = JSON.parse(npm(['ls', '--all', '--json'], project));
  const packages = new Set();
  const walk = (deps) => {
    for (const [name, node] of Object.entries(deps ?? {})) {
      if (packages.has(`${name}@${node.version}`)) continue;
      packages.add(`${name}@${node.version}`);
      walk(node.dependencies);
    }
  };
  walk(tree.dependencies);
  const bytes = folderSize(join(project, 'node_modules'));
  console.log(`tarball ${filename}: ${kb(size)} packed, ${kb(unpackedSize)} unpacked, ${entryCount} files`);
  console.log(`npm install of it into an empty project: node_modules ${(bytes / 1e6).toFixed(1)} MB on disk, ${packages.size} packages (vanban included)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function kb(n) {
  return `${(n / 1000).toFixed(0)} kB`;
}

/** Bytes on disk (blocks, as du counts them), links not followed. */
function folderSize(folder) {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info || entry.isSymbolicLink()) continue;
    total += info.blocks * 512;
    if (entry.isDirectory()) total += folderSize(path);
  }
  return total;
}
