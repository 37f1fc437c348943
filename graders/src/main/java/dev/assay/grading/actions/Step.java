package dev.assay.grading.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * A step where GitHub would run it: {@code where} names it ({@code ci.yml jobs.build.steps[1].parallel[0]}, with
 * {@code -> ./.github/actions/x runs.steps[0]} for a step of a local composite action), with what it sees: the
 * environment variables set around it and, in a composite action, its inputs, each with the sources of its
 * value. {@code shell} is the shell a run step gets when it names none ("" for the runner's default).
 */
public record Step(
        String where,
        JsonNode node,
        Workflow.Job job,
        Map<String, Set<Source>> env,
        Map<String, Set<Source>> inputs,
        String shell,
        boolean inComposite) {

    public String uses() {
        return node.path("uses").isTextual() ? node.get("uses").asText().strip() : "";
    }

    public String text(String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    /** The sources flowing into a value written in this step (a run script, an input, an env value). */
    public Set<Source> sources(String value) {
        return Sources.of(value, env, inputs, inComposite);
    }
}
