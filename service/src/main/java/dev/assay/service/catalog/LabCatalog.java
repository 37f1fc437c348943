package dev.assay.service.catalog;

import dev.assay.grading.GraderRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The labs and roles of a content folder ({@code labs/}), loaded and validated once. A broken lab or role is
 * reported in {@link #problems()} and left out; everything else is served.
 */
public final class LabCatalog {
    /** Folders beside the labs that are not labs. */
    private static final Set<String> NOT_LABS = Set.of("roles", "images", "src", "target");

    private final Path directory;
    private final Map<String, Lab> labs;
    private final Map<String, Role> roles;
    private final List<Problem> problems;
    private final Set<String> broken;
    private final GraderRegistry graders;

    private LabCatalog(
            Path directory,
            Map<String, Lab> labs,
            Map<String, Role> roles,
            List<Problem> problems,
            Set<String> broken,
            GraderRegistry graders) {
        this.directory = directory;
        this.labs = labs;
        this.roles = roles;
        this.problems = problems;
        this.broken = broken;
        this.graders = graders;
    }

    public static LabCatalog load(Path directory, GraderRegistry graders) {
        Path root = directory.toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            problems.add(new Problem(
                    directory, 0, 0, "", "no such folder", "point ASSAY_LABS_DIR (labs.dir) at the labs folder"));
            return new LabCatalog(root, Map.of(), Map.of(), problems, Set.of(), graders);
        }
        Map<String, RoleReader.Read> roleReads = new TreeMap<>();
        for (Path file : list(root.resolve("roles"), problems, "*.{yaml,yml}")) {
            if (!Files.isRegularFile(file)) {
                problems.add(new Problem(
                        shown(directory, root, file), 0, 0, "", "not a regular file", "roles are YAML files"));
                continue;
            }
            RoleReader.read(file, shown(directory, root, file), problems)
                    .ifPresent(read -> roleReads.put(read.role().id(), read));
        }
        Map<String, Lab> labs = new TreeMap<>();
        Set<String> broken = new HashSet<>();
        for (Path folder : list(root, problems, "*")) {
            String name = folder.getFileName().toString();
            if (!Files.isDirectory(folder) || NOT_LABS.contains(name) || name.startsWith(".")) {
                continue;
            }
            Path file = folder.resolve("lab.yaml");
            if (!Files.isRegularFile(file)) {
                problems.add(new Problem(
                        shown(directory, root, folder),
                        0,
                        0,
                        "",
                        "folder has no lab.yaml",
                        "add one or move the folder out of " + directory));
                continue;
            }
            Optional<Lab> lab = LabReader.read(
                    file, shown(directory, root, file), graders, skillsFor(name, roleReads.values()), problems);
            lab.ifPresentOrElse(l -> labs.put(l.id(), l), () -> broken.add(name));
        }
        Map<String, Role> roles = new TreeMap<>();
        for (RoleReader.Read read : roleReads.values()) {
            if (read.valid()) {
                Path shown = shown(
                        directory,
                        root,
                        root.resolve("roles").resolve(read.role().id() + ".yaml"));
                new StagePlans(read, labs, check -> counts(graders, check), new YamlSource(shown, problems))
                        .check(broken)
                        .ifPresent(role -> roles.put(role.id(), role));
            }
        }
        return new LabCatalog(
                root, Map.copyOf(labs), Map.copyOf(roles), List.copyOf(problems), Set.copyOf(broken), graders);
    }

    /** The skills a lab may name: those of every role whose stages list it, else those of any role. */
    private static Set<String> skillsFor(String lab, Collection<RoleReader.Read> roles) {
        Set<String> skills = new HashSet<>();
        List<Role> users = roles.stream()
                .map(RoleReader.Read::role)
                .filter(role ->
                        role.stages().stream().anyMatch(stage -> stage.allLabs().contains(lab)))
                .toList();
        for (Role role :
                users.isEmpty() ? roles.stream().map(RoleReader.Read::role).toList() : users) {
            role.skills().forEach(skill -> skills.add(skill.id()));
        }
        if (!users.isEmpty()) {
            users.forEach(role ->
                    skills.retainAll(role.skills().stream().map(Role.Skill::id).toList()));
        }
        return skills;
    }

    private static List<Path> list(Path folder, List<Problem> problems, String glob) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> stream = Files.list(folder)) {
            java.nio.file.PathMatcher matcher = folder.getFileSystem().getPathMatcher("glob:" + glob);
            stream.filter(path -> matcher.matches(path.getFileName())).sorted().forEach(entries::add);
        } catch (IOException e) {
            problems.add(new Problem(folder, 0, 0, "", "cannot list: " + e.getMessage(), "check its permissions"));
        }
        return entries;
    }

    private static Path shown(Path given, Path root, Path file) {
        return given.resolve(root.relativize(file));
    }

    public Path directory() {
        return directory;
    }

    /** The labs served, by id. */
    public Collection<Lab> labs() {
        return new TreeMap<>(labs).values();
    }

    public Optional<Lab> lab(String id) {
        return Optional.ofNullable(labs.get(id));
    }

    public Collection<Role> roles() {
        return new TreeMap<>(roles).values();
    }

    public Optional<Role> role(String id) {
        return Optional.ofNullable(roles.get(id));
    }

    /** Everything wrong with the content; empty when all of it is served. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * Whether a check counts towards its skills' scores once graded: every check but an advisory one (a check
     * resting on what the candidate controls is shown, never counted).
     */
    public boolean counts(Lab.Check check) {
        return counts(graders, check);
    }

    private static boolean counts(GraderRegistry graders, Lab.Check check) {
        return !graders.find(check.grader())
                .map(grader -> grader.advisory(check.parameters()))
                .orElse(false);
    }

    /** Ids of labs left out because of problems. */
    public Set<String> brokenLabs() {
        return broken;
    }
}
