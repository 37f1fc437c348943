package dev.assay.grading.iam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * An AWS IAM identity-based policy, read from its JSON document as IAM validates it, and its decision for a
 * request: an explicit Deny in any statement that applies wins, then any Allow that applies, and anything else is
 * an implicit deny. Where AWS leaves the outcome undocumented (a request value not of the operator's type, a key
 * with several values under an operator that takes one) the decision is {@link Decision#UNDECIDED}, with why.
 * Permission boundaries, SCPs, session and resource policies are out of scope: one identity policy is judged.
 */
public final class IamPolicy {
    /** IAM's largest policy (a role's inline policies), white space not counted. */
    static final int MAX_CHARACTERS = 10_240;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(
                            StreamReadConstraints.builder().maxNestingDepth(32).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A request to decide: an action such as {@code s3:GetObject}, a resource ARN, and context keys. */
    public record Request(String action, String resource, Map<String, List<String>> context) {}

    public enum Decision {
        ALLOW,
        EXPLICIT_DENY,
        IMPLICIT_DENY,
        UNDECIDED;

        public boolean allowed() {
            return this == ALLOW;
        }

        /** Denied for certain (explicitly or not); UNDECIDED is neither allowed nor denied. */
        public boolean denied() {
            return this == EXPLICIT_DENY || this == IMPLICIT_DENY;
        }
    }

    /** The decision, the statements that made it, and why it is undecided when it is. */
    public record Outcome(Decision decision, List<String> matched, List<String> undecidedBecause) {}

    private final List<Statement> statements;
    private final List<String> notes;

    private IamPolicy(List<Statement> statements, List<String> notes) {
        this.statements = statements;
        this.notes = notes;
    }

    /** Reads policy text: strict JSON (a key given twice is refused, as IAM refuses it), then {@link #parse}. */
    public static IamPolicy parse(String text) {
        long characters = text.chars().filter(c -> !Character.isWhitespace(c)).count();
        if (characters > MAX_CHARACTERS) {
            throw new IllegalArgumentException("the policy has " + characters + " characters besides white space;"
                    + " IAM takes at most " + MAX_CHARACTERS);
        }
        try {
            return parse(JSON.readTree(text));
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            int end = message.indexOf('\n');
            throw new IllegalArgumentException("not valid JSON: " + (end < 0 ? message : message.substring(0, end)), e);
        }
    }

    /** Reads a policy document; throws {@link IllegalArgumentException} with what IAM would refuse and where. */
    public static IamPolicy parse(JsonNode document) {
        PolicyReader reader = new PolicyReader();
        List<Statement> statements = reader.read(document);
        return new IamPolicy(statements, reader.notes());
    }

    /**
     * The policies attached to one principal, decided together as IAM does: a Deny in any of them wins, an Allow in
     * any allows. Statements are named {@code label:Sid} so a decision says which file made it.
     */
    public static IamPolicy together(List<String> labels, List<IamPolicy> policies) {
        if (policies.size() == 1) {
            return policies.get(0);
        }
        List<Statement> statements = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            String label = labels.get(i);
            policies.get(i).statements().forEach(s -> statements.add(s.named(label + ":" + s.name())));
            policies.get(i).notes().forEach(n -> notes.add(label + ": " + n));
        }
        return new IamPolicy(List.copyOf(statements), List.copyOf(notes));
    }

    /** Facts about the document worth telling the interviewer that do not change a decision. */
    public List<String> notes() {
        return notes;
    }

    List<Statement> statements() {
        return statements;
    }

    public Outcome decide(Request request) {
        Context context = new Context(request.context());
        List<String> allows = new ArrayList<>();
        List<String> denies = new ArrayList<>();
        boolean maybeAllow = false;
        boolean maybeDeny = false;
        List<String> why = new ArrayList<>();
        for (Statement statement : statements) {
            Truth applies = statement.applies(request.action(), request.resource(), context, why);
            if (applies == Truth.TRUE) {
                (statement.allow() ? allows : denies).add(statement.name());
            } else if (applies == Truth.UNKNOWN) {
                maybeAllow |= statement.allow();
                maybeDeny |= !statement.allow();
            }
        }
        List<String> reasons = List.copyOf(new LinkedHashSet<>(why));
        if (!denies.isEmpty()) {
            return new Outcome(Decision.EXPLICIT_DENY, denies, List.of());
        }
        if (!allows.isEmpty() && !maybeDeny) {
            return new Outcome(Decision.ALLOW, allows, List.of());
        }
        if (allows.isEmpty() && !maybeAllow) {
            return new Outcome(Decision.IMPLICIT_DENY, List.of(), List.of());
        }
        return new Outcome(Decision.UNDECIDED, allows, reasons);
    }
}
