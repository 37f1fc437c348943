package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.CommandResult;
import dev.assay.grading.LabInterferenceException;
import dev.assay.grading.LabView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether processes running an executable are the program the lab's image shipped, not a stand-in: a name or a path
 * can be faked (copy python over /usr/sbin/nginx), the engine's record of changed files and the kernel's view of
 * what a process mapped cannot. A process fails when its executable, or any file it maps (its libraries), differs
 * from the image; when the file it was started from has since been deleted or replaced; when it runs with a
 * loader override (LD_PRELOAD, LD_AUDIT, LD_LIBRARY_PATH); or when {@code /etc/ld.so.preload} was added. Only
 * mappings the process may execute count: a database, a query log or a cache it maps for reading and writing is
 * the lab's data, which the program itself changes.
 */
final class ProgramIdentity {
    private static final String PRELOAD = "/etc/ld.so.preload";
    private static final List<String> KERNEL_MAPPINGS = List.of("/dev/", "/SYSV", "/memfd:");
    static final String SCRIPT = "for p in \"$@\"; do echo \"P $p\";"
            + " awk '$2 ~ /x/ && $6 ~ /^\\// {print \"M \" $6, $7}' /proc/$p/maps 2>/dev/null | sort -u;"
            + " tr '\\0' '\\n' < /proc/$p/environ 2>/dev/null | grep -E '^LD_(PRELOAD|AUDIT|LIBRARY_PATH)='"
            + " | sed 's/^/E /'; done";

    private ProgramIdentity() {}

    /** Adds the facts read to {@code check} and returns what makes the processes impostors (empty: genuine). */
    static List<String> problems(
            LabView lab, String executable, List<ProcTable.Process> processes, CheckResult.Builder check) {
        if (processes.isEmpty()) {
            return List.of();
        }
        Set<String> changed = lab.changedFromImage();
        List<String> problems = new ArrayList<>();
        if (changed.contains(executable)) {
            problems.add(executable + " differs from the image's (the engine lists it as changed): not the program"
                    + " the image shipped");
        }
        if (changed.contains(PRELOAD)) {
            problems.add(PRELOAD + " was written: every program loads the libraries it names");
        }
        for (ProcTable.Process process : processes) {
            if (!ProcTable.path(process).equals(process.executable())) {
                problems.add("pid " + process.pid() + " runs a file since deleted or replaced (" + process.executable()
                        + ")");
            }
        }
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "identity"));
        processes.forEach(p -> command.add(Integer.toString(p.pid())));
        CommandResult read = lab.inProbe(command, lab.timeLeft());
        if (read.timedOut() || read.exitCode() > 128) {
            throw new LabInterferenceException("the probe reading what " + executable + " mapped was stopped");
        }
        Set<String> mapped = new TreeSet<>();
        String pid = "?";
        for (String line : read.stdout().split("\n")) {
            if (line.startsWith("P ")) {
                pid = line.substring(2).trim();
            } else if (line.startsWith("M ")) {
                String file = line.substring(2).trim();
                mapped.add(file);
                String path = file.replaceFirst(" \\(deleted\\)$", "");
                if (KERNEL_MAPPINGS.stream().anyMatch(path::startsWith)) {
                    continue; // shared memory the kernel names as a deleted file: nothing of the image
                }
                if (file.endsWith("(deleted)")) {
                    problems.add("pid " + pid + " maps " + path + ", deleted or replaced since it started");
                } else if (changed.contains(path)) {
                    problems.add("pid " + pid + " maps " + path + ", which differs from the image's");
                }
            } else if (line.startsWith("E ")) {
                problems.add("pid " + pid + " runs with " + line.substring(2).trim());
            }
        }
        check.observe("mapped code", mapped.isEmpty() ? "none read" : List.copyOf(mapped));
        check.observe("changed from the image", changed.size() + " path(s)");
        return problems;
    }
}
