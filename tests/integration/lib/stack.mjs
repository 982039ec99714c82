// The local stack the integration tests run against (started by scripts/stack up DIR PORT):
// where it is, its base URL, the WordPress accounts, SQL as MariaDB root, stopping/starting MariaDB.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The stack directory, from PLACETTE_STACK_DIR. A test without a stack fails, it never skips. */
export function stackDir() {
  const dir = process.env.PLACETTE_STACK_DIR;
  if (!dir) {
    throw new Error('PLACETTE_STACK_DIR is not set: start a stack with scripts/stack up DIR PORT');
  }
  return path.resolve(dir);
}

/** KEY=VALUE settings written by the stack (DIR/stack.env): ports, URLs, sockets, paths. */
export function stackEnv() {
  const env = {};
  for (const line of readFileSync(path.join(stackDir(), 'stack.env'), 'utf8').split('\n')) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) env[m[1]] = m[2];
  }
  return env;
}

/** Base URL without a trailing slash: PLACETTE_BASE_URL, else the stack's own. */
export function baseUrl() {
  const url = process.env.PLACETTE_BASE_URL || stackEnv().STACK_BASE_URL;
  return url.replace(/\/+$/, '');
}

/** Absolute URL of a path on the stack ("/participer/" → "http://127.0.0.1:PORT/participer/"). */
export function urlOf(pathOrUrl) {
  return /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : baseUrl() + pathOrUrl;
}

/** The WordPress accounts the stack created: [{login, password, role, displayName, ...}]. */
export function wordpressUsers() {
  const file = path.join(stackDir(), 'wordpress-users.tsv');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [login, password, role, displayName, firstName, lastName, email] = line.split('\t');
      return { login, password, role, displayName, firstName, lastName, email };
    });
}

export function wordpressUser(login) {
  const user = wordpressUsers().find((u) => u.login === login);
  if (!user) throw new Error(`no WordPress user ${login} in the stack`);
  return user;
}

// mariadb --batch escapes tab, newline, backslash and NUL inside values.
function unescapeField(field) {
  if (field === 'NULL') return null;
  return field.replace(/\\([\\tn0])/g, (_, c) => ({ '\\': '\\', t: '\t', n: '\n', 0: '\0' })[c]);
}

/**
 * Runs SQL as MariaDB root over the stack's socket (database wordpress unless told otherwise) and
 * returns the rows of the last statement as arrays of strings; SQL NULL comes back as null.
 */
export function sql(query, { database = 'wordpress' } = {}) {
  const out = execFileSync(
    'mariadb',
    [
      `--defaults-file=${path.join(stackDir(), 'mariadb', 'root.cnf')}`,
      '--batch',
      '--skip-column-names',
      `--database=${database}`,
      '--execute',
      query,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 },
  );
  return out
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t').map(unescapeField));
}

function stackCommand(command) {
  execFileSync(path.join(repoDir, 'scripts', 'stack'), [command, stackDir()], {
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 120_000,
  });
}

/** Stops the stack's MariaDB (to check that Placette answers 503 and recovers). */
export const stopMariadb = () => stackCommand('mariadb-stop');
export const startMariadb = () => stackCommand('mariadb-start');
export const restartMariadb = () => stackCommand('mariadb-restart');
