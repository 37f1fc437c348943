package dev.assay.service.terminal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.environment.Terminal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Keystrokes typed before the terminal's process announced itself wait for it, then go in order")
class HeldInputTest {
    @Test
    void heldUntilAnnouncedThenInOrder() {
        List<String> written = new CopyOnWriteArrayList<>();
        CompletableFuture<Optional<ProcessAnnouncement.LabProcess>> announced = new CompletableFuture<>();
        HeldInput input = new HeldInput(typing(written), announced);
        input.write("ls".getBytes(UTF_8));
        input.write("\r".getBytes(UTF_8));
        assertThat(written)
                .as("nothing reaches the TTY to be echoed ahead of the announcement")
                .isEmpty();
        announced.complete(Optional.empty());
        input.write("pwd\r".getBytes(UTF_8));
        assertThat(written).containsExactly("ls", "\r", "pwd\r");
    }

    private static Terminal typing(List<String> written) {
        return new Terminal() {
            @Override
            public void write(byte[] input) {
                written.add(new String(input, UTF_8));
            }

            @Override
            public void resize(int columns, int rows) {}

            @Override
            public void close() {}
        };
    }
}
