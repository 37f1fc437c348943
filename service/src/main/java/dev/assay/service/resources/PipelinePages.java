package dev.assay.service.resources;

import dev.assay.service.catalog.Role;
import dev.assay.service.db.StaffListDao;
import dev.assay.service.db.StaffSearch;
import dev.assay.service.db.User;
import dev.assay.service.scopes.Assignments;
import dev.assay.service.scoring.CandidateScorecard;
import dev.assay.service.scoring.Pipelines;
import dev.assay.service.scoring.Scoring;
import dev.assay.service.scoring.Verdict;
import dev.assay.service.views.ListPage;
import dev.assay.service.views.PipelineView;
import dev.assay.service.views.PipelinesView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the hiring team's pipeline pages for one staff member. The plans listed are those with at least one
 * assessment the viewer may open (admins: all); every stage's state shows, but only the stages the viewer may open
 * link to their review page.
 */
final class PipelinePages {
    /** How many plans a page of the list shows (each row is a scorecard across the plan). */
    static final int PAGE = 50;

    private final Assignments assignments;
    private final Pipelines pipelines;
    private final Scoring scoring;

    PipelinePages(Assignments assignments, Pipelines pipelines, Scoring scoring) {
        this.assignments = assignments;
        this.pipelines = pipelines;
        this.scoring = scoring;
    }

    /** A page of the list: one row per candidate and role whose candidate matches the search, newest first. */
    PipelinesView.Listing rows(User me, StaffSearch search, int requested) {
        ListPage page =
                ListPage.of("/admin/pipelines", search.text(), requested, PAGE, assignments.countPlans(me, search));
        List<PipelinesView.Row> rows = new ArrayList<>();
        for (StaffListDao.Plan plan : assignments.plans(me, search, page.offset(), PAGE)) {
            CandidateScorecard card = pipelines.of(plan.newest());
            boolean seen = assignments.planOf(me, plan).stream()
                    .allMatch(a -> scoring.review(a.assessmentId()).seenBy().contains(me.id()));
            rows.add(new PipelinesView.Row(
                    card.candidateName(),
                    card.candidateEmail(),
                    card.role(),
                    plan.newest(),
                    stages(me, card),
                    seen ? card.recommendation().verdict().wire() : null,
                    toDo(card)));
        }
        return new PipelinesView.Listing(rows, page);
    }

    /** The candidate page of the plan {@code assessmentId} belongs to; reading it counts as seeing its grade. */
    PipelineView.Model detail(User me, long assessmentId) {
        CandidateScorecard card = pipelines.of(assessmentId);
        Role role = scoring.role(scoring.assessment(assessmentId));
        scoring.markSeen(assessmentId, me.id(), "pipeline page");
        List<PipelinesView.Stage> stages = stages(me, card);
        Map<String, String> titles = new LinkedHashMap<>();
        role.skills().forEach(skill -> titles.put(skill.id(), skill.title()));
        List<PipelineView.Skill> mustHaves = new ArrayList<>();
        List<PipelineView.Skill> niceToHaves = new ArrayList<>();
        for (CandidateScorecard.Skill skill : card.skills()) {
            (skill.mustHave() ? mustHaves : niceToHaves)
                    .add(skill(skill, titles.getOrDefault(skill.id(), skill.id()), stages));
        }
        return new PipelineView.Model(
                assessmentId,
                card.candidateName(),
                card.candidateEmail(),
                role.title(),
                stages,
                mustHaves,
                niceToHaves,
                card.recommendation().verdict().wire(),
                card.recommendation().reasons());
    }

    private List<PipelinesView.Stage> stages(User me, CandidateScorecard card) {
        List<PipelinesView.Stage> stages = new ArrayList<>();
        for (CandidateScorecard.StageLine line : card.stages()) {
            Long id = line.assessmentId();
            Verdict verdict = line.verdict();
            String link = id != null && assignments.mayOpen(me, id) ? "/admin/assessments/" + id : null;
            stages.add(new PipelinesView.Stage(
                    line.stage(), line.title(), line.state(), verdict == null ? null : verdict.wire(), link));
        }
        return stages;
    }

    /** Stages not invited or not done, then the must-haves without a decision. */
    static List<String> toDo(CandidateScorecard card) {
        List<String> toDo = new ArrayList<>();
        card.stages().stream()
                .filter(line -> !line.state().equals("done"))
                .forEach(line -> toDo.add(line.stage() + " (" + line.state() + ")"));
        List<String> open = card.skills().stream()
                .filter(skill -> skill.mustHave() && skill.rating() == null)
                .map(CandidateScorecard.Skill::id)
                .toList();
        if (!open.isEmpty()) {
            toDo.add("no decision yet on " + String.join(", ", open));
        }
        return toDo;
    }

    private static PipelineView.Skill skill(
            CandidateScorecard.Skill skill, String title, List<PipelinesView.Stage> stages) {
        List<PipelineView.Source> sources = new ArrayList<>();
        for (String source : skill.sources()) {
            String stage = source.contains("/") ? source.substring(0, source.indexOf('/')) : source;
            String link = stages.stream()
                    .filter(s -> s.id().equals(stage))
                    .map(PipelinesView.Stage::link)
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            sources.add(new PipelineView.Source(source, link));
        }
        Double score = skill.score();
        return new PipelineView.Skill(
                skill.id(),
                title,
                skill.rating() == null ? "no decision" : skill.rating().label(),
                score == null ? "" : String.format(Locale.ROOT, "%.2f", score),
                String.format(Locale.ROOT, "%.0f%%", skill.coverage() * 100),
                skill.countedChecks(),
                sources,
                skill.noDecision());
    }
}
