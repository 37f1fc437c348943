package dev.assay.service.resources;

import dev.assay.service.catalog.CompositionPreview;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.catalog.Role;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.views.InviteForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's invitation form, read and filled back in: the labs each labs stage offers as checkboxes, the
 * stage and labs a post chose, and its candidate lines ({@code Name, email}, one a line).
 */
final class InviteForms {
    /** The most candidate lines one form takes (as the bulk API). */
    static final int MAX_LINES = InviteRequests.MAX_ROWS;

    /** A candidate line of the form: its number in the text box, as written, and the name and email read from it. */
    record Line(
            int number,
            String text,
            @Nullable String name,
            @Nullable String email) {}

    /** What a post filled in; {@code labs} are the checkboxes' values ("role/stage/lab"). */
    record Filled(String target, boolean picked, List<String> labs, String candidates, List<String> assignees) {}

    private final LabCatalog catalog;
    private final List<InviteForm.StageLabs> stages;

    InviteForms(LabCatalog catalog) {
        this.catalog = catalog;
        List<InviteForm.StageLabs> all = new ArrayList<>();
        for (Role role : catalog.roles()) {
            for (Role.Stage stage : role.stages()) {
                if (stage.kind() != Role.Kind.LABS) {
                    continue;
                }
                String target = role.id() + "/" + stage.id();
                List<InviteForm.LabBox> labs = stage.allLabs().stream()
                        .flatMap(id -> catalog.lab(id).stream())
                        .map(lab -> new InviteForm.LabBox(
                                target + "/" + lab.id(),
                                lab.id(),
                                lab.title(),
                                lab.timeLimit().toMinutes(),
                                String.join(", ", lab.skills().keySet()),
                                stage.labs().contains(lab.id()),
                                false))
                        .toList();
                all.add(new InviteForm.StageLabs(target, role.title() + ": " + stage.title(), false, labs));
            }
        }
        this.stages = List.copyOf(all);
    }

    InviteForm blank() {
        return InviteForm.blank(stages);
    }

    /** The form as filled in, with the stage's checkboxes ticked, and what the post gave. */
    InviteForm refill(Filled filled, @Nullable CompositionPreview preview, List<InviteForm.Answer> answers) {
        List<InviteForm.StageLabs> marked = stages.stream()
                .map(stage -> new InviteForm.StageLabs(
                        stage.target(),
                        stage.label(),
                        stage.target().equals(filled.target()),
                        stage.labs().stream()
                                .map(lab -> new InviteForm.LabBox(
                                        lab.value(),
                                        lab.id(),
                                        lab.title(),
                                        lab.minutes(),
                                        lab.skills(),
                                        lab.fixed(),
                                        filled.labs().contains(lab.value())))
                                .toList()))
                .toList();
        return new InviteForm(
                filled.target(), filled.picked(), filled.candidates(), filled.assignees(), marked, preview, answers);
    }

    /** The role and stage ids of the form's target ("role/stage"). */
    static String[] roleAndStage(String target) {
        String[] parts = target.split("/", 2);
        return parts.length == 2 ? parts : new String[] {target, ""};
    }

    /**
     * The lab ids picked for the chosen stage, or what is wrong: a lab ticked for another stage (without script every
     * stage's labs are on the page), or a pick for an interview stage.
     */
    List<String> picked(Filled filled) {
        String[] ids = roleAndStage(filled.target());
        Optional<Role.Stage> stage = catalog.role(ids[0])
                .flatMap(role -> role.stages().stream()
                        .filter(s -> s.id().equals(ids[1]))
                        .findFirst());
        if (stage.isPresent() && stage.get().kind() != Role.Kind.LABS) {
            throw new InvalidInputException("Labs: " + ids[1] + " is an interview stage; it has no labs to pick"
                    + " (choose 'composed for each candidate')");
        }
        List<String> labs = new ArrayList<>();
        for (String value : filled.labs()) {
            String prefix = filled.target() + "/";
            if (!value.startsWith(prefix) || value.substring(prefix.length()).contains("/")) {
                throw new InvalidInputException("Labs: '" + dev.assay.service.auth.AccountService.printable(value)
                        + "' is ticked for another stage than " + filled.target() + "; untick it or choose that stage");
            }
            labs.add(value.substring(prefix.length()));
        }
        return labs;
    }

    /** The candidate lines of the text box, blank lines left out; a line without a comma has no email. */
    static List<Line> lines(String text) {
        String[] rows = text.split("\\R", -1);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty()) {
                continue;
            }
            int comma = row.lastIndexOf(',');
            lines.add(
                    comma < 0
                            ? new Line(i + 1, row, row, null)
                            : new Line(
                                    i + 1,
                                    row,
                                    row.substring(0, comma).strip(),
                                    row.substring(comma + 1).strip()));
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidInputException("Candidates: at most " + MAX_LINES + " lines at once, got " + lines.size()
                    + "; invite them in parts");
        }
        return lines;
    }
}
