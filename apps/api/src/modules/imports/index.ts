/** Staff import from HR exports (CSV/XLSX): upload, column mapping, dry-run preview, atomic commit. */
export { importsRoutes } from './imports.routes.ts';
