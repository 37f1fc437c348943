package dev.assay.grading.hcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the reader read, in the canonical JSON form the HCL oracle (graders/src/test/go/hcl-oracle) prints for
 * HashiCorp's parser: literals as typed values, the negation of a number literal as a number, consecutive literal
 * parts of a template joined, a template of literals only as a string, traversal steps as text.
 */
final class HclCanonical {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HclCanonical() {}

    static JsonNode body(Hcl.Body body) {
        ArrayNode attributes = JSON.arrayNode();
        for (Hcl.Attribute attribute : body.attributes()) {
            attributes.add(JSON.arrayNode().add(attribute.name()).add(expression(attribute.value())));
        }
        ArrayNode blocks = JSON.arrayNode();
        for (Hcl.Block block : body.blocks()) {
            ArrayNode labels = JSON.arrayNode();
            block.labels().forEach(labels::add);
            blocks.add(JSON.objectNode()
                    .put("type", block.type())
                    .<ObjectNode>set("labels", labels)
                    .set("body", body(block.body())));
        }
        return JSON.objectNode().<ObjectNode>set("attributes", attributes).set("blocks", blocks);
    }

    static JsonNode expression(Expression expression) {
        ObjectNode node = JSON.objectNode();
        if (expression instanceof Expression.Literal literal) {
            return value(literal.value());
        } else if (expression instanceof Expression.Template template) {
            return template(template.parts());
        } else if (expression instanceof Expression.Reference reference) {
            node.set("ref", steps(reference.steps()).insert(0, reference.root()));
        } else if (expression instanceof Expression.Relative relative) {
            node.<ObjectNode>set("rel", expression(relative.from())).set("steps", steps(relative.steps()));
        } else if (expression instanceof Expression.Index index) {
            node.<ObjectNode>set("index", expression(index.collection())).set("key", expression(index.key()));
        } else if (expression instanceof Expression.Splat splat) {
            node.<ObjectNode>set("splat", expression(splat.from())).set("each", expression(splat.each()));
        } else if (expression instanceof Expression.SplatItem) {
            node.put("item", true);
        } else if (expression instanceof Expression.Tuple tuple) {
            node.set("tuple", list(tuple.items()));
        } else if (expression instanceof Expression.ObjectValue object) {
            node.set("object", entries(object));
        } else if (expression instanceof Expression.Call call) {
            node.put("call", call.name())
                    .<ObjectNode>set("args", list(call.arguments()))
                    .put("expand", call.expandLast());
        } else if (expression instanceof Expression.Operation operation) {
            return operation(operation);
        } else if (expression instanceof Expression.Conditional conditional) {
            node.<ObjectNode>set("cond", expression(conditional.condition()))
                    .<ObjectNode>set("then", expression(conditional.then()))
                    .set("else", expression(conditional.otherwise()));
        } else if (expression instanceof Expression.For loop) {
            node.set("for", loop(loop));
        } else if (expression instanceof Expression.TemplateFor join) {
            node.set("join", JSON.objectNode().set("for", loop(join.loop())));
        } else if (expression instanceof Expression.Parentheses parentheses) {
            node.set("paren", expression(parentheses.inner()));
        }
        return node;
    }

    private static ArrayNode entries(Expression.ObjectValue object) {
        ArrayNode entries = JSON.arrayNode();
        for (Expression.Entry entry : object.entries()) {
            JsonNode key = entry.bare()
                    ? JSON.objectNode().put("name", ((Expression.Reference) entry.key()).root())
                    : expression(entry.key());
            entries.add(JSON.arrayNode().add(key).add(expression(entry.value())));
        }
        return entries;
    }

    private static JsonNode operation(Expression.Operation operation) {
        ObjectNode node = JSON.objectNode();
        if (operation.operands().size() == 2) {
            return node.put("op", operation.operator())
                    .<ObjectNode>set("lhs", expression(operation.operands().get(0)))
                    .set("rhs", expression(operation.operands().get(1)));
        }
        Expression operand = operation.operands().get(0);
        if (operation.operator().equals("neg")
                && operand instanceof Expression.Literal literal
                && literal.value() instanceof BigDecimal number) {
            return JSON.objectNode().put("number", number(number.negate(), number.signum() == 0));
        }
        return node.put("unary", operation.operator()).set("val", expression(operand));
    }

    private static ObjectNode loop(Expression.For loop) {
        ObjectNode node = JSON.objectNode()
                .put("key", loop.keyVariable())
                .put("value", loop.valueVariable())
                .put("group", loop.group());
        node.set("collection", expression(loop.collection()));
        node.set("keyExpr", loop.key() == null ? JSON.nullNode() : expression(loop.key()));
        node.set("valueExpr", expression(loop.value()));
        node.set("condition", loop.condition() == null ? JSON.nullNode() : expression(loop.condition()));
        return node;
    }

    private static ArrayNode list(List<Expression> expressions) {
        ArrayNode list = JSON.arrayNode();
        expressions.forEach(e -> list.add(expression(e)));
        return list;
    }

    private static JsonNode template(List<Expression> parts) {
        List<JsonNode> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean pending = false;
        for (Expression part : parts) {
            if (part instanceof Expression.Literal literal && literal.value() instanceof String s) {
                text.append(s);
                pending = true;
                continue;
            }
            if (pending) {
                out.add(JSON.objectNode().put("string", text.toString()));
                text.setLength(0);
                pending = false;
            }
            out.add(expression(part));
        }
        if (out.isEmpty()) {
            return JSON.objectNode().put("string", text.toString());
        }
        if (pending) {
            out.add(JSON.objectNode().put("string", text.toString()));
        }
        ArrayNode array = JSON.arrayNode();
        out.forEach(array::add);
        return JSON.objectNode().set("template", array);
    }

    private static ArrayNode steps(List<Expression.Step> steps) {
        ArrayNode list = JSON.arrayNode();
        for (Expression.Step step : steps) {
            list.add(
                    step instanceof Expression.Attr attr
                            ? JSON.objectNode().put("attr", attr.name())
                            : JSON.objectNode().set("index", value(((Expression.Key) step).value())));
        }
        return list;
    }

    private static JsonNode value(@org.jspecify.annotations.Nullable Object value) {
        if (value == null) {
            return JSON.objectNode().put("null", true);
        }
        if (value instanceof BigDecimal number) {
            return JSON.objectNode().put("number", number(number, false));
        }
        if (value instanceof Boolean bool) {
            return JSON.objectNode().put("bool", bool);
        }
        return JSON.objectNode().put("string", value.toString());
    }

    /** As Go's big.Float Text('e', -1): d.ddde+XX, the fewest digits, zero as 0e+00 (-0e+00 when negated). */
    static String number(BigDecimal number, boolean negativeZero) {
        if (number.signum() == 0) {
            return negativeZero ? "-0e+00" : "0e+00";
        }
        BigDecimal stripped = number.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        long exponent = (long) digits.length() - 1 - stripped.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String sign = exponent < 0 ? "-" : "+";
        String power = Long.toString(Math.abs(exponent));
        return (number.signum() < 0 ? "-" : "") + mantissa + "e" + sign + (power.length() < 2 ? "0" + power : power);
    }
}
