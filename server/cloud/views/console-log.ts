import { createHash } from 'node:crypto';
import type { ActionRow, EventRow } from '../repositories/instance-actions.ts';
import type { ServerRow } from '../repositories/servers.ts';

/**
 * The serial console log of a server (5.7), written from its history rather than stored:
 * every boot (create, start, reboot, rebuild, resize) prints a kernel and init sequence,
 * every stop or reboot a shutdown, and a running guest adds a line each minute of uptime.
 * The same history always gives the same text; the text grows as the server lives.
 */

export interface LogContext {
  server: ServerRow;
  history: { action: ActionRow; events: EventRow[] }[];
  /** vcpus/ram of the flavor in use and the image's OS, for the boot banner. */
  flavor: { vcpus: number; ram: number } | undefined;
  os: string;
  addresses: string[];
  nowMs: number;
}

const BOOTS = new Set(['create', 'start', 'reboot', 'rebuild', 'resize', 'revertResize']);
const SHUTDOWNS = new Set(['stop', 'reboot', 'rebuild', 'resize', 'revertResize', 'delete']);

/** A small deterministic generator seeded by the server id and boot count. */
function seeded(seed: string): () => number {
  let h = createHash('sha256').update(seed).digest();
  let i = 0;
  return () => {
    if (i + 4 > h.length) {
      h = createHash('sha256').update(h).digest();
      i = 0;
    }
    const v = h.readUInt32BE(i) / 2 ** 32;
    i += 4;
    return v;
  };
}

const ts = (s: number) => `[${s.toFixed(6).padStart(12, ' ')}]`;

function shutdownLines(host: string): string[] {
  return [
    `         Stopping Session 1 of user cloud...`,
    `[  OK  ] Stopped target Multi-User System.`,
    `         Stopping OpenBSD Secure Shell server...`,
    `[  OK  ] Stopped OpenBSD Secure Shell server.`,
    `[  OK  ] Stopped target Network.`,
    `[  OK  ] Reached target Shutdown.`,
    `${host} login: [  OK  ] Reached target Final Step.`,
    `reboot: Power down`,
  ];
}

function bootLines(c: LogContext, boot: number, firstBoot: boolean, action: ActionRow, finished: boolean): string[] {
  const rnd = seeded(`${c.server.id}/${boot}`);
  const kernel = c.os.toLowerCase().includes('centos') ? '5.14.0-362.el9.x86_64' : '6.1.0-18-cloud-amd64';
  const mem = (c.flavor?.ram ?? 1024) * 1024;
  const cpus = c.flavor?.vcpus ?? 1;
  let t = 0;
  const step = () => (t += 0.002 + rnd() * 0.05);
  const lines = [
    `${ts(0)} Linux version ${kernel} (builder@${c.os.split(' ')[0].toLowerCase() || 'linux'}) #1 SMP PREEMPT_DYNAMIC`,
    `${ts(0)} Command line: BOOT_IMAGE=/boot/vmlinuz root=LABEL=cloudimg-rootfs ro console=tty1 console=ttyS0`,
    `${ts(0)} BIOS-provided physical RAM map: ${mem} kB usable`,
    `${ts(0)} DMI: OpenStack Foundation OpenStack Nova, BIOS 1.16.2 04/01/2014`,
    `${ts(step())} Hypervisor detected: KVM`,
    `${ts(step())} smpboot: Allowing ${cpus} CPUs, 0 hotplug CPUs`,
    `${ts(step())} Memory: ${Math.floor(mem * 0.93)}K/${mem}K available`,
    `${ts(step())} virtio_blk virtio2: [vda] ${(c.flavor ? 20 : 10) * 2097152} 512-byte logical blocks`,
    `${ts(step())} EXT4-fs (vda1): mounted filesystem with ordered data mode. Quota mode: none.`,
    `${ts((t += 0.5))} systemd[1]: Detected virtualization kvm.`,
    `${ts(step())} systemd[1]: Hostname set to <${c.server.hostname}>.`,
  ];
  if (!finished) return lines;
  lines.push(
    `[  OK  ] Started Journal Service.`,
    `[  OK  ] Reached target Network is Online.`,
    `cloud-init[${400 + Math.floor(rnd() * 200)}]: Cloud-init v. 23.4 running 'init' at ${new Date(action.start_ms).toUTCString()}.`,
  );
  for (const a of c.addresses) lines.push(`cloud-init[${600 + Math.floor(rnd() * 100)}]: ci-info: |  eth0  | True | ${a} |`);
  if (firstBoot) {
    const files = JSON.parse(c.server.personality) as { path: string; size: number }[];
    for (const f of files) lines.push(`cloud-init: injected file ${f.path} (${f.size} bytes)`);
    if (c.server.key_name) {
      lines.push(`ci-info: ++++Authorized keys from /home/cloud/.ssh/authorized_keys for user cloud+++++`, `ci-info: | key ${c.server.key_name} |`);
    }
    if (c.server.user_data) lines.push('cloud-init: running user-data script');
  }
  lines.push(
    `[  OK  ] Started OpenBSD Secure Shell server.`,
    `[  OK  ] Reached target Multi-User System.`,
    `Cloud-init v. 23.4 finished. Datasource DataSourceOpenStackLocal [net,ver=2]. Up ${(5 + rnd() * 10).toFixed(2)} seconds`,
    '',
    `${c.os} ${c.server.hostname} ttyS0`,
    '',
    `${c.server.hostname} login: `,
  );
  return lines;
}

export function consoleLog(c: LogContext): string[] {
  const out: string[] = [];
  let boot = 0;
  let lastBootMs: number | null = null;
  let running = false;
  for (const { action, events } of c.history) {
    const finished = events.length > 0 && events.every((e) => e.finish_time !== null);
    const failed = events.some((e) => e.result === 'Error');
    if (SHUTDOWNS.has(action.action) && running) {
      out.push(...shutdownLines(c.server.hostname));
      running = false;
    }
    if (BOOTS.has(action.action) && !failed) {
      out.push(...bootLines(c, boot, boot === 0, action, finished));
      boot++;
      if (finished) {
        running = true;
        lastBootMs = Math.max(...events.map((e) => e.finish_ms ?? action.start_ms));
      }
    }
    if (failed) out.push(`[FAILED] ${action.action}: ${events.find((e) => e.traceback)?.traceback ?? 'error'}`);
  }
  // A running guest keeps writing: one line per minute of uptime since its last boot.
  if (running && lastBootMs !== null && c.server.vm_state === 'active') {
    // Like a ring buffer, the console keeps the last 200 of them.
    const minutes = Math.floor((c.nowMs - lastBootMs) / 60_000);
    for (let m = Math.max(1, minutes - 199); m <= minutes; m++) {
      const at = new Date(lastBootMs + m * 60_000).toISOString().slice(11, 19);
      out.push(m % 15 === 0 ? `${at} systemd[1]: Starting apt-daily.service - Daily apt download activities...` : `${at} CRON[${1000 + m}]: (root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)`);
    }
  }
  return out;
}
