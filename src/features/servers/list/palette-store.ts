import { createSpotlight } from '@mantine/spotlight';

/**
 * The command palette's own store (only the store: the Spotlight component and its CSS stay in
 * the palette's lazy chunk). The launcher opens it; the palette reads which entry is selected,
 * to select the first match.
 */
export const [paletteStore, palette] = createSpotlight();
