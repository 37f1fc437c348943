package dev.assay.grading;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The grader factories on the class path, by id. Two factories with one id is a build error, reported at once. */
public final class GraderRegistry {
    private final Map<String, Grader> factories;

    private GraderRegistry(Map<String, Grader> factories) {
        this.factories = factories;
    }

    /** Every factory {@link ServiceLoader} finds through {@code META-INF/services/dev.assay.grading.Grader}. */
    public static GraderRegistry discover() {
        return of(ServiceLoader.load(Grader.class, GraderRegistry.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    public static GraderRegistry of(Collection<Grader> found) {
        Map<String, Grader> byId = new TreeMap<>();
        for (Grader factory : found) {
            if (!factory.id().matches("[a-z][a-z0-9-]*")) {
                throw new IllegalStateException("grader id '" + factory.id() + "' of "
                        + factory.getClass().getName() + " must be lower case letters, digits and dashes");
            }
            Grader other = byId.putIfAbsent(factory.id(), factory);
            if (other != null) {
                throw new IllegalStateException("two graders claim the id '" + factory.id() + "': "
                        + other.getClass().getName() + " and "
                        + factory.getClass().getName());
            }
        }
        return new GraderRegistry(Map.copyOf(byId));
    }

    public Optional<Grader> find(String id) {
        return Optional.ofNullable(factories.get(id));
    }

    /** The ids in alphabetical order. */
    public Collection<String> ids() {
        return new TreeMap<>(factories).keySet();
    }
}
