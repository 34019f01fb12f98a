import { createTheme, darken, luminance, mergeThemeOverrides, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';

/** Design tokens; components use style props and these, not inline style objects. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  // system fonts only (no web-font download on the first page), with CJK faces for zh-CN
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '600' },
  components: {
    Card: { defaultProps: { withBorder: true } },
    Table: { defaultProps: { verticalSpacing: 'xs' } },
    Tooltip: { defaultProps: { withArrow: true } },
  },
});

/**
 * The theme with what Mantine's dialogs lack for assistive technology: a name for their close
 * buttons, in the UI language, and a header that is not a landmark.
 */
export function localizedTheme(labels: { closeDialog: string; dismiss: string }): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': labels.closeDialog };
  return mergeThemeOverrides(
    theme,
    createTheme({
      components: {
        Modal: { defaultProps: { closeButtonProps } },
        Drawer: { defaultProps: { closeButtonProps } },
        // a dialog's header is no second banner landmark beside the page's
        ModalHeader: { defaultProps: { component: 'div' } },
        DrawerHeader: { defaultProps: { component: 'div' } },
        Notification: { defaultProps: { closeButtonProps: { 'aria-label': labels.dismiss } } },
        Alert: { defaultProps: { closeButtonLabel: labels.dismiss } },
      },
    }),
  );
}

/** WCAG's contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for small text. */
const AA = 4.5;

/** The first shade from `from` on (darker) that reads on `background`, else shade 9 darkened until it does. */
function readableShade(shades: readonly string[], from: number, background: string): string {
  for (let index = from; index < shades.length; index += 1) if (contrastRatio(shades[index], background) >= AA) return shades[index];
  for (let amount = 0.05; amount < 1; amount += 0.05) {
    const darker = darken(shades[shades.length - 1], amount);
    if (contrastRatio(darker, background) >= AA) return darker;
  }
  return '#000000';
}

/** The first shade from `from` down (lighter) that reads on every background, else shade 0. */
function lighterReadableShade(shades: readonly string[], from: number, backgrounds: readonly string[]): string {
  for (let index = from; index >= 0; index -= 1) if (backgrounds.every((background) => contrastRatio(shades[index], background) >= AA)) return shades[index];
  return shades[0];
}

/**
 * Colours that read (WCAG AA, 4.5:1): Mantine's defaults put white on blue.7 (4.2:1), green.9
 * on green.1 in light badges (3.8:1), yellow.9 on yellow.1 (2.7:1), dimmed gray.6 on white
 * (3.3:1). For every colour of the theme: filled backgrounds dark enough for white text, text
 * and outlines dark enough for white, light variants' text dark enough for their tint; dimmed
 * text one shade darker (light) or lighter (dark); a field's error text (red.6 on white, 3.3:1;
 * red.8 on dark.7, 3.4:1) a shade that reads in each scheme.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const light: Record<string, string> = { '--mantine-color-dimmed': resolved.colors.gray[7] };
  const dark: Record<string, string> = { '--mantine-color-dimmed': resolved.colors.dark[1] };
  light['--mantine-color-error'] = readableShade(resolved.colors.red, 6, '#ffffff');
  dark['--mantine-color-error'] = lighterReadableShade(resolved.colors.red, 8, [resolved.colors.dark[7], resolved.colors.dark[6]]);
  const lightShade = typeof resolved.primaryShade === 'number' ? resolved.primaryShade : resolved.primaryShade.light;
  const darkShade = typeof resolved.primaryShade === 'number' ? resolved.primaryShade : resolved.primaryShade.dark;
  for (const [name, shades] of Object.entries(resolved.colors)) {
    if (name === 'dark') continue;
    const filledLight = readableShade(shades, lightShade, '#ffffff');
    const filledDark = readableShade(shades, darkShade, '#ffffff');
    light[`--mantine-color-${name}-filled`] = filledLight;
    light[`--mantine-color-${name}-filled-hover`] = darken(filledLight, 0.1);
    light[`--mantine-color-${name}-text`] = filledLight;
    light[`--mantine-color-${name}-outline`] = filledLight;
    light[`--mantine-color-${name}-light-color`] = readableShade(shades, 9, shades[2]);
    if (name === resolved.primaryColor) light['--mantine-color-anchor'] = filledLight;
    dark[`--mantine-color-${name}-filled`] = filledDark;
    dark[`--mantine-color-${name}-filled-hover`] = darken(filledDark, 0.1);
  }
  return { variables: {}, light, dark };
};
