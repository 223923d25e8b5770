// The one bundle every action and the CLI share: dist/main/index.js. Per-action entries import it and call runAction.
export { runAction, runCli, runRootAction } from './runtime';
