// `npm start`: build the web app and bundle the server if their sources are newer than the builds, then run the server
// (API + web on one port, http://localhost:3000 by default). Signals go to the server; its exit code becomes ours.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureWebBuilt } from './web-build.mjs';
import { SERVER_BUNDLE, ensureServerBuilt } from './server-build.mjs';

try {
  await Promise.all([ensureWebBuilt({ log: (m) => console.log(`[start] ${m}`) }), ensureServerBuilt({ log: (m) => console.log(`[start] ${m}`) })]);
} catch (err) {
  console.error(`[start] ${err.message}`);
  process.exit(1);
}

// --enable-source-maps: stack traces name the TypeScript sources, not the bundle's lines
const child = spawn(process.execPath, ['--enable-source-maps', SERVER_BUNDLE], {
  cwd: path.resolve(import.meta.dirname, '..'),
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
