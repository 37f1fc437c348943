package dev.assay.grading.builtin;

import dev.assay.grading.Grader;
import dev.assay.grading.ParameterSpec;

/** What every built-in grader declares the same way: its id, version, one-line description and parameters. */
abstract class BuiltinGrader implements Grader {
    private final String id;
    private final String version;
    private final String description;
    private final ParameterSpec parameters;

    BuiltinGrader(String id, String version, String description, ParameterSpec parameters) {
        this.id = id;
        this.version = version;
        this.description = description;
        this.parameters = parameters;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String version() {
        return version;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final ParameterSpec parameters() {
        return parameters;
    }
}
