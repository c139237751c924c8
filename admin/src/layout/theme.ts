import { defaultTheme, type RaThemeOptions } from 'react-admin';
import { LOCALE, dayFieldOptions } from '../common/dates';

/** react-admin's theme with a focus ring that is always visible, and the system font (no web fonts to fetch). */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  components: {
    ...defaultTheme.components,
    MuiCssBaseline: {
      styleOverrides: {
        '*:focus-visible': { outline: '3px solid #ffbf47', outlineOffset: '2px' },
      },
    },
    // Every DateField reads in the product's locale, not the browser's: "14 Oct 2025".
    RaDateField: { defaultProps: { locales: LOCALE, options: dayFieldOptions } },
    // A page's actions go onto a second line when they do not fit (six on a report at 800 px), never past the window's edge.
    RaTopToolbar: { styleOverrides: { root: { flexWrap: 'wrap' } } },
  },
};
