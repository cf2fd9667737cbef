import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { AcceptedPlugin } from 'postcss';
import presetMantinePlugin from 'postcss-preset-mantine';
import simpleVars from 'postcss-simple-vars';

// The package declares itself as an untyped module.
const presetMantine = presetMantinePlugin as () => AcceptedPlugin;

export default defineConfig({
  plugins: [react()],
  css: {
    // Inline rather than a postcss.config.cjs, so the type-aware linter sees every file through a tsconfig.
    postcss: {
      plugins: [
        presetMantine(),
        simpleVars({
          variables: {
            'mantine-breakpoint-xs': '36em',
            'mantine-breakpoint-sm': '48em',
            'mantine-breakpoint-md': '62em',
            'mantine-breakpoint-lg': '75em',
            'mantine-breakpoint-xl': '88em',
          },
        }),
      ],
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
});
