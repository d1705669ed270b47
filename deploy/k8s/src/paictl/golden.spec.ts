import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { resolveConfiguration } from '../config/resolve';
import { parseYamlSource } from '../config/yaml-source';
import { PLUGINS_FILE, ROUTES_FILE, renderProfile } from '../render';

const FIXTURES = path.resolve(__dirname, '../../../../../shared/fixtures/paictl');
const available = existsSync(FIXTURES);
const cases = available ? readdirSync(FIXTURES).filter((name) => existsSync(path.join(FIXTURES, name, 'services-configuration.yaml'))) : [];

function read(caseName: string, file: string): string {
  return readFileSync(path.join(FIXTURES, caseName, file), 'utf8');
}

function renderCase(caseName: string) {
  const resolution = resolveConfiguration({
    services: parseYamlSource(read(caseName, 'services-configuration.yaml'), 'services-configuration.yaml'),
    servicesFileName: 'services-configuration.yaml',
    layout: parseYamlSource(read(caseName, 'layout.yaml'), 'layout.yaml'),
    layoutFileName: 'layout.yaml',
  });
  return { resolution, result: renderProfile(resolution.configuration, 'paictl', 'services-configuration.yaml') };
}

/** Our images follow the registry settings; paictl hard-codes two of them, so only the image differs. */
const OUR_IMAGES: Record<string, string> = {
  'marketplace-db': 'openpai/marketplace-db:latest',
  'marketplace-restserver': 'openpai/marketplace-restserver:latest',
  'marketplace-webportal': 'openpai/marketplace-webportal:latest',
};

const describeFixtures = available ? describe : describe.skip;
const title = available ? 'paictl golden renders' : 'paictl golden renders (skipped: the paictl fixtures folder is absent)';

describeFixtures(title, () => {
  it('finds the fixture cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(cases)('case %s', (caseName) => {
    const { resolution, result } = available ? renderCase(caseName) : ({} as ReturnType<typeof renderCase>);

    it.each(Object.keys(OUR_IMAGES))('%s DaemonSet matches apart from the image', (service) => {
      const expected = parse(read(caseName, `${service}.yaml`)) as { spec: { template: { spec: { containers: Array<{ image: string }> } } } };
      const paictlImage = expected.spec.template.spec.containers[0].image;
      expect(paictlImage).toMatch(new RegExp(`^openpai/(pai-)?${service}:`));
      expected.spec.template.spec.containers[0].image = OUR_IMAGES[service];

      const rendered = result.files.find((file) => file.name === `${service}.yaml`);
      expect(rendered?.manifests).toHaveLength(1);
      expect(rendered?.manifests?.[0]).toEqual(expected);
      expect(parse(rendered!.content)).toEqual(expected);
    });

    it('AZURE_STORAGE text equals paictl', () => {
      const expected = parse(read(caseName, 'marketplace-restserver.yaml')) as { spec: { template: { spec: { containers: Array<{ env: Array<{ name: string; value: string }> }> } } } };
      const paictlValue = expected.spec.template.spec.containers[0].env.find((entry) => entry.name === 'AZURE_STORAGE')?.value;
      expect(resolution.configuration.restserver.azureStorageJson).toBe(paictlValue);
    });

    it('plugin list equals what the browser gets', () => {
      const expected = JSON.parse(read(caseName, 'webportal.plugins.json')) as { ok: boolean; PAI_PLUGINS: Array<{ id: string; title: string; uri: string }> };
      expect(expected.ok).toBe(true);
      expect(result.effectivePlugins).toHaveLength(expected.PAI_PLUGINS.length);
      result.effectivePlugins.forEach((entry, index) => {
        const paictlEntry = expected.PAI_PLUGINS[index];
        expect(entry.id).toBe(paictlEntry.id);
        expect(entry.title).toBe(paictlEntry.title);
        // paictl orders config pairs by Python 2's dict order, this renderer by the file's order.
        const [ourBase, ourQuery = ''] = entry.uri.split('?');
        const [paictlBase, paictlQuery = ''] = paictlEntry.uri.split('?');
        expect(ourBase).toBe(paictlBase);
        expect(ourQuery.split('&').sort()).toEqual(paictlQuery.split('&').sort());
      });
    });

    it('OpenPAI webportal values equal paictl', () => {
      const env = Object.fromEntries((parse(read(caseName, 'webportal.marketplace-env.yaml')) as Array<{ name: string; value: string }>).map((entry) => [entry.name, entry.value]));
      const { configuration } = resolution;
      expect(configuration.openpai.restServerUri).toBe(env.REST_SERVER_URI);
      expect(configuration.webportal.apiUrl).toBe(env.MARKETPLACE_API_URI);
      expect(String(configuration.openpai.saveTemplate)).toBe(env.SAVE_TEMPLATE);
    });

    it('proxy routes reach the same upstreams', () => {
      const proxyTargets = (text: string) => [...text.matchAll(/proxy_pass (\S+);/g)].map((match) => match[1]);
      const expected = proxyTargets(read(caseName, 'pylon.marketplace-locations.conf'));
      const routes = result.files.find((file) => file.name === ROUTES_FILE)!.content;
      if (resolution.configuration.marketplaceEnabled) {
        expect(proxyTargets(routes)).toEqual(expected);
      } else {
        expect(expected).toEqual([]);
      }
      expect(result.files.some((file) => file.name === PLUGINS_FILE)).toBe(true);
    });
  });
});
