/** The keyboard shortcut that opens the popup (manifest `commands._execute_action`), shown on the welcome page. */
export const POPUP_SHORTCUT = 'Alt+Shift+C';
