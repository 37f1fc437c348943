package dev.assay.service.terminal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.terminal.ProcessAnnouncement.LabProcess;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A terminal's process announcement is taken from its first output only, and never passed on")
class ProcessAnnouncementTest {
    private static final String MARK = "\033]7717;4242;987654\007";

    @Test
    @DisplayName("at the very start: stripped, the rest passed on, the process known")
    void first() {
        ProcessAnnouncement announcement = new ProcessAnnouncement();
        assertThat(text(announcement.strip(bytes(MARK + "\033[?1049hroot@lab:~# "))))
                .isEqualTo("\033[?1049hroot@lab:~# ");
        assertThat(announcement.announced().join()).contains(new LabProcess("4242", "987654"));
        assertThat(text(announcement.strip(bytes(MARK))))
                .as("later, it is output like any")
                .isEqualTo(MARK);
    }

    @Test
    @DisplayName("split across frames: held until whole, nothing of it shown")
    void split() {
        ProcessAnnouncement announcement = new ProcessAnnouncement();
        assertThat(announcement.strip(bytes("\033"))).isEmpty();
        assertThat(announcement.strip(bytes("]7717;42"))).isEmpty();
        assertThat(announcement.announced()).isNotDone();
        assertThat(text(announcement.strip(bytes("42;987654\007$ ")))).isEqualTo("$ ");
        assertThat(announcement.announced().join()).contains(new LabProcess("4242", "987654"));
    }

    @Test
    @DisplayName("after other output, or malformed, or overlong: nothing is honoured and the output is kept")
    void notHonoured() {
        ProcessAnnouncement late = new ProcessAnnouncement();
        assertThat(text(late.strip(bytes("echo x" + MARK)))).isEqualTo("echo x" + MARK);
        assertThat(late.announced().join()).isEmpty();

        ProcessAnnouncement injected = new ProcessAnnouncement();
        String hostile = "\033]7717;1;2; kill 1\007rest";
        assertThat(text(injected.strip(bytes(hostile)))).isEqualTo("rest");
        assertThat(injected.announced().join())
                .as("our escape, but no process in it")
                .isEmpty();

        ProcessAnnouncement endless = new ProcessAnnouncement();
        String open = "\033]7717;" + "1".repeat(60);
        assertThat(text(endless.strip(bytes(open)))).isEqualTo(open);
        assertThat(endless.announced().join()).isEmpty();
    }

    @Test
    @DisplayName("given up on (the connection closed first): what was held comes out with the next output")
    void givenUp() {
        ProcessAnnouncement announcement = new ProcessAnnouncement();
        assertThat(announcement.strip(bytes("\033]77"))).isEmpty();
        announcement.announced().complete(Optional.empty());
        assertThat(text(announcement.strip(bytes("x")))).isEqualTo("\033]77x");
    }

    @Test
    @DisplayName("the hangup names the process by pid and start time, so a reused pid is left alone")
    void hangupScript() {
        assertThat(Hangups.script(new LabProcess("4242", "987654")))
                .contains("/proc/4242/stat", "= 987654 ]", "kill -HUP 4242");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }
}
