import { defaultTheme, type RaThemeOptions } from 'react-admin';

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
  },
};
