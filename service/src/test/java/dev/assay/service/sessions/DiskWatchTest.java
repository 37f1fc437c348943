package dev.assay.service.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.environment.DiskUse;
import dev.assay.service.environment.EnvironmentHandle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiskWatchTest {
    private static DiskUse use(long used, long limit) {
        return new DiskUse(new EnvironmentHandle("container", "abc", "7"), used, limit);
    }

    @Test
    @DisplayName("a lab over its disk is told so in one sentence the candidate reads, then the measured figure")
    void cause() {
        assertThat(DiskWatch.cause(use(300L << 20, 256L << 20)).detail())
                .isEqualTo("This lab was stopped: it wrote more than its 256 MiB of disk. Measured: 300 MiB written"
                        + " to its file system.");
        assertThat(DiskWatch.cause(use(300L << 20, 256L << 20)).terminalNotice())
                .isEqualTo("This lab was stopped: it wrote more than its 256 MiB of disk.");
        assertThat(DiskWatch.size(1L << 30)).isEqualTo("1 GiB");
        assertThat(DiskWatch.size(1536L << 20)).isEqualTo("1536 MiB");
    }

    @Test
    @DisplayName("only strictly more than the declared disk is over it")
    void over() {
        assertThat(use(64L << 20, 64L << 20).over()).isFalse();
        assertThat(use((64L << 20) + 1, 64L << 20).over()).isTrue();
    }
}
