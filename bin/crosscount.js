#!/usr/bin/env node
// Global-install entry: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../cli/run.ts');
