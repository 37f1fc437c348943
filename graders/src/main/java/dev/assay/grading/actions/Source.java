package dev.assay.grading.actions;

import java.util.List;

/**
 * Where a value comes from, as far as a rule cares: a secret (the {@code secrets} context or the job's token),
 * text an outsider can shape (an issue title, a branch name, a commit message...), or neither.
 */
public record Source(Kind kind, String path) {

    public enum Kind {
        SECRET,
        UNTRUSTED
    }

    /**
     * Event fields an outsider writes, as GitHub's script-injection guidance and the public linters list them
     * ({@code *}: any index or key). A path that stops at an object on the way (such as {@code github.event},
     * dumped with toJSON) carries them all.
     */
    private static final List<List<String>> UNTRUSTED = java.util.stream.Stream.of(
                    "github.head_ref",
                    "github.event.issue.title",
                    "github.event.issue.body",
                    "github.event.pull_request.title",
                    "github.event.pull_request.body",
                    "github.event.pull_request.head.ref",
                    "github.event.pull_request.head.label",
                    "github.event.pull_request.head.repo.default_branch",
                    "github.event.comment.body",
                    "github.event.review.body",
                    "github.event.review_comment.body",
                    "github.event.discussion.title",
                    "github.event.discussion.body",
                    "github.event.pages.*.page_name",
                    "github.event.commits.*.message",
                    "github.event.commits.*.author.email",
                    "github.event.commits.*.author.name",
                    "github.event.commits.*.committer.email",
                    "github.event.commits.*.committer.name",
                    "github.event.head_commit.message",
                    "github.event.head_commit.author.email",
                    "github.event.head_commit.author.name",
                    "github.event.head_commit.committer.email",
                    "github.event.head_commit.committer.name",
                    "github.event.workflow_run.head_branch",
                    "github.event.workflow_run.display_title",
                    "github.event.workflow_run.head_commit.message",
                    "github.event.workflow_run.head_commit.author.email",
                    "github.event.workflow_run.head_commit.author.name",
                    "github.event.workflow_run.pull_requests.*.head.ref")
            .map(p -> List.of(p.split("\\.")))
            .toList();

    /** The source a context path is by itself, or null for paths that are neither secret nor untrusted. */
    static @org.jspecify.annotations.Nullable Source of(Expr.Path path) {
        List<String> s = path.segments();
        if (s.get(0).equals("secrets")
                || (s.size() == 2 && s.get(0).equals("github") && s.get(1).equals("token"))) {
            return new Source(Kind.SECRET, path.text());
        }
        for (List<String> untrusted : UNTRUSTED) {
            if (covers(s, untrusted)) {
                return new Source(Kind.UNTRUSTED, path.text());
            }
        }
        return null;
    }

    /** Whether reading {@code path} yields {@code untrusted} or an object that contains it. */
    private static boolean covers(List<String> path, List<String> untrusted) {
        if (path.size() > untrusted.size()) {
            return false;
        }
        for (int i = 0; i < path.size(); i++) {
            String a = path.get(i);
            String b = untrusted.get(i);
            if (!a.equals(b) && !a.equals("*") && !b.equals("*")) {
                return false;
            }
        }
        return true;
    }
}
