import { parseArgs } from 'node:util';
import { buildCloud } from './app.ts';
import { faultsFromEnv, type FaultRule } from './plugins/faults.ts';

// `npm run cloud -- --port P --db FILE --transition-ms N`: the embedded cloud alone.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.CLOUD_PORT ?? '8774' },
    host: { type: 'string', default: process.env.CLOUD_HOST ?? '127.0.0.1' },
    db: { type: 'string', default: process.env.CLOUD_DB ?? '.data/cloud.sqlite' },
    'transition-ms': { type: 'string', default: process.env.CLOUD_TRANSITION_MS ?? '3000' },
    'token-ttl': { type: 'string', default: process.env.CLOUD_TOKEN_TTL ?? '86400' },
    region: { type: 'string', default: process.env.CLOUD_REGION ?? 'RegionOne' },
    'public-url': { type: 'string', default: process.env.CLOUD_PUBLIC_URL },
    'fault-route': { type: 'string' },
    'fault-latency-ms': { type: 'string' },
    'fault-500': { type: 'string' },
    'fault-503': { type: 'string' },
    'fault-drop': { type: 'string' },
    'fault-drop-answer': { type: 'string' },
    log: { type: 'boolean', default: false },
  },
});

const faults: FaultRule[] = faultsFromEnv(process.env);
const faultFlags = ['fault-route', 'fault-latency-ms', 'fault-500', 'fault-503', 'fault-drop', 'fault-drop-answer'] as const;
if (faultFlags.some((flag) => values[flag])) {
  faults.push({
    route: values['fault-route'] ?? '.*',
    latencyMs: Number(values['fault-latency-ms'] ?? 0),
    error500: Number(values['fault-500'] ?? 0),
    error503: Number(values['fault-503'] ?? 0),
    drop: Number(values['fault-drop'] ?? 0),
    dropAnswer: Number(values['fault-drop-answer'] ?? 0),
  });
}

const app = await buildCloud({
  dbPath: values.db,
  transitionMs: Number(values['transition-ms']),
  tokenTtlSeconds: Number(values['token-ttl']),
  region: values.region,
  publicUrl: values['public-url'],
  faults,
  logger: values.log,
});
const address = await app.listen({ port: Number(values.port), host: values.host }).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error;
  // the usual case: a real Nova (or another cloud) on 8774
  console.error(`Cannot start: ${values.host}:${values.port} is in use. Choose another port with --port or CLOUD_PORT (0 for any free one).`);
  process.exit(1);
});
console.log(`Embedded ECS cloud listening on ${address} (database ${values.db})`);
console.log('Identity: POST /v3/auth/tokens, domain Default: admin/admin, alice/alice, bob/bob');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void app.close().then(() => process.exit(0)));
}
