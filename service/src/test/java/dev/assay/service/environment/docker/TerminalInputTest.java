package dev.assay.service.environment.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TerminalInputTest {

    @Test
    void keystrokesArriveInOrderAcrossThreadsThatComeAndGo() throws Exception {
        TerminalInput input = new TerminalInput(8);
        for (String keys : new String[] {"ec", "ho hi", "\r"}) {
            // each write from a thread that ends at once: a piped stream would call the pipe broken
            CompletableFuture.runAsync(() -> assertThat(input.offer(keys.getBytes(StandardCharsets.UTF_8)))
                            .isTrue())
                    .get(5, TimeUnit.SECONDS);
        }
        byte[] buffer = new byte[64];
        StringBuilder read = new StringBuilder();
        while (read.length() < "echo hi\r".length()) {
            int n = input.read(buffer, 0, buffer.length);
            read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        assertThat(read).hasToString("echo hi\r");
    }

    @Test
    void aFullQueueRefusesInsteadOfBlockingAndCloseEndsTheStream() throws Exception {
        TerminalInput input = new TerminalInput(2);
        assertThat(input.offer(new byte[] {'a'})).isTrue();
        assertThat(input.offer(new byte[] {'b'})).isTrue();
        assertThat(input.offer(new byte[] {'c'}))
                .as("the lab is not reading: refused at once")
                .isFalse();
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            byte[] buffer = new byte[4];
            int total = 0;
            for (int n = input.read(buffer, 0, 4); n >= 0; n = input.read(buffer, 0, 4)) {
                total += n;
            }
            return total;
        });
        Thread.sleep(100);
        input.close();
        assertThat(reader.get(5, TimeUnit.SECONDS)).isBetween(0, 2);
        assertThat(input.offer(new byte[] {'d'})).isFalse();
    }
}
