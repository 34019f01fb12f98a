/*
 * Mantine CSS of the components the server detail page uses beyond the shell's set
 * (app/shell-styles.ts), loaded with the page's chunk only. Dependencies first.
 */
import '@mantine/core/styles/DataList.css';
import '@mantine/core/styles/Tabs.css';
import '@mantine/core/styles/Breadcrumbs.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/RadioIndicator.css';
import '@mantine/core/styles/RadioCard.css';
import '@mantine/core/styles/Switch.css';
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/NumberInput.css';
import '@mantine/core/styles/Pill.css';
import '@mantine/core/styles/PillsInput.css';
import '@mantine/core/styles/Timeline.css';
import '@mantine/core/styles/Mark.css';
import '@mantine/core/styles/Accordion.css';
import '@mantine/core/styles/Fieldset.css';
