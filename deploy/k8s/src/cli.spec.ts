import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './cli';
import { LAYOUT, SWITCHED_ON } from './test/configuration';

describe('render command', () => {
  let folder: string;
  let out: string[];
  let err: string[];
  const output = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'k8s-render-'));
    out = [];
    err = [];
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes paictl files', () => {
    writeFileSync(path.join(folder, 'services-configuration.yaml'), SWITCHED_ON);
    writeFileSync(path.join(folder, 'layout.yaml'), LAYOUT);
    const target = path.join(folder, 'out');
    const code = runCli(['--config', path.join(folder, 'services-configuration.yaml'), '--layout', path.join(folder, 'layout.yaml'), '--out', target], output);
    expect(code).toBe(0);
    expect(readFileSync(path.join(target, 'marketplace-db.yaml'), 'utf8')).toContain('kind: DaemonSet');
    expect(existsSync(path.join(target, 'pylon-marketplace-locations.conf'))).toBe(true);
    expect(err).toEqual([]);
  });

  it('reads a singular file name from a folder', () => {
    writeFileSync(path.join(folder, 'service-configuration.yaml'), SWITCHED_ON);
    writeFileSync(path.join(folder, 'layout.yaml'), LAYOUT);
    const code = runCli(['--config', folder, '--out', path.join(folder, 'out'), '--profile', 'standalone'], output);
    expect(code).toBe(0);
    expect(err.join('\n')).toContain('paictl only reads services-configuration.yaml');
    expect(existsSync(path.join(folder, 'out', '00-secret.yaml'))).toBe(true);
  });

  it('exits 1 on invalid configuration', () => {
    writeFileSync(path.join(folder, 'services-configuration.yaml'), `${SWITCHED_ON}marketplace-db:\n  port: abc\n`);
    writeFileSync(path.join(folder, 'layout.yaml'), LAYOUT);
    expect(runCli(['--config', folder, '--out', path.join(folder, 'out')], output)).toBe(1);
    expect(err.join('\n')).toContain('marketplace-db.port: expected an integer 1–65535, got "abc"');
    expect(existsSync(path.join(folder, 'out'))).toBe(false);
  });

  it('exits 1 on a missing file', () => {
    expect(runCli(['--config', path.join(folder, 'absent.yaml'), '--out', folder], output)).toBe(1);
    expect(err.join('\n')).toContain('file not found');
  });

  it.each([[['--out', 'x']], [['--config', 'x']], [['--config', 'x', '--out', 'y', '--profile', 'helm']], [['--bogus']]])('exits 2 on usage %j', (argv) => {
    expect(runCli(argv, output)).toBe(2);
    expect(err.join('\n')).toContain('Usage:');
  });
});
