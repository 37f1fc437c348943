package dev.assay.service.scoring;

import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.catalog.Role;
import dev.assay.service.catalog.SafeYaml;
import dev.assay.service.core.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A rubric as the hiring team edits it: YAML with the rating cuts and, per lab of the stage, its version and each
 * check's points, gate and skill shares. Reading checks everything against the role and the catalog and lists
 * every problem at once, each with its path and how to fix it.
 */
public final class RubricYaml {
    static final double MAX_POINTS = 100;

    private RubricYaml() {}

    /** The rubric as YAML, with a comment saying what each field means. */
    public static String write(Rubric rubric) {
        StringBuilder out = new StringBuilder();
        out.append("# Rubric of ")
                .append(rubric.roleId())
                .append(" / ")
                .append(rubric.stage())
                .append(".\n");
        out.append("# ratingCuts: four ascending shares between 0 and 1 that cut a skill score into\n");
        out.append("#   definitely-not | no | mixed | yes | strong-yes.\n");
        out.append("# Per check: points (more than 0, at most ")
                .append(num(MAX_POINTS))
                .append("), gate (true: failing")
                .append(" it rejects),\n#   skills (shares of the role's skills, summing to 1).\n");
        out.append("ratingCuts: [")
                .append(rubric.cuts().stream().map(RubricYaml::num).collect(Collectors.joining(", ")))
                .append("]\nlabs:\n");
        rubric.labs().forEach((labId, lab) -> {
            out.append("  ").append(quoted(labId)).append(":\n");
            out.append("    version: ").append(quoted(lab.version())).append("\n    checks:\n");
            lab.checks()
                    .forEach((checkId, check) -> out.append("      ")
                            .append(quoted(checkId))
                            .append(": {points: ")
                            .append(num(check.points()))
                            .append(", gate: ")
                            .append(check.gate())
                            .append(", skills: {")
                            .append(check.skills().entrySet().stream()
                                    .map(e -> quoted(e.getKey()) + ": " + num(e.getValue()))
                                    .collect(Collectors.joining(", ")))
                            .append("}}\n"));
        });
        return out.toString();
    }

    /** A YAML double-quoted scalar: ids like on, no or null stay strings, and any character is safe. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\x%02x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }

    public static String num(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }

    /** Reads a rubric for the role's stage; every problem found is in the exception's message, one per line. */
    public static Rubric read(String text, Role role, String stage, LabCatalog catalog, int version) {
        List<String> problems = new ArrayList<>();
        Rubric rubric = parse(text, role, stage, catalog, version, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    "the rubric has " + problems.size() + " problem(s):\n" + String.join("\n", problems));
        }
        return rubric;
    }

    /**
     * Reads a stored rubric, which was valid when it was saved: what no longer matches the catalog (a lab that left
     * the stage, a check the lab dropped) is left out, and labs whose version moved on are weighed by their files.
     */
    public static Rubric readStored(String text, Role role, String stage, LabCatalog catalog, int version) {
        return parse(text, role, stage, catalog, version, new ArrayList<>());
    }

    private static Rubric parse(
            String text, Role role, String stage, LabCatalog catalog, int version, List<String> problems) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(SafeYaml.loaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new InvalidInputException(
                    "the rubric is not valid YAML: " + e.getMessage() + "\nFix the indentation or quoting there.");
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new InvalidInputException(
                    "the rubric must be a map with ratingCuts and labs; start from the current" + " rubric's YAML");
        }
        unknownKeys(top, List.of("ratingCuts", "labs"), "", problems);
        List<Double> cuts = cuts(top.get("ratingCuts"), problems);
        Map<String, Rubric.LabWeights> labs = new LinkedHashMap<>();
        Object labsNode = top.get("labs");
        List<String> stageLabs = Rubric.labsOf(role, stage);
        if (!(labsNode instanceof Map<?, ?> labMap)) {
            problems.add("labs: a map from lab id to its version and checks is required");
        } else {
            for (Map.Entry<?, ?> entry : labMap.entrySet()) {
                String labId = String.valueOf(entry.getKey());
                Optional<Lab> lab = catalog.lab(labId);
                if (!stageLabs.contains(labId) || lab.isEmpty()) {
                    problems.add("labs." + labId + ": not a lab of " + role.id() + "/" + stage + "; the stage has "
                            + stageLabs);
                    continue;
                }
                labs.put(labId, lab(entry.getValue(), lab.get(), role, "labs." + labId, problems));
            }
        }
        return new Rubric(role.id(), stage, version, cuts.isEmpty() ? role.cuts() : cuts, labs);
    }

    private static List<Double> cuts(@Nullable Object node, List<String> problems) {
        if (!(node instanceof List<?> list)
                || list.size() != 4
                || !list.stream().allMatch(v -> v instanceof Number)) {
            problems.add("ratingCuts: four numbers are required, for example [0.2, 0.45, 0.6, 0.85]");
            return List.of();
        }
        List<Double> cuts = list.stream().map(v -> ((Number) v).doubleValue()).toList();
        for (int i = 0; i < 4; i++) {
            double cut = cuts.get(i);
            if (!(cut > 0 && cut < 1) || (i > 0 && cut <= cuts.get(i - 1))) {
                problems.add("ratingCuts: " + cuts + " must rise strictly, each between 0 and 1 (exclusive)");
                break;
            }
        }
        return cuts;
    }

    private static Rubric.LabWeights lab(Object node, Lab lab, Role role, String path, List<String> problems) {
        Map<String, Rubric.CheckWeights> checks = new LinkedHashMap<>();
        if (!(node instanceof Map<?, ?> map)) {
            problems.add(path + ": a map with version and checks is required");
            return new Rubric.LabWeights(lab.version(), checks);
        }
        unknownKeys(map, List.of("version", "checks"), path + ".", problems);
        String version = String.valueOf(map.get("version"));
        if (!lab.version().equals(version)) {
            problems.add(path + ".version: \"" + version + "\" is not the lab's current version \"" + lab.version()
                    + "\"; a rubric weighs the version being served");
            return new Rubric.LabWeights(version, checks);
        }
        if (!(map.get("checks") instanceof Map<?, ?> checkMap)) {
            problems.add(path + ".checks: a map from check id to {points, gate, skills} is required");
            return new Rubric.LabWeights(lab.version(), checks);
        }
        List<String> known = lab.checks().stream().map(Lab.Check::id).toList();
        for (Map.Entry<?, ?> entry : checkMap.entrySet()) {
            String id = String.valueOf(entry.getKey());
            if (!known.contains(id)) {
                problems.add(path + ".checks." + id + ": the lab has no such check; it has " + known);
                continue;
            }
            check(entry.getValue(), role, path + ".checks." + id, problems).ifPresent(w -> checks.put(id, w));
        }
        for (String id : known) {
            if (!checkMap.containsKey(id)) {
                problems.add(path + ".checks." + id + ": missing; give every check of the lab its weights");
            }
        }
        Map<String, Rubric.CheckWeights> ordered = new LinkedHashMap<>();
        known.stream().filter(checks::containsKey).forEach(id -> ordered.put(id, checks.get(id)));
        return new Rubric.LabWeights(lab.version(), ordered);
    }

    private static Optional<Rubric.CheckWeights> check(Object node, Role role, String path, List<String> problems) {
        if (!(node instanceof Map<?, ?> map)) {
            problems.add(path + ": {points: n, gate: true|false, skills: {skill: share}} is required");
            return Optional.empty();
        }
        int before = problems.size();
        unknownKeys(map, List.of("points", "gate", "skills"), path + ".", problems);
        double points = map.get("points") instanceof Number n ? n.doubleValue() : -1;
        if (!(points > 0 && points <= MAX_POINTS)) {
            problems.add(path + ".points: a number more than 0 and at most " + num(MAX_POINTS) + " is required");
        }
        Object gate = map.get("gate");
        if (gate != null && !(gate instanceof Boolean)) {
            problems.add(path + ".gate: true or false");
        }
        Map<String, Double> skills = new LinkedHashMap<>();
        if (!(map.get("skills") instanceof Map<?, ?> skillMap) || skillMap.isEmpty()) {
            problems.add(path + ".skills: a map of skill shares is required, for example {linux: 1}");
        } else {
            skillMap.forEach((k, v) -> {
                String skill = String.valueOf(k);
                if (!role.hasSkill(skill)) {
                    problems.add(path + ".skills." + skill + ": not a skill of " + role.id());
                } else if (!(v instanceof Number share) || !(share.doubleValue() > 0 && share.doubleValue() <= 1)) {
                    problems.add(path + ".skills." + skill + ": a share more than 0 and at most 1 is required");
                } else {
                    skills.put(skill, share.doubleValue());
                }
            });
            double sum =
                    skills.values().stream().mapToDouble(Double::doubleValue).sum();
            if (!skills.isEmpty() && Math.abs(sum - 1) > 1e-6) {
                problems.add(path + ".skills: the shares sum to " + num(sum) + "; they must sum to 1");
            }
        }
        return problems.size() > before
                ? Optional.empty()
                : Optional.of(new Rubric.CheckWeights(
                        points, Boolean.TRUE.equals(gate), java.util.Collections.unmodifiableMap(skills)));
    }

    private static void unknownKeys(Map<?, ?> map, List<String> known, String path, List<String> problems) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problems.add(path + key + ": unknown field; the fields here are " + known);
            }
        }
    }
}
