package dev.assay.service.views;

import dev.assay.service.db.Invitation;

/** The landing page of an invitation link: what the candidate is invited to, and the button that accepts. */
public final class InvitationView extends PageView {
    private final String token;
    private final Invitation invitation;

    /** A lab of the stage as the invitation lists it: what, how long, how hard. */
    public record LabLine(String title, long minutes, String difficulty) {}

    private final java.util.List<LabLine> labs;

    public InvitationView(String csrf, String token, Invitation invitation, java.util.List<LabLine> labs) {
        super("invitation", "Your interview", csrf);
        this.token = token;
        this.invitation = invitation;
        this.labs = java.util.List.copyOf(labs);
    }

    public java.util.List<LabLine> getLabs() {
        return labs;
    }

    public boolean isHasLabs() {
        return !labs.isEmpty();
    }

    public long getTotalMinutes() {
        return labs.stream().mapToLong(LabLine::minutes).sum();
    }

    public String getToken() {
        return token;
    }

    public Invitation getInvitation() {
        return invitation;
    }
}
