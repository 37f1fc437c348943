package dev.assay.service.terminal;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A terminal connection's own process in the lab, as its wrapper shell announces it before anything else: the
 * escape {@code ESC ] 7717 ; pid ; start BEL}, where start is the process's start time (field 22 of
 * {@code /proc/pid/stat}), so that pid and start together name that one process even after its pid is reused.
 * The announcement is taken out of the output (never recorded, never shown) and honoured only as the
 * connection's very first bytes: nothing printed later in the lab can pass for it.
 */
final class ProcessAnnouncement {
    /** The wrapper's announcement, printed first; the pid survives the {@code exec} of tmux or the shell. */
    static final String ANNOUNCE =
            "read -r s 2>/dev/null </proc/$$/stat; set -- ${s##*) };" + " printf '\\033]7717;%s;%s\\007' $$ \"${20}\"";

    /** One process in the lab: its pid and start time, digits both. */
    record LabProcess(String pid, String startTime) {
        LabProcess {
            if (!pid.matches("\\d{1,10}") || !startTime.matches("\\d{1,20}")) {
                throw new IllegalArgumentException("a lab process is a pid and a start time in digits");
            }
        }
    }

    private static final byte[] PREFIX = "\033]7717;".getBytes(US_ASCII);
    private static final byte BEL = 7;
    private static final Pattern VALUE = Pattern.compile("(\\d{1,10});(\\d{1,20})");
    /** Longer than any announcement: output this long without its end is the lab's own. */
    private static final int LONGEST = PREFIX.length + 40;

    private final CompletableFuture<Optional<LabProcess>> announced = new CompletableFuture<>();
    private byte[] held = new byte[0];

    /** The process once announced; empty when the first output was something else (or, once told so, never). */
    CompletableFuture<Optional<LabProcess>> announced() {
        return announced;
    }

    /** What of {@code bytes} is the terminal's output: all of it, less the announcement at its very start. */
    synchronized byte[] strip(byte[] bytes) {
        byte[] seen = concat(held, bytes);
        held = new byte[0];
        if (announced.isDone()) {
            return seen;
        }
        int common = Math.min(seen.length, PREFIX.length);
        if (!Arrays.equals(seen, 0, common, PREFIX, 0, common)) {
            announced.complete(Optional.empty());
            return seen;
        }
        int end = indexOf(seen, BEL, PREFIX.length);
        if (end < 0) {
            if (seen.length > LONGEST) {
                announced.complete(Optional.empty());
                return seen;
            }
            held = seen;
            return new byte[0];
        }
        Matcher value = VALUE.matcher(new String(seen, PREFIX.length, end - PREFIX.length, US_ASCII));
        // Our own escape either way (a lab without /proc announces no start time); a terminal would ignore it.
        announced.complete(
                value.matches() ? Optional.of(new LabProcess(value.group(1), value.group(2))) : Optional.empty());
        return Arrays.copyOfRange(seen, end + 1, seen.length);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        if (first.length == 0) {
            return second;
        }
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
