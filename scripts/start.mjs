// `npm start`: build the web app if its sources are newer than the build, then run the server (API + web on one
// port, http://localhost:3000 by default). Signals go to the server; its exit code becomes ours.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, ensureWebBuilt } from './web-build.mjs';

try {
  await ensureWebBuilt({ log: (m) => console.log(`[start] ${m}`) });
} catch (err) {
  console.error(`[start] ${err.message}`);
  process.exit(1);
}

const main = path.join(ROOT, 'packages/server/src/main.ts');
// tsx's loader, resolved from here (a bare `--import tsx` would resolve from the working folder).
const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), main], {
  cwd: ROOT,
  stdio: 'inherit',
  env: process.env,
});

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];
for (const sig of SIGNALS) {
  process.on(sig, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  });
}
child.on('error', (err) => {
  console.error(`[start] cannot start the server: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) {
    // Die of the same signal, so whoever started us sees what happened.
    for (const sig of SIGNALS) process.removeAllListeners(sig);
    process.kill(process.pid, signal);
    setTimeout(() => process.exit(1), 1000).unref();
    return;
  }
  process.exit(code ?? 1);
});
