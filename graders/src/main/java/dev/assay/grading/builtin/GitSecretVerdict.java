package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code secret-absent}, from what git-secret.py found: the secret (as written or in a form a reader decodes at
 * once) must be in no object a clone gets, in no ref's name, and in no stored object that a clone could fetch by
 * an id it reads in the repository. Objects no ref reaches are otherwise shown, not counted: a server sends them
 * only to a client that asks by id. The secret itself never appears in an observation.
 */
final class GitSecretVerdict {
    private GitSecretVerdict() {}

    static CheckResult judge(CheckResult.Builder check, GitFacts facts) {
        List<String> reaching = new ArrayList<>();
        for (List<String> ref : facts.all("ref")) {
            String where = GitFacts.field(ref, 2);
            reaching.add(GitFacts.field(ref, 1));
            check.observe(
                    "reaches it: " + GitFacts.field(ref, 1),
                    GitFacts.field(ref, 0) + " object(s)" + (where.isEmpty() ? "" : ", such as " + where));
        }
        check.observe("refs read", facts.first("refs"));
        check.observe("refs that still reach the secret", reaching.isEmpty() ? "none" : String.join(", ", reaching));
        for (List<String> found : facts.all("found")) {
            check.observe(
                    "holds it: " + GitFacts.field(found, 1) + " " + GitVerdicts.shortId(GitFacts.field(found, 0)),
                    GitFacts.field(found, 2) + " (" + GitFacts.field(found, 3) + ")");
        }
        check.observe(
                "unreferenced objects that hold it",
                facts.first("unreferenced") + " (no ref reaches them: a clone does not get them)");
        if (facts.has("undecoded")) {
            check.observe(
                    "objects too large to decode nested encodings in",
                    facts.first("undecoded") + " (searched as written and single encodings only)");
        }
        String exposed = facts.all("exposed").stream()
                .map(line -> GitVerdicts.shortId(GitFacts.field(line, 0)) + " (named in "
                        + GitVerdicts.shortId(GitFacts.field(line, 1)) + ")")
                .collect(Collectors.joining(", "));
        String pieces = facts.has("split") ? " (in pieces across " + facts.first("split") + " objects)" : "";
        return check.expect(
                        reaching.isEmpty(),
                        "the secret is still in history, reachable from " + String.join(", ", reaching) + pieces)
                .expect(!facts.has("refname"), "a ref's name holds the secret: every clone lists it")
                .expect(
                        exposed.isEmpty(),
                        "objects no ref reaches still hold the secret, and the repository names them by full id: "
                                + exposed + "; a client can fetch them by that id (protocol v2 servers send any"
                                + " stored object asked for)")
                .success("no branch, tag or other ref reaches the secret, in any encoding looked for")
                .build();
    }
}
