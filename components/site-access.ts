/**
 * The part of `browser.permissions` the dashboards' screens use (passed in, so the screens are
 * tested with a fake): ask for one added dashboard's site, take it back, and hear when the
 * browser's own menus change it.
 */
import type { PermissionsApi } from '../core/permissions';

export interface SiteAccessApi extends PermissionsApi {
  remove(permissions: { origins?: string[] }): Promise<boolean>;
}
