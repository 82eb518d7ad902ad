/**
 * The PermissionPrompt component and Preact as one script, for mounting in an extension page
 * during a test (the driver runs it as the test tool, outside the page's CSP).
 * esbuild is the bundler Vite (and so WXT) already installs.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';

let bundled: Promise<string> | null = null;

export function permissionPromptBundle(): Promise<string> {
  bundled ??= build({
    entryPoints: [resolve(import.meta.dirname, 'mount-permission-prompt.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return bundled;
}
