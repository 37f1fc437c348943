package dev.assay.service.invitations;

import java.util.List;

/**
 * How a candidate's labs for a labs stage are chosen at invitation: composed from a fresh seed to meet the stage's
 * blueprint (the default), or picked by staff from the stage's labs and pool.
 */
public sealed interface LabChoice {
    /** The wire name stored with the assessment. */
    String wire();

    record Auto() implements LabChoice {
        @Override
        public String wire() {
            return "auto";
        }
    }

    record Picked(List<String> labs) implements LabChoice {
        public Picked {
            labs = List.copyOf(labs);
        }

        @Override
        public String wire() {
            return "picked";
        }
    }

    static LabChoice auto() {
        return new Auto();
    }
}
