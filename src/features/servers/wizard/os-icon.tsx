import { ThemeIcon } from '@mantine/core';
import { IconBrandDebian, IconBrandOpenSource, IconBrandRedhat, IconBrandUbuntu, IconBrandWindows, IconDisc } from '@tabler/icons-react';

/** ECS images say what they hold in `__os_type` and `__platform` (spec 7.3). */
export function osOf(metadata: Record<string, unknown> | undefined, name?: string | null): { type: string; platform: string } {
  const text = (key: string) => (typeof metadata?.[key] === 'string' ? (metadata[key] as string) : '');
  const platform = text('__platform') || text('os_distro') || '';
  const type = text('__os_type') || text('os_type') || (/windows/i.test(name ?? '') ? 'Windows' : platform ? 'Linux' : '');
  return { type, platform: platform || (name ?? '').split(' ')[0] || '' };
}

export function OsIcon({ metadata, name, size = 32 }: { metadata?: Record<string, unknown>; name?: string | null; size?: number }) {
  const { type, platform } = osOf(metadata, name);
  const key = `${platform} ${type}`.toLowerCase();
  const inner = Math.round(size * 0.65);
  let icon = <IconDisc size={inner} />;
  let color = 'gray';
  if (key.includes('windows')) {
    icon = <IconBrandWindows size={inner} />;
    color = 'blue';
  } else if (key.includes('ubuntu')) {
    icon = <IconBrandUbuntu size={inner} />;
    color = 'orange';
  } else if (key.includes('debian')) {
    icon = <IconBrandDebian size={inner} />;
    color = 'pink';
  } else if (key.includes('centos') || key.includes('red hat') || key.includes('redhat') || key.includes('rhel')) {
    icon = <IconBrandRedhat size={inner} />;
    color = 'red';
  } else if (key.includes('linux') || key.includes('euler')) {
    icon = <IconBrandOpenSource size={inner} />;
    color = 'teal';
  }
  return (
    <ThemeIcon size={size} radius="md" variant="light" color={color} aria-hidden>
      {icon}
    </ThemeIcon>
  );
}
