package dev.assay.grading.design;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads a scenario file; the first thing wrong throws {@link ScenarioException} naming the field. */
public final class ScenarioReader {
    private static final Set<String> TOP = Set.of(
            "hoursPerMonth",
            "zoneAvailability",
            "instanceAvailability",
            "spotAvailability",
            "pricing",
            "instances",
            "storagePrices",
            "fixedMonthly",
            "targets",
            "load",
            "capacity",
            "storage",
            "recovery");

    private ScenarioReader() {}

    public static Scenario read(String yaml) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new ScenarioException("the scenario file is not valid YAML: " + e.getMessage());
        }
        Map<String, Object> top = map(loaded, "(top)");
        only(top, TOP, "(top)");
        Map<String, Object> targets = map(top.getOrDefault("targets", Map.of()), "targets");
        Map<String, Object> load = map(top.getOrDefault("load", Map.of()), "load");
        Map<String, Object> storage = map(top.getOrDefault("storage", Map.of()), "storage");
        return new Scenario(
                number(top, "hoursPerMonth", 730.0),
                number(top, "zoneAvailability", 0.999),
                number(top, "instanceAvailability", 0.995),
                number(top, "spotAvailability", 0.95),
                numbers(top.getOrDefault("pricing", Map.of("on-demand", 1.0)), "pricing"),
                table(top.get("instances"), "instances", ScenarioReader::instance),
                numbers(top.getOrDefault("storagePrices", Map.of()), "storagePrices"),
                numbers(top.getOrDefault("fixedMonthly", Map.of()), "fixedMonthly"),
                new Scenario.Targets(
                        optionalNumber(targets, "availability"),
                        duration(targets, "rpo"),
                        duration(targets, "rto"),
                        optionalNumber(targets, "budget")),
                new Scenario.Load(
                        numbers(load.getOrDefault("peaks", Map.of()), "load.peaks"),
                        number(load, "headroom", 0.0),
                        Boolean.TRUE.equals(load.get("zoneLoss")),
                        zoneLossKinds(load.get("zoneLoss"))),
                table(
                        top.getOrDefault("capacity", Map.of()),
                        "capacity",
                        (row, path) -> table(row, path, ScenarioReader::rate)),
                new Scenario.Storage(
                        number(storage, "horizonMonths", 12.0),
                        table(
                                storage.getOrDefault("engines", Map.of()),
                                "storage.engines",
                                (row, path) -> new Scenario.Growth(
                                        number(map(row, path), "nowGB", null),
                                        number(map(row, path), "growthGBPerMonth", 0.0)))),
                table(top.getOrDefault("recovery", Map.of()), "recovery", ScenarioReader::recovery));
    }

    private static Set<String> zoneLossKinds(@Nullable Object value) {
        if (value == null || value instanceof Boolean) {
            return Set.of();
        }
        if (value instanceof java.util.List<?> kinds && kinds.stream().allMatch(String.class::isInstance)) {
            return kinds.stream().map(String.class::cast).collect(java.util.stream.Collectors.toSet());
        }
        throw new ScenarioException("load.zoneLoss: true, false or a list of component kinds, got '" + value + "'");
    }

    private static Scenario.Instance instance(Object row, String path) {
        Map<String, Object> fields = map(row, path);
        boolean managed = Boolean.TRUE.equals(fields.get("managed"));
        return new Scenario.Instance(
                number(fields, "vcpu", managed ? 0.0 : null),
                number(fields, "memoryGiB", managed ? 0.0 : null),
                number(fields, "hourly", null),
                optionalNumber(fields, "availability"),
                managed);
    }

    private static Scenario.Rate rate(Object row, String path) {
        Map<String, Object> fields = map(row, path);
        Scenario.Rate rate = new Scenario.Rate(optionalNumber(fields, "perVcpu"), optionalNumber(fields, "perGiB"));
        if (rate.perVcpu() == null && rate.perGiB() == null) {
            throw new ScenarioException(path + ": give perVcpu, perGiB or both");
        }
        return rate;
    }

    private static Scenario.Recovery recovery(Object row, String path) {
        Map<String, Object> f = map(row, path);
        return new Scenario.Recovery(
                number(f, "failoverMinutes", null),
                number(f, "asyncLagSeconds", null),
                number(f, "restoreFixedMinutes", null),
                number(f, "restoreGBPerHour", null));
    }

    private static <T> Map<String, T> table(@Nullable Object value, String path, BiFunction<Object, String, T> row) {
        Map<String, T> rows = new LinkedHashMap<>();
        map(value, path).forEach((key, item) -> rows.put(key, row.apply(item, path + "." + key)));
        return rows;
    }

    private static Map<String, Double> numbers(Object value, String path) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        map(value, path).forEach((key, item) -> numbers.put(key, number(Map.of(key, item), key, null)));
        return numbers;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object value, String path) {
        if (!(value instanceof Map<?, ?> map) || !map.keySet().stream().allMatch(String.class::isInstance)) {
            throw new ScenarioException(path + ": must be a mapping");
        }
        return (Map<String, Object>) map;
    }

    private static void only(Map<String, Object> fields, Set<String> allowed, String path) {
        fields.keySet().stream()
                .filter(key -> !allowed.contains(key))
                .findFirst()
                .ifPresent(key -> {
                    throw new ScenarioException(
                            path + "." + key + ": unknown field; " + Names.didYouMean(key, allowed));
                });
    }

    private static double number(Map<String, Object> fields, String key, @Nullable Double fallback) {
        Double value = optionalNumber(fields, key);
        if (value != null) {
            return value;
        }
        if (fallback == null) {
            throw new ScenarioException(key + ": required, a number");
        }
        return fallback;
    }

    private static @Nullable Double optionalNumber(Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        if (value != null && !(value instanceof Number)) {
            throw new ScenarioException(key + ": must be a number, got '" + value + "'");
        }
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static @Nullable Duration duration(Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        Duration parsed = value == null ? null : Fields.parse(String.valueOf(value));
        if (value != null && parsed == null) {
            throw new ScenarioException("targets." + key + ": must be a duration such as 15m, got '" + value + "'");
        }
        return parsed;
    }
}
