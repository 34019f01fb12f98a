/** A setting of the environment that the console cannot run with; the message names it. */
export class ConfigError extends Error {}
