import { Composer, LineCounter, Parser, type Document, type YAMLError } from 'yaml';

import { escapeUnsafeCharacters, type FieldPath, type ProtocolProblem } from './protocol-problem';
import { findExcessiveNesting, resolveAliases } from './yaml-limits';
import { createLineLookup } from './yaml-line-lookup';

/** Largest protocol text accepted, in bytes of UTF-8 (1 MiB). */
export const MAX_PROTOCOL_BYTES = 1024 * 1024;

/**
 * Limit passed to `yaml` as `maxAliasCount`. The library counts the uses of each anchor,
 * weighted by the aliases nested inside it, and throws once the count passes the limit. So
 * an alias bomb fails after a few expansions instead of growing exponentially.
 */
export const MAX_ALIAS_COUNT = 100;

const MAX_REASON_CHARACTERS = 200;

interface ParsedDocument {
  parsed: true;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export type ParsedProtocol =
  | { parsed: true; value: unknown; lineOf: (path: FieldPath) => number }
  | { parsed: false; problems: ProtocolProblem[] };

/**
 * Parses protocol text as one YAML document and converts it to plain values. Returns
 * problems instead for empty or oversized text, YAML errors, several documents, deep
 * nesting and aliases that are undefined, recursive or expand too far.
 */
export function parseProtocolYaml(text: string): ParsedProtocol {
  const size = utf8ByteLength(text);
  if (size > MAX_PROTOCOL_BYTES) {
    const message = `protocol must be at most 1 MiB (${MAX_PROTOCOL_BYTES} bytes), but is ${size} bytes`;
    return { parsed: false, problems: [{ field: 'protocol', message }] };
  }

  if (text.trim() === '') {
    return { parsed: false, problems: [{ field: 'protocol', message: 'protocol must not be empty' }] };
  }

  const parsed = parseSingleDocument(text);
  if (!parsed.parsed) {
    return parsed;
  }
  const { document, lineCounter } = parsed;

  const aliases = resolveAliases(document, lineCounter);
  if (aliases.problems.length > 0) {
    return { parsed: false, problems: aliases.problems };
  }

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // Undefined aliases were reported above, so a ReferenceError here is the alias limit.
    if (!(error instanceof ReferenceError)) {
      throw error;
    }
    const limit = `more than ${MAX_ALIAS_COUNT} alias expansions`;
    const message = `protocol uses YAML aliases that expand too far (${limit}), so it was rejected without expanding them`;
    return { parsed: false, problems: [{ field: 'protocol', message }] };
  }

  return { parsed: true, value, lineOf: createLineLookup(document, lineCounter, aliases.targets) };
}

/**
 * Parses the text into a concrete syntax tree, checks its nesting depth and only then
 * composes it into a document, which `yaml` does recursively.
 */
function parseSingleDocument(text: string): ParsedDocument | { parsed: false; problems: ProtocolProblem[] } {
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));

  const nestingProblem = findExcessiveNesting(tokens, lineCounter);
  if (nestingProblem) {
    return { parsed: false, problems: [nestingProblem] };
  }

  // Merge keys (`<<: *base`, from the YAML 1.1 type repository) are applied, so a mapping
  // built from a shared anchor is checked with its merged keys. Log level "error" keeps
  // `yaml` from printing warnings, such as stringified collection keys, to the process.
  const composer = new Composer({ logLevel: 'error', merge: true });
  let document: Document.Parsed | undefined;
  for (const composed of composer.compose(tokens, true, text.length)) {
    if (document) {
      const { line } = lineCounter.linePos(composed.range[0]);
      const message = `protocol must be a single YAML document, but a second document starts at line ${line}`;
      return { parsed: false, problems: [{ field: 'protocol', message, line }] };
    }
    document = composed;
  }

  // With forceDoc set, the composer yields a document even for an empty text.
  if (!document) {
    throw new Error('yaml Composer yielded no document although forceDoc was set');
  }
  if (document.errors.length > 0) {
    return { parsed: false, problems: document.errors.map((error) => describeYamlError(error, lineCounter)) };
  }

  return { parsed: true, document, lineCounter };
}

function describeYamlError(error: YAMLError, lineCounter: LineCounter): ProtocolProblem {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  const message = `protocol is not valid YAML: ${formatReason(error.message)} at line ${line}, column ${col}`;
  return { field: 'protocol', message, line };
}

/** Shortens and escapes a `yaml` error message, which may quote the input. */
function formatReason(message: string): string {
  const sentence = message.charAt(0).toLowerCase() + message.slice(1);
  const shortened =
    sentence.length > MAX_REASON_CHARACTERS ? `${sentence.slice(0, MAX_REASON_CHARACTERS)}...` : sentence;
  return escapeUnsafeCharacters(shortened);
}

/** Counts the bytes of the UTF-8 encoding, in which lone surrogates become U+FFFD. */
function utf8ByteLength(text: string): number {
  let bytes = 0;

  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);

    if (code < 0x80) {
      bytes += 1;
    } else if (code < 0x800) {
      bytes += 2;
    } else if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      bytes += 4;
      index++;
    } else {
      bytes += 3;
    }
  }

  return bytes;
}
