package dev.assay.service.docker;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Fault injection only: a loopback TCP server that either never answers or answers every request with one canned response. */
public final class FakeDockerEngine implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> accepted = new ArrayList<>();

    private FakeDockerEngine(String response) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> serve(response), "fake-docker");
        thread.setDaemon(true);
        thread.start();
    }

    public static FakeDockerEngine hanging() throws IOException {
        return new FakeDockerEngine("");
    }

    public static FakeDockerEngine answering(String response) throws IOException {
        return new FakeDockerEngine(response);
    }

    public URI uri() {
        return URI.create("tcp://127.0.0.1:" + server.getLocalPort());
    }

    private void serve(String response) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                synchronized (accepted) {
                    accepted.add(socket);
                }
                if (!response.isEmpty()) {
                    InputStream in = socket.getInputStream();
                    in.read(new byte[8192]);
                    socket.getOutputStream().write(response.getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (accepted) {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
