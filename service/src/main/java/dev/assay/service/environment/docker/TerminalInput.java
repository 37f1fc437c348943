package dev.assay.service.environment.docker;

import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The stdin of a terminal exec: keystrokes are queued without ever blocking the caller (a WebSocket thread), and
 * the engine's writer thread takes them. A full queue means the lab is not reading its input (a root candidate can
 * stop it); {@link #offer} then says so instead of tying up a thread. Unlike a piped stream it does not care which
 * thread wrote last, so a pooled thread ending does not break the pipe.
 */
final class TerminalInput extends InputStream {
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue;
    private byte[] current = new byte[0];
    private int position;
    private volatile boolean closed;

    TerminalInput(int chunks) {
        this.queue = new ArrayBlockingQueue<>(chunks);
    }

    /** Queues input; false when the queue is full or closed (the input was not taken). */
    boolean offer(byte[] bytes) {
        return !closed && bytes.length > 0 && queue.offer(bytes.clone());
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (position >= current.length) {
            if (closed && queue.isEmpty()) {
                return -1;
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            position = 0;
            if (current == END) {
                return -1;
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, into, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        queue.offer(END);
    }
}
