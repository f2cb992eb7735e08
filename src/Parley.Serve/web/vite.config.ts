import { defineConfig } from "vite";

// Built into dist/, which the .NET build copies to wwwroot/. No inline scripts: the CSP is script-src 'self'.
export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: { proxy: { "/api": "http://127.0.0.1:5080" } },
});
