package dev.assay.grading.builtin;

import dev.assay.grading.CommandResult;
import dev.assay.grading.LabInterferenceException;
import dev.assay.grading.LabView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lab's sockets and processes as the kernel reports them, read from {@code /proc} by a probe (busybox awk and
 * readlink; it shares the lab's network and pid namespaces). A process is known by the executable the kernel
 * mapped ({@code /proc/<pid>/exe}), which renaming a process or faking {@code ps} does not change.
 */
record ProcTable(List<Socket> sockets, List<Process> processes) {

    /** A socket: protocol (tcp, tcp6, udp, udp6), local address and port, state, and who holds it. */
    record Socket(String protocol, String address, int port, boolean listening, List<Process> holders) {}

    /** A process: pid, executable path (a deleted binary is marked " (deleted)" by the kernel), user id. */
    record Process(int pid, String executable, int uid) {}

    private static final String SCRIPT = "for f in tcp tcp6 udp udp6; do [ -r /proc/net/$f ] &&"
            + " awk -v p=$f 'NR>1 {print \"S\", p, $2, $4, $10}' /proc/net/$f; done;"
            + " for d in /proc/[0-9]*; do exe=$(readlink $d/exe 2>/dev/null) || continue;"
            + " uid=$(awk '/^Uid:/ {print $2}' $d/status 2>/dev/null);"
            + " echo \"P ${d#/proc/} ${uid:-0} $exe\";"
            + " for fd in $d/fd/*; do l=$(readlink $fd 2>/dev/null); case $l in socket:*)"
            + " echo \"F ${d#/proc/} ${l#socket:}\";; esac; done; done";

    /** Reads the table through a probe; empty lists when the probe saw nothing. */
    static ProcTable read(LabView lab) {
        CommandResult result = lab.inProbe(List.of("/bin/sh", "-c", SCRIPT), lab.timeLeft());
        // Reading /proc takes milliseconds; a probe that stalls or dies by a signal was stopped from inside the lab.
        if (result.timedOut() || result.exitCode() > 128) {
            throw new LabInterferenceException("the probe reading the lab's processes was "
                    + (result.timedOut() ? "stalled" : "killed (exit " + result.exitCode() + ")")
                    + " from inside the lab");
        }
        return parse(result.stdout());
    }

    static ProcTable parse(String output) {
        Map<Integer, Process> byPid = new HashMap<>();
        Map<String, List<Process>> byInode = new HashMap<>();
        List<String[]> socketLines = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] f = line.trim().split(" ", 4);
            try {
                switch (f[0]) {
                    case "P" -> {
                        if (f.length == 4) {
                            int pid = Integer.parseInt(f[1]);
                            byPid.put(pid, new Process(pid, f[3], Integer.parseInt(f[2])));
                        }
                    }
                    case "F" -> {
                        if (f.length >= 3) {
                            Process holder = byPid.get(Integer.parseInt(f[1]));
                            if (holder != null) {
                                byInode.computeIfAbsent(f[2].replaceAll("[\\[\\]]", ""), k -> new ArrayList<>())
                                        .add(holder);
                            }
                        }
                    }
                    case "S" -> socketLines.add(line.trim().split("\\s+"));
                    default -> {
                        // blank or unknown lines carry nothing
                    }
                }
            } catch (NumberFormatException malformed) {
                // a line cut off by the output cap
            }
        }
        List<Socket> sockets = new ArrayList<>();
        for (String[] s : socketLines) {
            if (s.length < 5 || !s[2].contains(":")) {
                continue;
            }
            String protocol = s[1];
            String[] local = s[2].split(":");
            boolean listening = protocol.startsWith("tcp") ? "0A".equals(s[3]) : "07".equals(s[3]);
            sockets.add(new Socket(
                    protocol,
                    address(local[0]),
                    Integer.parseInt(local[1], 16),
                    listening,
                    List.copyOf(byInode.getOrDefault(s[4], List.of()))));
        }
        return new ProcTable(List.copyOf(sockets), List.copyOf(byPid.values()));
    }

    /** /proc/net hex addresses: IPv4 as one little-endian word, IPv6 as four. */
    static String address(String hex) {
        if (hex.length() == 8) {
            long v = Long.parseLong(hex, 16);
            return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
        }
        if (hex.length() != 32) {
            return hex;
        }
        StringBuilder groups = new StringBuilder();
        for (int word = 0; word < 4; word++) {
            String w = hex.substring(word * 8, word * 8 + 8);
            String bigEndian = w.substring(6, 8) + w.substring(4, 6) + w.substring(2, 4) + w.substring(0, 2);
            groups.append(Integer.parseInt(bigEndian.substring(0, 4), 16)).append(':');
            groups.append(Integer.parseInt(bigEndian.substring(4, 8), 16)).append(':');
        }
        String[] parts = groups.toString().split(":");
        StringBuilder hexGroups = new StringBuilder();
        for (String part : parts) {
            hexGroups.append(Integer.toHexString(Integer.parseInt(part))).append(':');
        }
        String full = hexGroups.substring(0, hexGroups.length() - 1);
        return compress(full).toLowerCase(Locale.ROOT);
    }

    /** The usual short form of an IPv6 address: the longest run of zero groups becomes {@code ::}. */
    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length; ) {
            if (!groups[i].equals("0")) {
                i++;
                continue;
            }
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        if (bestLength < 2) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }

    /** The executable without the kernel's " (deleted)" mark. */
    static String path(Process process) {
        return process.executable().replaceFirst(" \\(deleted\\)$", "");
    }
}
