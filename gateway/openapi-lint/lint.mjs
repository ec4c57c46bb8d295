// Lints the live OpenAPI document that ApiDesignRulesIntegrationTests wrote with Ketenpoort's
// Spectral ruleset (ketenpoort-spectral.yml), then checks the suite's recorded answers against
// it (contract.mjs); any lint error or unstated answer fails the build. Spectral comes from
// the committed package-lock.json through `npm ci`, run again whenever the lock file changed.
// Without the document (integration tests skipped) there is nothing to lint, and it says so.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { check } from './contract.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const document = path.resolve(here, process.argv[2] ?? '../target/openapi/openapi.json');
if (!existsSync(document)) {
  console.log(`No OpenAPI document at ${document} (integration tests skipped): not linted.`);
  process.exit(0);
}

const installed = path.join(here, 'node_modules', '.package-lock.json');
const lock = path.join(here, 'package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const ci = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: here, stdio: 'inherit' });
  if (ci.status !== 0) {
    process.exit(ci.status ?? 1);
  }
}

const spectral = path.join(here, 'node_modules', '.bin', process.platform === 'win32' ? 'spectral.cmd' : 'spectral');
const result = spawnSync(spectral, ['lint', '--fail-severity', 'error', '--ruleset',
  path.join(here, 'ketenpoort-spectral.yml'), document], { cwd: here, stdio: 'inherit' });
const contract = check(document, path.resolve(path.dirname(document), '..', 'contract', 'answers.jsonl'));
process.exit((result.status ?? 1) !== 0 ? (result.status ?? 1) : contract);
