package dev.assay.service.db;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The state of a lab session and the transitions between states (docs/sessions.md draws them). The wire value is
 * what {@code lab_sessions.state} and the event log store, what the API writes and what metrics are named after;
 * {@link #toString()} returns it too. {@link LabSessionDao#transition} refuses a move the table does not allow.
 */
public enum SessionState {
    PROVISIONING("provisioning"),
    PROVISION_FAILED("provision_failed"),
    ACTIVE("active"),
    GRADING("grading"),
    GRADED("graded"),
    /** The environment was lost (found gone or stopped after a restart); nothing grades it, an admin decides. */
    INTERRUPTED("interrupted");

    private static final List<SessionState> LIVE = List.of(PROVISIONING, ACTIVE, GRADING);

    private final String wire;

    SessionState(String wire) {
        this.wire = wire;
    }

    /** The states in which a session needs its environment: the reaper keeps it, a restart re-attaches it. */
    public static List<SessionState> live() {
        return LIVE;
    }

    /** The state stored as {@code wire}; an unknown value is an error naming it and the known ones. */
    public static SessionState of(String wire) {
        for (SessionState state : values()) {
            if (state.wire.equals(wire)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown lab session state '" + wire + "' (known: "
                + Arrays.stream(values()).map(SessionState::wire).toList() + ")");
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public boolean isLive() {
        return LIVE.contains(this);
    }

    /** The states a session in this state may move to. */
    public Set<SessionState> next() {
        return switch (this) {
            case PROVISIONING -> Set.of(ACTIVE, PROVISION_FAILED);
            case PROVISION_FAILED -> Set.of(PROVISIONING); // "Try again" after a failed start
            case ACTIVE -> Set.of(GRADING, INTERRUPTED);
            case GRADING -> Set.of(GRADED, INTERRUPTED);
            case GRADED, INTERRUPTED -> Set.of();
        };
    }

    public boolean canMoveTo(SessionState next) {
        return next().contains(next);
    }

    @Override
    public String toString() {
        return wire;
    }
}
