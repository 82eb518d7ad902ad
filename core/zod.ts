import { z } from 'zod';

// Extension pages forbid `new Function` (CSP script-src 'self'); zod's JIT would try it.
// Every core module imports `z` from here so the setting is applied before any schema exists.
z.config({ jitless: true });

export { z };
