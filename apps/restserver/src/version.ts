/** Version of this server, reported in the OpenAPI document and the start-up log. */
export const SERVER_VERSION = '2.0.0-alpha.0';
