// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { PermissionPrompt } from '../../../components/PermissionPrompt';
import { HOST_PERMISSIONS } from '../../../core/sites';
import type { PermissionsApi } from '../../../core/permissions';
import { fakePermissions } from './fake-permissions';

afterEach(cleanup);

// The manifest asks only for the pages content scripts run on (docs/store-listing.md).
const SPOTIFY = ['https://artists.spotify.com/*'];
const IMUSICIAN = 'https://www.imusician.pro/*';

/** Lets the permission checks (promises) settle and Preact re-render. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('PermissionPrompt', () => {
  it('shows nothing while every host is granted', async () => {
    const { container } = render(<PermissionPrompt permissions={fakePermissions(HOST_PERMISSIONS).api} />);
    await settle();
    expect(container.textContent).toBe('');
  });

  it('names both dashboards when all access is revoked', async () => {
    render(<PermissionPrompt permissions={fakePermissions([]).api} />);
    const prompt = await screen.findByTestId('permission-prompt');
    expect(prompt.textContent).toContain("Crosscount can't read Spotify for Artists or iMusician: your browser has not allowed it.");
    expect(screen.getByRole('button', { name: 'Allow access' })).toBeTruthy();
  });

  it('names only the dashboard that lost access (a data host counts for its dashboard)', async () => {
    render(<PermissionPrompt permissions={fakePermissions([IMUSICIAN]).api} origins={[...SPOTIFY, 'https://generic.wg.spotify.com/*', IMUSICIAN]} />);
    expect((await screen.findByTestId('permission-prompt')).textContent).toContain("can't read Spotify for Artists: your browser");
  });

  it('asks for the missing origins in the click itself, then hides once granted', async () => {
    const fake = fakePermissions([IMUSICIAN]);
    render(<PermissionPrompt permissions={fake.api} />);
    const button = await screen.findByRole('button', { name: 'Allow access' });
    fireEvent.click(button);
    // request() was called during the click (a user gesture), not after an await.
    expect(fake.requests).toEqual([SPOTIFY]);
    await waitFor(() => expect(screen.queryByTestId('permission-prompt')).toBeNull());
  });

  it('says so when the artist declines, and stays', async () => {
    const fake = fakePermissions([], () => false);
    render(<PermissionPrompt permissions={fake.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow access' }));
    expect((await screen.findByTestId('permission-declined')).textContent).toContain('Access was not allowed');
    expect(screen.getByTestId('permission-prompt')).toBeTruthy();
  });

  it('says what went wrong when the browser refuses to ask', async () => {
    const fake = fakePermissions([], () => new Error('permissions.request may only be called from a user input handler'));
    render(<PermissionPrompt permissions={fake.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow access' }));
    expect((await screen.findByTestId('permission-failed')).textContent).toContain('user input handler');
  });

  it('appears when access is taken back while the page is open, and unsubscribes on unmount', async () => {
    const fake = fakePermissions(HOST_PERMISSIONS);
    const { unmount } = render(<PermissionPrompt permissions={fake.api} />);
    await settle();
    expect(screen.queryByTestId('permission-prompt')).toBeNull();
    fake.revoke(IMUSICIAN);
    expect((await screen.findByTestId('permission-prompt')).textContent).toContain("can't read iMusician:");
    expect(fake.listenerCount()).toBe(2);
    unmount();
    await settle();
    expect(fake.listenerCount()).toBe(0);
  });

  it('shows nothing when the browser cannot tell (no false alarm)', async () => {
    const broken: PermissionsApi = { contains: () => Promise.reject(new Error('no')), request: async () => true };
    const { container } = render(<PermissionPrompt permissions={broken} />);
    await settle();
    await settle();
    expect(container.textContent).toBe('');
  });
});
