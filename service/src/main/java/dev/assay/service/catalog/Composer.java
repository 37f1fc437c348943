package dev.assay.service.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Composes a labs stage per candidate, purely and deterministically: the same role, stage, catalog and seed give the
 * same composition. It draws from every smallest selection of pool labs that meets the blueprint within the budget
 * ({@link Selections}), keeps those whose total difficulty lies within {@value #DIFFICULTY_BAND} of the median (so
 * candidates face comparable sittings), and weighs them so that no pool lab is picked for more than the blueprint's
 * exposure share where the selections allow it. A composition therefore always meets the blueprint.
 */
public final class Composer {
    /** How far (in difficulty points: easy 1, medium 2, hard 3) a composition may lie from the median one. */
    public static final int DIFFICULTY_BAND = 1;

    private static final int REWEIGHING_ROUNDS = 1000;
    private static final double EXPOSURE_TOLERANCE = 0.002;

    private final Role role;
    private final Role.Stage stage;
    private final List<Lab> fixed;
    private final List<Selections.Option> options;
    private final double[] weights;
    private final Predicate<Lab.Check> counts;

    private Composer(
            Role role,
            Role.Stage stage,
            List<Lab> fixed,
            List<Selections.Option> options,
            Predicate<Lab.Check> counts) {
        this.role = role;
        this.stage = stage;
        this.fixed = fixed;
        this.options = options;
        this.weights = weights(options, stage.blueprint().exposure());
        this.counts = counts;
    }

    /** One candidate's composition; see {@link #of}. */
    public static Composition compose(Role role, Role.Stage stage, LabCatalog catalog, long seed) {
        return of(role, stage, catalog).compose(seed);
    }

    /** The composer of a served role's labs stage (the catalog refused the role if nothing meets the stage). */
    public static Composer of(Role role, Role.Stage stage, LabCatalog catalog) {
        return of(role, stage, catalog::lab, catalog::counts);
    }

    static Composer of(Role role, Role.Stage stage, Function<String, Optional<Lab>> labs, Predicate<Lab.Check> counts) {
        if (stage.kind() != Role.Kind.LABS) {
            throw new IllegalArgumentException("stage " + stage.id() + " is an interview; it has no labs to compose");
        }
        List<Lab> fixed = resolve(stage.labs(), labs);
        List<Lab> pool = resolve(stage.pool(), labs);
        List<Selections.Option> all = new Selections(fixed, pool, stage, counts).options();
        return new Composer(role, stage, fixed, band(all), counts);
    }

    /** How many selections a composition is drawn from. */
    public int choices() {
        return options.size();
    }

    /**
     * Each pool lab's share of compositions in expectation (the weights the draw uses); the share over a run of seeds
     * scatters around it by chance (about 1.6 points either way over 1,000 seeds at 50 %).
     */
    public Map<String, Double> expectedExposure() {
        return shares(options, weights);
    }

    public Composition compose(long seed) {
        if (options.isEmpty()) {
            throw new IllegalStateException("no selection of " + role.id() + "/" + stage.id()
                    + "'s labs meets its blueprint ('./assay labs validate' says why)");
        }
        double draw = new SplittableRandom(seed).nextDouble();
        int chosen = options.size() - 1;
        double sum = 0;
        for (int i = 0; i < options.size(); i++) {
            sum += weights[i];
            if (draw < sum) {
                chosen = i;
                break;
            }
        }
        Selections.Option option = options.get(chosen);
        List<Lab> labs = new ArrayList<>(fixed);
        labs.addAll(option.picked());
        return composition(role, stage, labs, counts);
    }

    /**
     * What the given labs of a stage give, whoever chose them: their total time and difficulty, and the evidence
     * per skill (every skill they weigh, and every skill the stage measures) as {@link Tally} counts it.
     */
    public static Composition composition(Role role, Role.Stage stage, List<Lab> labs, Predicate<Lab.Check> counts) {
        Map<String, Composition.SkillEvidence> evidence = new LinkedHashMap<>();
        for (Role.Skill skill : role.skills()) {
            Tally tally = Tally.of(labs, skill.id(), counts);
            if (tally.all() > 0 || stage.measures().contains(skill.id())) {
                evidence.put(skill.id(), tally.evidence(skill.id()));
            }
        }
        return new Composition(
                role.id(),
                stage.id(),
                labs.stream().map(Lab::id).toList(),
                labs.stream().map(Lab::timeLimit).reduce(java.time.Duration.ZERO, java.time.Duration::plus),
                stage.blueprint().budget(),
                labs.stream().mapToInt(Selections::difficulty).sum(),
                stage.measures(),
                java.util.Collections.unmodifiableMap(evidence));
    }

    private static List<Lab> resolve(List<String> ids, Function<String, Optional<Lab>> labs) {
        return ids.stream().flatMap(id -> labs.apply(id).stream()).toList();
    }

    /** The selections whose total difficulty lies within the band around the median selection's. */
    private static List<Selections.Option> band(List<Selections.Option> all) {
        if (all.isEmpty()) {
            return all;
        }
        int median =
                all.stream().mapToInt(Selections.Option::difficulty).sorted().toArray()[all.size() / 2];
        return all.stream()
                .filter(option -> Math.abs(option.difficulty() - median) <= DIFFICULTY_BAND)
                .toList();
    }

    /**
     * Probabilities over the selections, uniform at first, then reweighed round by round: every selection is scaled
     * by cap / share for each of its pool labs picked more often than {@code cap} (the product, so a selection
     * holding two over-exposed labs loses more than one holding one; scaling by the worst lab alone stalls when every
     * selection holds one), until no lab exceeds the cap by more than {@value #EXPOSURE_TOLERANCE} or the rounds run
     * out (the selections do not allow it: a lab that every selection needs stays at 100 %).
     */
    static double[] weights(List<Selections.Option> options, double cap) {
        double[] weights = new double[options.size()];
        java.util.Arrays.fill(weights, 1.0 / Math.max(1, options.size()));
        for (int round = 0; round < REWEIGHING_ROUNDS; round++) {
            Map<String, Double> share = shares(options, weights);
            if (share.values().stream().allMatch(s -> s <= cap + EXPOSURE_TOLERANCE)) {
                break;
            }
            for (int i = 0; i < options.size(); i++) {
                for (Lab lab : options.get(i).picked()) {
                    double s = share.getOrDefault(lab.id(), 0.0);
                    if (s > cap) {
                        weights[i] *= cap / s;
                    }
                }
            }
            double total = java.util.Arrays.stream(weights).sum();
            for (int i = 0; i < weights.length; i++) {
                weights[i] /= total;
            }
        }
        return weights;
    }

    private static Map<String, Double> shares(List<Selections.Option> options, double[] weights) {
        Map<String, Double> share = new HashMap<>();
        for (int i = 0; i < options.size(); i++) {
            for (Lab lab : options.get(i).picked()) {
                share.merge(lab.id(), weights[i], Double::sum);
            }
        }
        return share;
    }
}
