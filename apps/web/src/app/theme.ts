import {
  createTheme,
  Notification,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type MantineThemeOverride,
} from '@mantine/core';

// A calm "groei" green. Shade 7 is the primary: 6.5:1 against white, so white text on it and
// green text on white both pass WCAG AA.
const groei: MantineColorsTuple = [
  '#e8f6f0',
  '#cfeee0',
  '#a0dcc3',
  '#6ec8a4',
  '#45b78a',
  '#2ba579',
  '#1a8c63',
  '#0f6b4b',
  '#0b5a3f',
  '#074531',
];

// Mantine's red with the upper shades darker: white text on a filled red button (shade 7, or 8 where a page
// asks for it) is 5.5:1 and 6.6:1 instead of 3.7:1 and 4.1:1, and red text on white passes too.
const red: MantineColorsTuple = [
  '#fff5f5',
  '#ffe3e3',
  '#ffc9c9',
  '#ffa8a8',
  '#ff8787',
  '#ff6b6b',
  '#e03131',
  '#c92a2a',
  '#b02525',
  '#8f1d1d',
];

const base = {
  primaryColor: 'groei',
  primaryShade: { light: 7, dark: 5 },
  colors: { groei, red },
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  focusRing: 'auto',
} satisfies MantineThemeOverride;

/** The theme; the close label of notifications follows the interface language. */
export function createAppTheme(closeLabel: string): MantineThemeOverride {
  return createTheme({
    ...base,
    components: {
      Badge: { defaultProps: { radius: 'sm' } },
      Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
    },
  });
}

/** Darker "dimmed", placeholder, error and light status text than Mantine's defaults, which are below 4.5:1. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#565d68',
    '--mantine-color-placeholder': '#6b7280',
    // Orange text on light orange (warnings, "uit dienst") is 3.6:1 by default; this is 5.4:1.
    '--mantine-color-orange-light-color': '#a63c06',
    // The same for the other status colours (badges "klaar", "te laat", "gepland"): all at least 4.5:1.
    '--mantine-color-green-light-color': '#1e6b30',
    '--mantine-color-red-light-color': '#a51d1d',
    '--mantine-color-yellow-light-color': '#7a5200',
    '--mantine-color-teal-light-color': '#0b6b5c',
    // Form errors (the message under a field, its border, the text in it) use red 6 by default: 3.3:1 on
    // white. This red (the same as the light red text above) is 7.5:1 on white.
    '--mantine-color-error': '#a51d1d',
  },
  dark: {},
});
