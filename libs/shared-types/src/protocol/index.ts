export { checkJobProtocol, MAX_REPORTED_PROBLEMS } from './job-protocol';
export { MAX_ALIAS_COUNT, MAX_PROTOCOL_BYTES } from './parse-protocol-yaml';
export { escapeUnsafeCharacters, quoteText } from './protocol-problem';
export type { ProtocolCheck, ProtocolProblem } from './protocol-problem';
