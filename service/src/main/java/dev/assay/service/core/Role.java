package dev.assay.service.core;

import java.util.Locale;

/** Who may call what. Staff roles are stored on users; candidates hold a candidate session instead. */
public enum Role {
    ADMIN,
    INTERVIEWER,
    CANDIDATE;

    /** The role's name in the database, in {@code @RolesAllowed} and in the CLI. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String wire) {
        for (Role role : values()) {
            if (role.wire().equals(wire)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + wire + "' (expected admin, interviewer or candidate)");
    }

    /** Names usable in {@code @RolesAllowed}. */
    public static final String STAFF_ADMIN = "admin";

    public static final String STAFF_INTERVIEWER = "interviewer";
    public static final String CANDIDATE_ROLE = "candidate";
}
