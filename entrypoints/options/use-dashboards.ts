/**
 * The added dashboards as the history page shows them (the Dashboards section and the site
 * access list in the settings): loaded from the background, loaded again after a change here
 * and when access is given or taken back in the browser's own menus.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DashboardList } from '../../core/messaging/protocol';
import { failureText, type Send } from '../../components/send';
import type { SiteAccessApi } from '../../components/site-access';

export type DashboardsState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; list: DashboardList };

export function useDashboards(send: Send, permissions: SiteAccessApi | undefined): { state: DashboardsState; reload: () => void } {
  const [state, setState] = useState<DashboardsState>({ kind: 'loading' });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  useEffect(() => {
    // Without the browser's permissions the page shows no dashboards (nothing to ask for).
    if (!permissions) return;
    let live = true;
    send('ui:listDashboards', {})
      .then((list) => live && setState({ kind: 'ready', list }))
      .catch((failure: unknown) => live && setState({ kind: 'error', message: failureText(failure) }));
    return () => {
      live = false;
    };
  }, [send, permissions, version]);
  useEffect(() => {
    if (!permissions) return;
    permissions.onAdded?.addListener(reload);
    permissions.onRemoved?.addListener(reload);
    return () => {
      permissions.onAdded?.removeListener(reload);
      permissions.onRemoved?.removeListener(reload);
    };
  }, [permissions, reload]);
  return { state, reload };
}
