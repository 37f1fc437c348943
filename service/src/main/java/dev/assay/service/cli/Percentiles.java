package dev.assay.service.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles: the value below which {@code q} of the samples fall, always one of the samples. */
final class Percentiles {
    private Percentiles() {}

    /** {@code q} in (0, 1]; the samples must not be empty. */
    static double of(List<Double> samples, double q) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples to take a percentile of");
        }
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("a percentile is in (0, 1], not " + q);
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
