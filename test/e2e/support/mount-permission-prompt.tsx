/**
 * Test-only entry (bundled by permission-prompt-bundle.ts, run in an extension page): mounts
 * the real PermissionPrompt over the real `browser.permissions`, at the top of the page.
 * Used until the popup / history page mount it themselves.
 */
import { render } from 'preact';
import { PermissionPrompt } from '../../../components/PermissionPrompt';
import type { PermissionsApi } from '../../../lib/permissions';

const permissions = (globalThis as unknown as { browser: { permissions: PermissionsApi } }).browser.permissions;
const host = document.createElement('div');
host.id = 'crosscount-test-permission-prompt';
document.body.prepend(host);
render(<PermissionPrompt permissions={permissions} />, host);
