package dev.assay.service.terminal;

import java.time.Duration;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;

/**
 * {@code /terminal/{labId}}: the WebSocket of a candidate's lab terminal. The gate runs before the upgrade, so a
 * refused request gets an ordinary HTTP status (403 for another site's page, 404 for anything not the caller's
 * own active lab) and never a socket.
 */
public final class TerminalServlet extends JettyWebSocketServlet {
    private static final long serialVersionUID = 1L;

    /** An idle socket closes after this; the page sends a keep-alive every 30 seconds. */
    static final Duration IDLE = Duration.ofMinutes(2);

    private final transient Terminals terminals;

    public TerminalServlet(Terminals terminals) {
        this.terminals = terminals;
    }

    @Override
    protected void configure(JettyWebSocketServletFactory factory) {
        factory.setIdleTimeout(IDLE);
        factory.setMaxTextMessageSize(128 * 1024);
        factory.setCreator((request, response) -> {
            TerminalGate.Decision decision = terminals.gate().decide(request.getHttpServletRequest());
            if (decision instanceof TerminalGate.Refusal refusal) {
                try {
                    response.sendError(refusal.status(), refusal.reason());
                } catch (java.io.IOException e) {
                    // the client went away while being refused
                }
                return null;
            }
            TerminalGate.Admission admission = (TerminalGate.Admission) decision;
            int columns = size(request.getParameterMap().get("cols"), 80, 10, 500);
            int rows = size(request.getParameterMap().get("rows"), 24, 3, 200);
            return new TerminalSocket(admission, terminals, columns, rows);
        });
    }

    private static int size(
            java.util.@org.jspecify.annotations.Nullable List<String> values, int fallback, int min, int max) {
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(values.get(0))));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
