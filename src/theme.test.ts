import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { contrastRatio, cssVariablesResolver, localizedTheme, theme } from './theme';

const resolved = mergeMantineTheme(DEFAULT_THEME, theme);
const { light, dark } = cssVariablesResolver(resolved);
const colors = Object.keys(resolved.colors).filter((name) => name !== 'dark');

describe('theme colours (WCAG AA, 4.5:1)', () => {
  it.each(colors)('%s: white text on filled, text and outlines on white, light badges on their tint', (name) => {
    const shades = resolved.colors[name];
    expect(contrastRatio(light[`--mantine-color-${name}-filled`], '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(dark[`--mantine-color-${name}-filled`], '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(light[`--mantine-color-${name}-text`], '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(light[`--mantine-color-${name}-outline`], '#ffffff')).toBeGreaterThanOrEqual(4.5);
    // the light variant's background is shade 1 (shade 2 on hover)
    expect(contrastRatio(light[`--mantine-color-${name}-light-color`], shades[1])).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(light[`--mantine-color-${name}-light-color`], shades[2])).toBeGreaterThanOrEqual(4.5);
  });

  it('dimmed text and links read on the page background of each scheme', () => {
    expect(contrastRatio(light['--mantine-color-dimmed'], '#ffffff')).toBeGreaterThanOrEqual(4.5);
    // striped rows (gray.0) too
    expect(contrastRatio(light['--mantine-color-dimmed'], resolved.colors.gray[0])).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(light['--mantine-color-anchor'], resolved.colors.gray[0])).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(dark['--mantine-color-dimmed'], resolved.colors.dark[7])).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(dark['--mantine-color-dimmed'], resolved.colors.dark[6])).toBeGreaterThanOrEqual(4.5);
  });

  it("a field's error text reads in each scheme (on white; on the dark page and the dark field)", () => {
    expect(contrastRatio(light['--mantine-color-error'], '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(dark['--mantine-color-error'], resolved.colors.dark[7])).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(dark['--mantine-color-error'], resolved.colors.dark[6])).toBeGreaterThanOrEqual(4.5);
  });
});

describe('localized theme', () => {
  it("names the close buttons of dialogs, drawers, notifications and alerts, and keeps dialogs' headers out of the landmarks", () => {
    const localized = localizedTheme({ closeDialog: 'Close the dialog', dismiss: 'Dismiss' });
    const components = localized.components ?? {};
    expect(components.Modal?.defaultProps).toMatchObject({ closeButtonProps: { 'aria-label': 'Close the dialog' } });
    expect(components.Drawer?.defaultProps).toMatchObject({ closeButtonProps: { 'aria-label': 'Close the dialog' } });
    expect(components.Notification?.defaultProps).toMatchObject({ closeButtonProps: { 'aria-label': 'Dismiss' } });
    expect(components.Alert?.defaultProps).toMatchObject({ closeButtonLabel: 'Dismiss' });
    expect(components.ModalHeader?.defaultProps).toMatchObject({ component: 'div' });
    expect(components.DrawerHeader?.defaultProps).toMatchObject({ component: 'div' });
    // the base theme's own settings stay
    expect(localized.primaryColor).toBe('blue');
  });
});
