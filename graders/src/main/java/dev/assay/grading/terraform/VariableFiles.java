package dev.assay.grading.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.grading.hcl.Hcl;
import dev.assay.grading.hcl.Hcl.Block;
import dev.assay.grading.hcl.HclException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values Terraform gives variables from the module's own files: a variable's default, then
 * terraform.tfvars, terraform.tfvars.json and the *.auto.tfvars(.json) files by name, later ones winning. A
 * variable with none of these has no value (Terraform would ask for one): it is unknown.
 */
public final class VariableFiles {
    /** A value set in a variable file, and where. */
    public record Assignment(String variable, Value value, String file, int line) {}

    /** Made on first use: most modules have no JSON variable file. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private VariableFiles() {}

    /** The assignments of the variable files, in Terraform's order; throws with where when one is not valid. */
    static List<Assignment> read(Map<String, byte[]> files) {
        List<Assignment> assignments = new ArrayList<>();
        for (String name : order(files.keySet())) {
            if (FileKind.of(name) == FileKind.VARIABLES) {
                assignments.addAll(hcl(name, files.getOrDefault(name, new byte[0])));
            } else {
                assignments.addAll(json(name, files.getOrDefault(name, new byte[0])));
            }
        }
        return assignments;
    }

    /** The variable files among these names, in the order Terraform reads them. */
    static List<String> order(java.util.Collection<String> names) {
        return names.stream()
                .filter(n -> FileKind.of(n) == FileKind.VARIABLES || FileKind.of(n) == FileKind.VARIABLES_JSON)
                .sorted(Comparator.comparingInt(FileKind::variablesOrder).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private static List<Assignment> hcl(String name, byte[] bytes) {
        Hcl.Body body = Hcl.parse(bytes, name);
        if (!body.blocks().isEmpty()) {
            Block block = body.blocks().get(0);
            throw new HclException(name, block.line(), 1, "a variable file holds name = value lines, not blocks");
        }
        Scope constants = new Scope(Map.of(), Map.of());
        List<Assignment> assignments = new ArrayList<>();
        for (Hcl.Attribute attribute : body.attributes()) {
            Value value = Evaluator.eval(attribute.value(), constants);
            if (value instanceof Value.Unknown) {
                throw new HclException(
                        name,
                        attribute.line(),
                        1,
                        "a variable file's values must be constants: " + attribute.name() + " is "
                                + attribute.value().source());
            }
            assignments.add(new Assignment(attribute.name(), value, name, attribute.line()));
        }
        return assignments;
    }

    private static List<Assignment> json(String name, byte[] bytes) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new HclException(
                    name,
                    e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
                    1,
                    "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new HclException(name, 1, 1, "not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new HclException(name, 1, 1, "a JSON variable file holds one object of names and values");
        }
        List<Assignment> assignments = new ArrayList<>();
        root.fields()
                .forEachRemaining(
                        field -> assignments.add(new Assignment(field.getKey(), value(field.getValue()), name, 1)));
        return assignments;
    }

    /** JSON text as a Terraform value; throws IOException when it is not JSON. */
    public static Value json(String text) throws IOException {
        JsonNode node = Json.MAPPER.readTree(text);
        return node == null ? Value.NULL : value(node);
    }

    /** A JSON value as a Terraform value (numbers exact, objects in order). */
    public static Value value(JsonNode node) {
        if (node.isTextual()) {
            return new Value.Str(node.textValue());
        }
        if (node.isNumber()) {
            return new Value.Num(new BigDecimal(node.asText()));
        }
        if (node.isBoolean()) {
            return new Value.Bool(node.booleanValue());
        }
        if (node.isArray()) {
            List<Value> items = new ArrayList<>();
            node.forEach(item -> items.add(value(item)));
            return Value.list(items);
        }
        if (node.isObject()) {
            Map<String, Value> entries = new LinkedHashMap<>();
            node.fields().forEachRemaining(f -> entries.put(f.getKey(), value(f.getValue())));
            return Value.object(entries);
        }
        return Value.NULL;
    }

    /** Each declared variable's value: its default, then the assignments in order; converted to its type. */
    static Map<String, Value> values(List<Block> variables, List<Assignment> assignments) {
        Map<String, Value> values = new LinkedHashMap<>();
        Scope constants = new Scope(Map.of(), Map.of());
        for (Block variable : variables) {
            String name = variable.label(0);
            values.put(
                    name,
                    variable.body()
                            .attribute("default")
                            .map(d -> Evaluator.eval(d.value(), constants))
                            .orElse(new Value.Unknown(
                                    "var." + name + " has no value (no default, no .tfvars file sets it)")));
        }
        for (Assignment assignment : assignments) {
            if (values.containsKey(assignment.variable())) {
                values.put(assignment.variable(), assignment.value());
            }
        }
        for (Block variable : variables) {
            variable.body()
                    .attribute("type")
                    .ifPresent(type -> values.computeIfPresent(
                            variable.label(0), (n, v) -> convert(v, type.value().source())));
        }
        return values;
    }

    /** Terraform's conversions between primitive types, as a variable's type asks. */
    private static Value convert(Value value, String type) {
        BigDecimal number = Functions.number(value);
        return switch (type) {
            case "number" -> number != null && !(value instanceof Value.Num) ? new Value.Num(number) : value;
            case "bool" ->
                value instanceof Value.Str s && s.value().matches("true|false")
                        ? new Value.Bool(Boolean.parseBoolean(s.value()))
                        : value;
            case "string" ->
                value instanceof Value.Num || value instanceof Value.Bool
                        ? new Value.Str(value.asText().orElse(""))
                        : value;
            default -> value;
        };
    }
}
