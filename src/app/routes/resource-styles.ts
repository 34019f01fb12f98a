/*
 * Mantine CSS of the components the resource pages (flavors, images, key pairs, volumes ...)
 * use beyond what the first page loads (styles.ts); imported by each of those lazy pages,
 * so it arrives with them and stays out of the first page.
 */
import '@mantine/core/styles/Grid.css';
import '@mantine/core/styles/Drawer.css';
import '@mantine/core/styles/Tabs.css';
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/NumberInput.css';
import '@mantine/core/styles/Switch.css';
import '@mantine/core/styles/Fieldset.css';
import '@mantine/core/styles/DataList.css';
import '@mantine/core/styles/Pagination.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/Pill.css';
import '@mantine/core/styles/PillsInput.css';
import '@mantine/core/styles/List.css';
