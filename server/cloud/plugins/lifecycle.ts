import { startEngine } from '../lifecycle/engine.ts';
import { appPlugin } from './plugin.ts';

/** Runs the lifecycle engine while the app runs; it stops before the database closes. */
export default appPlugin('lifecycle', async (app) => {
  const stop = startEngine(app.db, app.cloudConfig.transitionMs, (err) => app.log.error({ err }, 'lifecycle tick failed'));
  app.addHook('onClose', async () => stop());
});
