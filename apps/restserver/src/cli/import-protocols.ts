import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { checkJobProtocol, type CreateItemRequest, type ItemSource } from '@openpai-marketplace/shared-types';

import type { ItemsService } from '../items/items.service';

export interface ImportProtocolsOptions {
  author: string;
  visibility: { isPublic: boolean; isPrivate: boolean; groupList: string[] };
  source: ItemSource;
}

export interface ImportedFile {
  file: string;
  outcome: 'created' | 'refused';
  /** The new item's id, or why the file was refused. */
  detail: string;
}

const PROTOCOL_FILE = /\.ya?ml$/i;

/**
 * Creates a job template from each YAML file of a folder and its subfolders, in path order. The protocol gives the name, summary and description; the options give author,
 * visibility and source. A file that fails the protocol rule is refused with the first problem,
 * and the others are still imported.
 */
export async function importProtocolFolder(items: ItemsService, folder: string, options: ImportProtocolsOptions): Promise<ImportedFile[]> {
  const results: ImportedFile[] = [];
  for (const file of findProtocolFiles(folder, '')) {
    results.push(await importOne(items, join(folder, file), file, options));
  }
  return results;
}

/** Paths relative to `root` of every YAML file below `root/relative`, sorted. */
function findProtocolFiles(root: string, relative: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(root, relative)).sort()) {
    const path = relative ? `${relative}/${entry}` : entry;
    const stats = statSync(join(root, path));
    if (stats.isDirectory()) {
      found.push(...findProtocolFiles(root, path));
    } else if (stats.isFile() && PROTOCOL_FILE.test(entry)) {
      found.push(path);
    }
  }
  return found;
}

async function importOne(items: ItemsService, path: string, file: string, options: ImportProtocolsOptions): Promise<ImportedFile> {
  const text = readFileSync(path, 'utf8');
  const check = checkJobProtocol(text);
  if (!check.valid) {
    const problem = check.problems[0];
    return { file, outcome: 'refused', detail: problem.line === undefined ? problem.message : `line ${problem.line}: ${problem.message}` };
  }

  const protocol = check.protocol as { name: string; description?: unknown };
  const description = typeof protocol.description === 'string' ? protocol.description.trim() : '';
  const request: CreateItemRequest = {
    name: protocol.name,
    author: options.author,
    type: 'template',
    source: options.source,
    ...options.visibility,
    summary: summaryOf(description, protocol.name),
    description: description || `Job template imported from ${file}.`,
    protocol: text,
  };
  try {
    const { id } = await items.create({ username: options.author, admin: false, groups: [] }, request);
    return { file, outcome: 'created', detail: id };
  } catch (error) {
    return { file, outcome: 'refused', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Picks the first non-empty description line, without its heading marks, cut to the column's 255 characters. */
function summaryOf(description: string, name: string): string {
  const line = description
    .split('\n')
    .map((text) => text.replace(/^#+\s*/, '').trim())
    .find(Boolean);
  const summary = line ?? `Job template ${name}`;
  return summary.length > 255 ? `${summary.slice(0, 254)}…` : summary;
}
