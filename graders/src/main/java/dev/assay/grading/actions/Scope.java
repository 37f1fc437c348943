package dev.assay.grading.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the steps at one place see: the job, the environment and (in a composite action) the inputs with their
 * sources, the default shell, and the chain of local actions that led here.
 */
record Scope(
        Workflow.Job job,
        Map<String, Set<Source>> env,
        Map<String, Set<Source>> inputs,
        String shell,
        boolean composite,
        List<String> chain) {

    static Scope of(Workflow.Job job) {
        return new Scope(job, Map.of(), Map.of(), "", false, List.of());
    }

    /** An env map's variables with the sources of their values. */
    static Map<String, Set<Source>> env(
            JsonNode env, Map<String, Set<Source>> outer, Map<String, Set<Source>> inputs, boolean composite) {
        Map<String, Set<Source>> vars = new LinkedHashMap<>();
        if (env.isObject()) {
            env.fields()
                    .forEachRemaining(e -> vars.put(
                            e.getKey(),
                            e.getValue().isValueNode()
                                    ? Sources.of(e.getValue().asText(), outer, inputs, composite)
                                    : Sources.of(e.getValue().toString(), outer, inputs, composite)));
        } else if (env.isTextual()) {
            vars.put("(env expression)", Sources.of(env.asText(), outer, inputs, composite));
        }
        return vars;
    }

    /** The scope inside a local composite action called by {@code caller}. */
    Scope composite(Step caller, JsonNode action, String path) {
        Map<String, Set<Source>> given = new LinkedHashMap<>();
        caller.node()
                .path("with")
                .fields()
                .forEachRemaining(e -> given.put(
                        e.getKey(),
                        caller.sources(
                                e.getValue().isValueNode()
                                        ? e.getValue().asText()
                                        : e.getValue().toString())));
        Map<String, Set<Source>> inputs = new LinkedHashMap<>();
        action.path("inputs")
                .fields()
                .forEachRemaining(e -> inputs.put(
                        e.getKey(),
                        given.containsKey(e.getKey())
                                ? given.get(e.getKey())
                                : Sources.of(e.getValue().path("default").asText(""), caller.env(), Map.of(), true)));
        given.forEach(inputs::putIfAbsent);
        List<String> chain = new ArrayList<>(this.chain);
        chain.add(path);
        return new Scope(job, caller.env(), inputs, "", true, List.copyOf(chain));
    }
}
