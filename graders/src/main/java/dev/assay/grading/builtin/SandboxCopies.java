package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FileResult;
import dev.assay.grading.LabView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Candidate files and directories copied from the lab, through the engine's archive API, into a sandbox of ours at
 * the same absolute paths, so that a real tool (nginx, logrotate, mosquitto) judges them the way it reads them in
 * the lab. A directory replaces the sandbox image's own and arrives as a tar of its regular files (links that stay
 * inside it become copies of their files; links that leave it are left out), owned by root, directories 0755 and
 * files 0644, unless the check keeps the lab's owners and modes (numeric uid and gid and permission bits, as the
 * tool in the lab would find them: cron, sudo and sh judge them).
 */
final class SandboxCopies {
    /** A plain absolute path: safe to name in the unpacking script without quoting tricks. */
    static final String PATH = "/[A-Za-z0-9._+@-]+(/[A-Za-z0-9._+@-]+)*";

    private static final long CAP = 32L << 20;

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final List<String> unpack = new ArrayList<>();

    private SandboxCopies() {}

    /** Reads each path (a directory or a file; a missing one is left out, as the tool would find it absent). */
    static SandboxCopies read(LabView lab, List<String> paths, boolean keepOwners, CheckResult.Builder check) {
        SandboxCopies copies = new SandboxCopies();
        for (String path : paths) {
            String name = "copy-" + copies.files.size();
            FileResult tree = lab.readTree(path, CAP);
            if (tree instanceof FileResult.Content content) {
                copies.files.put(name + ".tar", content.bytes());
                // The sandbox image's own copy goes first: a file the candidate deleted must be absent there too.
                copies.unpack.add("rm -rf " + path + " && mkdir -p " + path
                        + (keepOwners
                                ? " && tar --same-owner --numeric-owner -xf /sandbox/" + name + ".tar -C " + path
                                : " && tar --no-same-owner -xf /sandbox/" + name + ".tar -C " + path
                                        + " && chmod -R a=r,u+w,a+X " + path));
                check.observe("copied", path + "/ (" + content.size() + " bytes as tar)");
                continue;
            }
            FileResult file = lab.readFile(path, CAP);
            if (file instanceof FileResult.Content content) {
                copies.files.put(name, content.bytes());
                copies.unpack.add("mkdir -p " + parent(path) + " && cp /sandbox/" + name + " " + path);
                check.observe("copied", path + " (" + content.size() + " bytes, sha256 " + content.sha256() + ")");
            } else if (file instanceof FileResult.Refused refused) {
                check.observe("not copied", path + ": " + refused.reason());
            } else {
                check.observe("not copied", path + ": absent in the lab");
            }
        }
        return copies;
    }

    Map<String, byte[]> files() {
        return files;
    }

    /** The shell command that puts every copy in place, then runs {@code run}. */
    String script(String run) {
        StringBuilder script = new StringBuilder("set -e\n");
        unpack.forEach(line -> script.append(line).append('\n'));
        return script.append("set +e\n").append(run).toString();
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
