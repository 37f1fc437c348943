package dev.assay.service.resources;

import dev.assay.service.core.InvalidInputException;
import dev.assay.service.db.User;
import dev.assay.service.invitations.InvitationService;
import dev.assay.service.invitations.LabChoice;
import dev.assay.service.scopes.Assignments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The invitation API's bodies: one candidate, or many at once for one role stage. A labs stage's labs are composed
 * for each candidate ({@code compose: auto}, the default) or picked ({@code labs: [...]}); each row of a bulk
 * invitation is its own invitation, answered on its own.
 */
final class InviteRequests {
    /** What to invite: the candidate, the role stage, and how the labs are chosen. */
    record One(
            String email,
            String name,
            String roleId,
            String stage,
            @Nullable String compose,
            @Nullable List<String> labs) {}

    /** Many candidates of one role stage, each with the same choice of labs (composed separately for each). */
    record Many(
            String roleId,
            String stage,
            @Nullable String compose,
            @Nullable List<String> labs,
            List<Candidate> candidates) {}

    record Candidate(@Nullable String name, @Nullable String email) {}

    /** The most rows one bulk invitation takes. */
    static final int MAX_ROWS = 500;

    static final String USAGE = "send {\"email\": ..., \"name\": ..., \"roleId\": ..., \"stage\": ...}, and either"
            + " \"compose\": \"auto\" (the default: labs composed for the candidate) or \"labs\": [lab ids of the"
            + " stage]";

    private InviteRequests() {}

    /** The lab choice a body asks for, or what is wrong with it. */
    static LabChoice choice(@Nullable String compose, @Nullable List<String> labs) {
        if (labs != null) {
            if (compose != null && !compose.equals("picked")) {
                throw new InvalidInputException("send either \"compose\": \"auto\" or \"labs\": [...], not both");
            }
            if (labs.stream().anyMatch(lab -> lab == null)) {
                throw new InvalidInputException("labs: lab ids, no nulls");
            }
            return new LabChoice.Picked(labs);
        }
        if (compose == null || compose.equals("auto")) {
            return LabChoice.auto();
        }
        throw new InvalidInputException("compose: 'auto', or leave it out and send \"labs\": [lab ids of the stage]");
    }

    /** Invites every row it can; each answer says the link or what was wrong with that row. */
    static List<Map<String, Object>> inviteAll(
            Many request, InvitationService invitations, Assignments assignments, User admin) {
        LabChoice choice = choice(request.compose(), request.labs());
        if (request.candidates().size() > MAX_ROWS) {
            throw new InvalidInputException("candidates: at most " + MAX_ROWS + " rows at once, got "
                    + request.candidates().size() + "; send them in parts");
        }
        List<Map<String, Object>> answers = new ArrayList<>();
        int row = 0;
        for (Candidate candidate : request.candidates()) {
            row++;
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("row", row);
            answer.put("email", candidate == null ? null : candidate.email());
            try {
                if (candidate == null || candidate.email() == null || candidate.name() == null) {
                    throw new InvalidInputException("row " + row + ": give both name and email");
                }
                InvitationService.Created created = invitations.invite(
                        candidate.email(), candidate.name(), request.roleId(), request.stage(), admin.id(), choice);
                assignments.assign(created.assessmentId(), admin, admin.id());
                answer.put("assessmentId", created.assessmentId());
                answer.put("link", created.link().toString());
                answer.put("expiresAt", created.expiresAt().toString());
                answer.put("labs", created.labs());
            } catch (InvalidInputException e) {
                answer.put("error", e.getMessage());
            }
            answers.add(answer);
        }
        return answers;
    }
}
