package dev.assay.service.views;

import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.db.User;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The staff home: a page of the assessments (newest first, optionally found by candidate), and the invitation form. */
public final class DashboardView extends PageView {
    private final User user;
    private final Listing listing;
    private final @Nullable String error;
    private final Choices choices;
    private final InviteForm form;

    /** A role stage one can invite to, or an interviewer one can assign, as the invitation form offers it. */
    public record Target(String value, String label, boolean selected) {
        public Target(String value, String label) {
            this(value, label, false);
        }
    }

    /** What the invitation form offers: role stages, and interviewers to assign besides the inviting admin. */
    public record Choices(List<Target> targets, List<Target> interviewers) {}

    /** A line of the list: the assessment and where its labs stand ("1 of 2 labs graded, 1 in progress"). */
    public record Row(AssessmentSummary assessment, String labs) {}

    /** A page of rows and where it stands in the whole list. */
    public record Listing(List<Row> rows, ListPage page) {}

    public DashboardView(
            String csrf, User user, Choices choices, Listing listing, InviteForm form, @Nullable String error) {
        super("dashboard", "Assessments", csrf);
        this.user = user;
        this.choices = choices;
        this.listing = listing;
        this.form = form;
        this.error = error;
    }

    public User getUser() {
        return user;
    }

    public boolean isAdmin() {
        return user.role() == dev.assay.service.core.Role.ADMIN;
    }

    /** The role stages, the one the form was sent with selected. */
    public List<Target> getTargets() {
        return choices.targets().stream()
                .map(t -> new Target(t.value(), t.label(), t.value().equals(form.target())))
                .toList();
    }

    public List<Target> getInterviewers() {
        return choices.interviewers().stream()
                .map(t -> new Target(t.value(), t.label(), form.assignees().contains(t.value())))
                .toList();
    }

    /** Whether the form offers interviewers to assign. */
    public boolean isAssigning() {
        return !choices.interviewers().isEmpty();
    }

    public List<Row> getAssessments() {
        return listing.rows();
    }

    public ListPage getPage() {
        return listing.page();
    }

    public InviteForm getForm() {
        return form;
    }

    public @Nullable String getError() {
        return error;
    }
}
