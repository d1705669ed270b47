import { z } from 'zod';
import { ConfigurationError, describeIssues } from './errors';
import { nonEmptyText } from './fields';
import { TypedScalar, type RawValue } from './yaml-source';

const machine = z.looseObject(
  {
    hostname: nonEmptyText(),
    hostip: nonEmptyText(),
    'pai-master': z.custom<RawValue>().optional(),
  },
  { error: 'expected a mapping with hostname and hostip' },
);

const LayoutSchema = z.object(
  { 'machine-list': z.array(machine, { error: 'expected a list of machines' }).min(1, { error: 'expected at least one machine' }) },
  { error: 'expected a mapping with machine-list' },
);

export interface MasterMachine {
  readonly hostname: string;
  readonly ip: string;
}

/**
 * Finds the one machine labelled `pai-master: "true"`. paictl compares the label with the string
 * "true", so a YAML boolean there would leave the cluster without a master; it is accepted here
 * with a warning.
 */
export function findMasterMachine(layout: RawValue, fileName: string, warn: (message: string) => void): MasterMachine {
  const parsed = LayoutSchema.safeParse(layout);
  if (!parsed.success) {
    throw new ConfigurationError(describeIssues(parsed.error.issues, layout, fileName));
  }
  const masters = parsed.data['machine-list'].filter((entry, index) => {
    const label = entry['pai-master'];
    if (label instanceof TypedScalar && label.value === true) {
      warn(`${fileName}: machine-list[${index}].pai-master is the YAML boolean true; paictl only matches the string "true", so quote it`);
      return true;
    }
    return label === 'true';
  });
  if (masters.length !== 1) {
    const found = masters.map((entry) => entry.hostname).join(', ') || 'none';
    throw new ConfigurationError([`${fileName}: machine-list: expected exactly one machine with pai-master: "true", got ${masters.length} (${found})`]);
  }
  return { hostname: masters[0].hostname, ip: masters[0].hostip };
}
