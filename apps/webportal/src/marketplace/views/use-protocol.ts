import { parse } from 'yaml';

/** Key under which OpenPAI's submission page reads a job handed over by the marketplace. */
export const SUBMISSION_STORAGE_KEY = 'marketItem';

/**
 * Hands a job protocol to OpenPAI's submission page: the protocol object, as JSON, under the
 * localStorage key `marketItem`. The caller then navigates to `/submit.html`.
 */
export function storeProtocolForSubmission(protocolYaml: string): void {
  localStorage.setItem(SUBMISSION_STORAGE_KEY, JSON.stringify(parse(protocolYaml, { maxAliasCount: 100 })));
}

/** Offers the protocol as a file, for use outside OpenPAI. */
export function downloadProtocol(protocolYaml: string, name: string): void {
  const url = URL.createObjectURL(new Blob([protocolYaml], { type: 'application/yaml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name.replace(/[^A-Za-z0-9_-]+/g, '_') || 'protocol'}.yaml`;
  link.click();
  URL.revokeObjectURL(url);
}
