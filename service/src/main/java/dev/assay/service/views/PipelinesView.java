package dev.assay.service.views;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The hiring team's list of candidates across the hiring plan: one row per candidate and role, each stage of the
 * role with where it stands, the candidate-level recommendation so far (when the viewer has seen the automated
 * grade of the stages they may open) and what is still to do. Mustache escapes every value.
 */
public final class PipelinesView extends PageView {
    /** A stage of the plan: its title and state, and the review page's address when the viewer may open it. */
    public record Stage(
            String id,
            String title,
            String state,
            @Nullable String verdict,
            @Nullable String link) {}

    /**
     * A candidate's plan for one role; {@code detail} is the assessment whose candidate page the row links to;
     * {@code recommendation} null while it is kept back so a blind rating stays blind.
     */
    public record Row(
            String name,
            String email,
            String role,
            long detail,
            List<Stage> stages,
            @Nullable String recommendation,
            List<String> toDo) {}

    /** A page of rows and where it stands in the whole list. */
    public record Listing(List<Row> rows, ListPage page) {}

    private final Listing listing;
    private final boolean admin;

    public PipelinesView(String csrf, Listing listing, boolean admin) {
        super("pipelines", "Candidates across the hiring plan", csrf);
        this.listing = listing;
        this.admin = admin;
    }

    public List<Row> getRows() {
        return listing.rows();
    }

    public ListPage getPage() {
        return listing.page();
    }

    public boolean isAdmin() {
        return admin;
    }
}
