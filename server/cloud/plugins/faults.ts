import { appPlugin } from './plugin.ts';

/**
 * Fault injection for the console's own tests, off by default. Each rule applies to
 * requests whose "METHOD path" matches `route` (a regular expression).
 */
export interface FaultRule {
  route: string;
  /** Extra latency in ms added before the request is handled. */
  latencyMs?: number;
  /** Share (0..1) of matching requests answered with 500. */
  error500?: number;
  /** Share (0..1) answered with 503 and Retry-After. */
  error503?: number;
  /** Share (0..1) whose connection is dropped before the request is handled (nothing applied). */
  drop?: number;
  /**
   * Share (0..1) handled as usual — a write is applied — whose answer is then never sent: the
   * connection is cut (what a client sees when a slow cloud's answer outlives its timeout).
   */
  dropAnswer?: number;
}

/** Rules from CLOUD_FAULTS (a JSON array of FaultRule), or from the --fault-* flags. */
export function faultsFromEnv(env: NodeJS.ProcessEnv): FaultRule[] {
  if (!env.CLOUD_FAULTS) return [];
  const parsed: unknown = JSON.parse(env.CLOUD_FAULTS);
  if (!Array.isArray(parsed)) throw new Error('CLOUD_FAULTS must be a JSON array of rules');
  return parsed as FaultRule[];
}

/** The fault rules of the options (none by default), before any other hook. */
export default appPlugin<{ rules: FaultRule[]; random?: () => number }>('faults', async (app, { rules, random = Math.random }) => {
  if (rules.length === 0) return;
  const compiled = rules.map((r) => ({ ...r, re: new RegExp(r.route) }));
  const answerLost = new WeakSet<object>();
  app.addHook('onSend', async (req, _reply, payload) => {
    // the work is done and stored; only the answer is lost
    if (answerLost.has(req)) req.raw.socket?.destroy();
    return payload;
  });
  app.addHook('onRequest', async (req, reply) => {
    const key = `${req.method} ${req.url}`;
    for (const rule of compiled) {
      if (!rule.re.test(key)) continue;
      if (rule.latencyMs) await new Promise((r) => setTimeout(r, rule.latencyMs));
      if (rule.drop && random() < rule.drop) {
        req.raw.socket.destroy();
        return reply.hijack();
      }
      if (rule.dropAnswer && random() < rule.dropAnswer) answerLost.add(req);
      if (rule.error503 && random() < rule.error503) {
        return reply
          .code(503)
          .header('Retry-After', '1')
          .send({ serviceUnavailable: { code: 503, message: 'Service Unavailable (injected fault)' } });
      }
      if (rule.error500 && random() < rule.error500) {
        return reply
          .code(500)
          .send({ computeFault: { code: 500, message: 'Unexpected API Error (injected fault).' } });
      }
    }
  });
});
