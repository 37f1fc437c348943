package dev.assay.grading.iam;

import java.util.List;

/** One key under one operator of a statement's Condition, with the policy's values for it. */
record ConditionTest(Operator operator, String key, List<Template> values) {
    ConditionTest {
        values = List.copyOf(values);
    }
}
