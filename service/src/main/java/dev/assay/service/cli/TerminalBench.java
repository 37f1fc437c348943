package dev.assay.service.cli;

import dev.assay.service.db.EnvironmentHandleDao;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.SessionState;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.Terminal;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import dev.assay.service.terminal.TerminalServlet;
import dev.assay.service.terminal.Terminals;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code bench terminal}: keystroke echo round trip through the whole terminal path (a WebSocket client on
 * loopback, the service's own terminal servlet and gate, the recorder, tmux and bash in a real lab), next to the
 * floor of a bare TTY exec through the driver with no WebSocket and no tmux. One keystroke at a time: its time
 * is from sending it to seeing it echoed; a backspace (untimed) takes it away again.
 */
final class TerminalBench {
    private static final String TOKEN = "bench-candidate-token";
    private static final String LAB = "bench-lab";
    private static final String FLOOR = "floor";
    private static final String THROUGH_WEBSOCKET = "websocket";

    private TerminalBench() {}

    /** Keystroke echo through the WebSocket, next to the bare TTY exec floor; target p50 <= 50 ms. */
    static Figure run(DockerEnvironmentDriver driver, BenchRun run, String image, int keystrokes) throws Exception {
        Map<String, List<Double>> samples = new java.util.LinkedHashMap<>();
        try (BenchDatabase.Pooled database = BenchDatabase.pooled(run.folder())) {
            run(driver, image, keystrokes, database.jdbi(), samples);
        }
        List<Double> echo = samples.getOrDefault(THROUGH_WEBSOCKET, List.of());
        List<Double> floor = samples.getOrDefault(FLOOR, List.of());
        return new Figure(
                "terminal_echo",
                "terminal echo (WebSocket, tmux, bash)",
                echo.size(),
                Figure.latency(echo),
                Figure.floor("TTY exec echo (driver)", floor),
                new Figure.Target("p50 <= 50 ms", Percentiles.of(echo, 0.50) <= 50));
    }

    private static void run(
            DockerEnvironmentDriver driver, String image, int keystrokes, Jdbi jdbi, Map<String, List<Double>> samples)
            throws Exception {
        long assessment = BenchDatabase.assessment(jdbi, "bench", "technical");
        long session =
                jdbi.withExtension(LabSessionDao.class, dao -> dao.insert(assessment, LAB, "1", 1, Instant.now()));
        EnvironmentHandle handle = driver.provision(new EnvironmentRequest(
                Long.toString(session),
                LAB,
                "1",
                image,
                new EnvironmentRequest.Limits(0.5, 256L << 20, 128, 64L << 20),
                List.of(),
                "none",
                List.of(),
                Instant.now().plus(Duration.ofHours(1))));
        try {
            jdbi.useExtension(
                    EnvironmentHandleDao.class,
                    dao -> dao.insert(
                            session, LAB, handle, Instant.now(), Instant.now().plus(Duration.ofHours(1))));
            jdbi.useExtension(
                    LabSessionDao.class,
                    dao -> dao.transition(
                            session,
                            SessionState.PROVISIONING,
                            SessionState.ACTIVE,
                            Instant.now().plus(Duration.ofHours(1)),
                            "bench",
                            Instant.now()));
            floor(driver, handle, keystrokes, samples);
            throughWebSocket(driver, jdbi, assessment, keystrokes, samples);
        } finally {
            driver.destroy(handle);
        }
    }

    /** Echo through the driver's TTY exec alone: bash, no tmux, no WebSocket. */
    private static void floor(
            DockerEnvironmentDriver driver, EnvironmentHandle handle, int keystrokes, Map<String, List<Double>> samples)
            throws Exception {
        LinkedBlockingQueue<String> output = new LinkedBlockingQueue<>();
        try (Terminal terminal = driver.openTerminal(
                handle, new Terminal.Request(List.of("bash", "--norc", "-i"), 80, 24), new Terminal.Listener() {
                    @Override
                    public void output(byte[] bytes) {
                        output.add(new String(bytes, StandardCharsets.UTF_8));
                    }

                    @Override
                    public void closed(String why) {
                        output.add("\u0000closed");
                    }
                })) {
            Consumer<String> send = keys -> terminal.write(keys.getBytes(StandardCharsets.UTF_8));
            time(send, output, keystrokes, samples.computeIfAbsent(FLOOR, k -> new ArrayList<>()));
        }
    }

    private static void throughWebSocket(
            DockerEnvironmentDriver driver,
            Jdbi jdbi,
            long assessment,
            int keystrokes,
            Map<String, List<Double>> samples)
            throws Exception {
        Terminals terminals = new Terminals(
                jdbi,
                token -> TOKEN.equals(token) ? Optional.of(assessment) : Optional.empty(),
                https -> "assay_candidate",
                new dev.assay.service.sessions.SessionEnvironments(jdbi, List.of(driver)),
                Clock.systemUTC());
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        JettyWebSocketServletContainerInitializer.configure(context, null);
        context.addServlet(new ServletHolder(new TerminalServlet(terminals)), "/terminal/*");
        server.setHandler(context);
        server.start();
        terminals.start();
        try {
            String origin = "http://127.0.0.1:" + connector.getLocalPort();
            LinkedBlockingQueue<String> output = new LinkedBlockingQueue<>();
            WebSocket socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .header("Cookie", "assay_candidate=" + TOKEN)
                    .header("Origin", origin)
                    .buildAsync(
                            URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/terminal/" + LAB),
                            new WebSocket.Listener() {
                                @SuppressWarnings("NullAway") // null: this frame is handled
                                @Override
                                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                                    output.add(data.toString());
                                    webSocket.request(1);
                                    return null;
                                }
                            })
                    .get(20, TimeUnit.SECONDS);
            Consumer<String> send =
                    keys -> socket.sendText("{\"i\":\"" + keys.replace("\u007f", "\\u007f") + "\"}", true)
                            .join();
            time(send, output, keystrokes, samples.computeIfAbsent(THROUGH_WEBSOCKET, k -> new ArrayList<>()));
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done").join();
        } finally {
            terminals.stop();
            server.stop();
        }
    }

    /** Waits for the prompt, then types letters one by one, timing each echo, and erases each again. */
    private static void time(
            Consumer<String> send, LinkedBlockingQueue<String> output, int keystrokes, List<Double> into)
            throws InterruptedException {
        send.accept("PS1='$ '\r");
        Thread.sleep(1500); // the shell (and tmux) settle
        output.clear();
        for (int i = 0; i < keystrokes + 5; i++) {
            String key = String.valueOf((char) ('a' + i % 26));
            long started = System.nanoTime();
            send.accept(key);
            if (!awaitContaining(output, key)) {
                throw new IllegalStateException("no echo of a keystroke within 5 s");
            }
            double took = BenchCommand.millis(started);
            if (i >= 5) { // the first few warm the path up
                into.add(took);
            }
            send.accept("\u007f");
            awaitContaining(output, "\b");
            Thread.sleep(10);
            output.clear();
        }
    }

    private static boolean awaitContaining(LinkedBlockingQueue<String> output, String wanted)
            throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < until) {
            String chunk = output.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (chunk != null && chunk.contains(wanted)) {
                return true;
            }
        }
        return false;
    }
}
