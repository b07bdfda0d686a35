import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// Where `vite dev` sends /api; the server's default port unless told otherwise.
const apiTarget = process.env.L2C_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    manifest: true, // the chunk graph scripts/bundle-size.mjs measures the first screen from
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // @rc-component/form (and its validator) ships without "sideEffects": false, so antd's form context — which every
      // Dropdown, Popover and Tooltip imports through ContextIsolator — kept all of it on the first screen (12 kB
      // gzipped). Its modules only define things; the pages that use Form still get what they import.
      treeshake: { moduleSideEffects: [{ test: /node_modules[\\/]@rc-component[\\/](form|async-validator)[\\/]/, sideEffects: false }] },
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 20 },
            // No antd or shared group: one chunk of every component any page uses made the first screen load all of antd
            // (363 kB gzipped), and every zod schema of @l2c/shared came with it. Left to the bundler, each page's components come with its chunk and the shell's stay small
            // (scripts/bundle-size.mjs checks the first screen's size).
          ],
        },
      },
    },
  },
});
