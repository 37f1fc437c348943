package dev.assay.service.views;

import dev.assay.service.db.Invitation;

/** The landing page of an invitation link: what the candidate is invited to, and the button that accepts. */
public final class InvitationView extends PageView {
    private final String token;
    private final Invitation invitation;

    public InvitationView(String csrf, String token, Invitation invitation) {
        super("invitation", "Your interview", csrf);
        this.token = token;
        this.invitation = invitation;
    }

    public String getToken() {
        return token;
    }

    public Invitation getInvitation() {
        return invitation;
    }
}
