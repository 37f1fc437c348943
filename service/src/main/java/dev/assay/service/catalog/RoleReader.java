package dev.assay.service.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads and checks {@code roles/<id>.yaml}. Labs named by stages are checked later, against the catalog. */
final class RoleReader {
    static final String SLUG = "[a-z][a-z0-9-]{0,62}";
    private static final Set<String> ROLE_KEYS =
            Set.of("id", "title", "source", "values", "skills", "stages", "ratingCuts");
    private static final Set<String> SKILL_GROUPS = Set.of("mustHave", "niceToHave");
    private static final Set<String> SKILL_KEYS = Set.of("id", "title", "description");

    /**
     * A role as read, with what the catalog's checks need: the kinds of its stages as written (labs, interview, or
     * the lab stage a role file that predates blueprints names), where each stage and must-have skill stands.
     */
    record Read(
            Role role, List<String> stageKinds, List<Node> stageNodes, Map<String, Node> mustHaveNodes, boolean valid) {

        boolean legacy(int stage) {
            return Lab.STAGES.contains(stageKinds.get(stage));
        }
    }

    private RoleReader() {}

    static Optional<Read> read(Path file, Path shown, List<Problem> problems) {
        YamlSource source = new YamlSource(shown, problems);
        int before = problems.size();
        Optional<MapReader> root =
                SafeYaml.parse(file, shown, problems).flatMap(node -> MapReader.of(source, node, "", ROLE_KEYS));
        if (root.isEmpty()) {
            return Optional.empty();
        }
        MapReader map = root.get();
        String expectedId = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String id = map.required("id", "give the role's id, the file name without .yaml");
        if (!id.isEmpty() && !id.equals(expectedId)) {
            source.problem(
                    map.node(), "id", "'" + id + "' does not match the file name", "name the file " + id + ".yaml");
        }
        String title = map.required("title", "give the role's title, such as 'DevOps Engineer'");
        String origin = map.text("source").orElse("");
        Map<String, Node> mustHaveNodes = new LinkedHashMap<>();
        List<Role.Skill> skills = skills(source, map, mustHaveNodes);
        Set<String> values = values(source, map);
        List<String> kinds = new ArrayList<>();
        List<Node> stageNodes = new ArrayList<>();
        StageReader stageReader = new StageReader(
                source, skills.stream().map(Role.Skill::id).collect(java.util.stream.Collectors.toSet()), values);
        List<Role.Stage> stages = stages(source, map, stageReader, kinds, stageNodes);
        List<Double> cuts = cuts(source, map);
        // A role with problems is still returned (not valid): its labs are checked against its skills, so one
        // mistake in the role does not echo as misleading errors in every lab it lists.
        return Optional.of(new Read(
                new Role(id, title, origin, skills, stages, cuts),
                kinds,
                stageNodes,
                mustHaveNodes,
                problems.size() == before));
    }

    /** The company's values (such as "Iterative Improvement"), which interview questions may name. */
    private static Set<String> values(YamlSource source, MapReader map) {
        Set<String> values = new java.util.LinkedHashSet<>();
        for (String value : map.texts("values")) {
            if (value.isBlank() || !values.add(value)) {
                source.problem(
                        map.value("values").orElseThrow(),
                        "values",
                        "'" + value + "' is blank or listed twice",
                        "list each company value once");
            }
        }
        return values;
    }

    private static List<Role.Skill> skills(YamlSource source, MapReader map, Map<String, Node> mustHaveNodes) {
        List<Role.Skill> skills = new ArrayList<>();
        Optional<MapReader> groups =
                map.value("skills").flatMap(node -> MapReader.of(source, node, "skills", SKILL_GROUPS));
        if (!map.has("skills")) {
            source.problem(
                    map.node(),
                    "skills",
                    "missing",
                    "list the role's skills under skills.mustHave and skills.niceToHave");
        }
        Set<String> seen = new HashSet<>();
        groups.ifPresent(g -> {
            for (String group : List.of("mustHave", "niceToHave")) {
                List<Node> items = g.list(group);
                for (int i = 0; i < items.size(); i++) {
                    String field = "skills." + group + "[" + i + "]";
                    MapReader.of(source, items.get(i), field, SKILL_KEYS).ifPresent(skill -> {
                        String id = skill.required("id", "give the skill a short id such as 'kubernetes'");
                        if (!id.isEmpty() && !id.matches(SLUG)) {
                            source.problem(
                                    skill.node(),
                                    field + ".id",
                                    "'" + id + "' is not a slug",
                                    "use lower case, digits and dashes");
                        } else if (!id.isEmpty() && !seen.add(id)) {
                            source.problem(
                                    skill.node(), field + ".id", "skill '" + id + "' is listed twice", "keep one");
                        }
                        if (group.equals("mustHave") && !id.isEmpty()) {
                            mustHaveNodes.putIfAbsent(id, skill.node());
                        }
                        skills.add(new Role.Skill(
                                id,
                                skill.required("title", "give the skill a title"),
                                group.equals("mustHave"),
                                skill.required("description", "say in a line what the role needs")));
                    });
                }
            }
            if (skills.stream().noneMatch(Role.Skill::mustHave)) {
                source.problem(
                        g.node(),
                        "skills.mustHave",
                        "a role needs at least one must-have skill",
                        "list it under mustHave");
            }
        });
        return skills;
    }

    private static List<Role.Stage> stages(
            YamlSource source, MapReader map, StageReader reader, List<String> kinds, List<Node> nodes) {
        List<Role.Stage> stages = new ArrayList<>();
        List<Node> items = map.list("stages");
        if (items.isEmpty()) {
            source.problem(
                    map.node(), "stages", "a role needs at least one stage", "add the stages of its hiring plan");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String field = "stages[" + i + "]";
            Node node = items.get(i);
            MapReader.of(source, node, field, StageReader.KEYS).ifPresent(stage -> {
                StageReader.Read read = reader.read(stage, field);
                String id = read.stage().id();
                if (!id.isEmpty() && !seen.add(id)) {
                    source.problem(stage.node(), field + ".id", "stage '" + id + "' is listed twice", "keep one");
                }
                kinds.add(read.kind());
                nodes.add(node);
                stages.add(read.stage());
            });
        }
        return stages;
    }

    private static List<Double> cuts(YamlSource source, MapReader map) {
        List<Node> items = map.list("ratingCuts");
        if (items.isEmpty()) {
            return Role.DEFAULT_CUTS;
        }
        List<Double> cuts = new ArrayList<>();
        for (Node item : items) {
            try {
                cuts.add(Double.parseDouble(((org.yaml.snakeyaml.nodes.ScalarNode) item).getValue()));
            } catch (ClassCastException | NumberFormatException e) {
                source.problem(item, "ratingCuts", "must be a number", "write four numbers between 0 and 1");
                return Role.DEFAULT_CUTS;
            }
        }
        boolean increasing = cuts.size() == 4 && cuts.get(0) > 0 && cuts.get(3) < 1;
        for (int i = 1; increasing && i < cuts.size(); i++) {
            increasing = cuts.get(i) > cuts.get(i - 1);
        }
        if (!increasing) {
            source.problem(
                    map.value("ratingCuts").orElse(map.node()),
                    "ratingCuts",
                    "must be four increasing numbers between 0 and 1, got " + cuts,
                    "separate " + dev.assay.service.core.Rating.labels() + ", e.g. " + Role.DEFAULT_CUTS);
        }
        return cuts;
    }
}
