package dev.assay.grading.builtin;

import dev.assay.grading.hcl.Hcl.Block;
import dev.assay.grading.terraform.Functions;
import dev.assay.grading.terraform.Instance;
import dev.assay.grading.terraform.Module;
import dev.assay.grading.terraform.Node;
import dev.assay.grading.terraform.Truth;
import dev.assay.grading.terraform.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Security group ingress as AWS's provider takes it: inline {@code ingress} blocks (and dynamic ones, and the
 * {@code ingress = [...]} argument) of aws_security_group, aws_security_group_rule of type ingress, and
 * aws_vpc_security_group_ingress_rule. noIngressFrom: no source outside private address space ("public") or no
 * 0.0.0.0/0 or ::/0 ("world"); noIngressPorts: no rule admitting those TCP ports (a range holding one, or all
 * protocols) from anywhere.
 */
final class TerraformIngress {
    /** One ingress rule: its node and the names of its arguments in its form. */
    private record Opening(String what, Node node, boolean vpcRule, String doubt) {}

    private static final Set<String> ALL_PROTOCOLS = Set.of("-1", "all");
    private static final Set<String> TCP = Set.of("tcp", "6");

    private final Module module;
    private final String modules;

    TerraformIngress(Module module, String modules) {
        this.module = module;
        this.modules = modules;
    }

    String from(String scope) {
        return check(
                "ingress from " + (scope.equals("world") ? "the whole internet" : "outside private address space"),
                opening -> sources(opening, scope));
    }

    String ports(List<String> ports) {
        return check("ingress admitting port " + String.join(", ", ports), opening -> {
            Truth any = Truth.NO;
            for (String port : ports) {
                any = any.or(admits(opening, new BigDecimal(port)));
            }
            return any;
        });
    }

    /** Each port is admitted by some ingress from a security group, a prefix list or private addresses. */
    String reachable(List<String> ports) {
        List<String> missing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String port : ports) {
            Truth any = Truth.NO;
            for (Opening opening : openings()) {
                Truth here = admits(opening, new BigDecimal(port)).and(inside(opening));
                any = any.or(opening.doubt().isEmpty() ? here : here.unless(opening.doubt()));
            }
            if (any.no()) {
                missing.add(port);
            } else if (!any.yes()) {
                unknown.add("port " + port + ": " + any.why());
            }
        }
        if (!missing.isEmpty()) {
            return "no ingress admits port " + String.join(", ", missing)
                    + " from a security group or private addresses" + modules;
        }
        return unknown.isEmpty()
                ? ""
                : "cannot tell whether the application can connect: " + String.join(" | ", unknown);
    }

    /** The opening's source is a security group, a prefix list or private addresses (at least one of them). */
    private static Truth inside(Opening opening) {
        List<String> groups = opening.vpcRule()
                ? List.of("referenced_security_group_id", "prefix_list_id")
                : List.of("security_groups", "source_security_group_id", "prefix_list_ids");
        for (String name : groups) {
            Value value = opening.node().argument(name).map(Node.Found::value).orElse(Value.NULL);
            boolean set = !(value instanceof Value.Null)
                    && !(value instanceof Value.Seq seq && seq.items().isEmpty());
            if (set) {
                return Truth.yes(name);
            }
        }
        if (opening.node()
                .argument("self")
                .map(Node.Found::value)
                .filter(v -> v.equals(new Value.Bool(true)))
                .isPresent()) {
            return Truth.yes("self");
        }
        List<String> names =
                opening.vpcRule() ? List.of("cidr_ipv4", "cidr_ipv6") : List.of("cidr_blocks", "ipv6_cidr_blocks");
        Truth any = Truth.NO;
        for (String name : names) {
            Value value = opening.node().argument(name).map(Node.Found::value).orElse(Value.NULL);
            for (Value cidr : value instanceof Value.Seq seq ? seq.items() : List.of(value)) {
                Truth open = source(name, cidr, "public");
                any = any.or(
                        open.state() == Truth.State.UNKNOWN
                                ? open
                                : cidr instanceof Value.Str s && open.no() ? Truth.yes(s.value()) : Truth.NO);
            }
        }
        return any;
    }

    private String check(String what, Function<Opening, Truth> judge) {
        List<String> offenders = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Opening opening : openings()) {
            Truth truth = judge.apply(opening);
            if (!opening.doubt().isEmpty()) {
                truth = truth.unless(opening.doubt());
            }
            if (truth.yes()) {
                offenders.add(opening.what() + " admits " + String.join(", ", truth.reasons()));
            } else if (truth.state() == Truth.State.UNKNOWN) {
                unknown.add(opening.what() + ": " + truth.why());
            }
        }
        if (!offenders.isEmpty()) {
            return what + ": " + String.join("; ", offenders);
        }
        if (!unknown.isEmpty() || !modules.isEmpty()) {
            return "cannot tell whether there is " + what
                    + (unknown.isEmpty() ? "" : ": " + String.join(" | ", unknown)) + modules;
        }
        return "";
    }

    private List<Opening> openings() {
        List<Opening> openings = new ArrayList<>();
        for (String type : List.of("aws_security_group", "aws_default_security_group")) {
            for (Block group : module.resources(type)) {
                for (Instance instance : Instance.of(module, group)) {
                    inline(instance, openings);
                }
            }
        }
        for (Block rule : module.resources("aws_security_group_rule")) {
            for (Instance instance : Instance.of(module, rule)) {
                Optional<Node.Found> type = instance.node().argument("type");
                Value kind = type.map(Node.Found::value).orElse(Value.NULL);
                if (kind instanceof Value.Str s && !s.value().equals("ingress")) {
                    continue;
                }
                String doubt = kind.known() ? doubt(instance) : "its type is " + kind.show();
                openings.add(new Opening(label(instance, instance.where()), instance.node(), false, doubt));
            }
        }
        for (Block rule : module.resources("aws_vpc_security_group_ingress_rule")) {
            for (Instance instance : Instance.of(module, rule)) {
                openings.add(new Opening(label(instance, instance.where()), instance.node(), true, doubt(instance)));
            }
        }
        return openings;
    }

    private static void inline(Instance instance, List<Opening> openings) {
        Optional<Node.Found> argument = instance.node().argument("ingress");
        List<Node.Nested> nested = argument.isPresent()
                ? Node.elements("ingress", argument.get())
                : instance.node().blocks("ingress");
        for (Node.Nested block : nested) {
            if (block.node() == null) {
                openings.add(new Opening(label(instance, instance.where()), instance.node(), false, block.why()));
            } else {
                openings.add(new Opening(label(instance, block.node().where()), block.node(), false, doubt(instance)));
            }
        }
    }

    private static String label(Instance instance, String where) {
        return instance.address() + " (" + where + ")";
    }

    private static String doubt(Instance instance) {
        return instance.doubt() == null ? "" : "it may not exist: " + instance.doubt();
    }

    private static Truth sources(Opening opening, String scope) {
        List<String> names =
                opening.vpcRule() ? List.of("cidr_ipv4", "cidr_ipv6") : List.of("cidr_blocks", "ipv6_cidr_blocks");
        Truth any = Truth.NO;
        for (String name : names) {
            Value value = opening.node().argument(name).map(Node.Found::value).orElse(Value.NULL);
            for (Value cidr : value instanceof Value.Seq seq ? seq.items() : List.of(value)) {
                any = any.or(source(name, cidr, scope));
            }
        }
        return any;
    }

    private static Truth source(String name, Value cidr, String scope) {
        if (cidr instanceof Value.Null) {
            return Truth.NO;
        }
        if (!(cidr instanceof Value.Str text)) {
            return Truth.unknown("cannot tell " + name + ": " + cidr.show());
        }
        Optional<Cidr> parsed = Cidr.parse(text.value());
        if (parsed.isEmpty()) {
            return Truth.unknown(name + " " + text.value() + " is not a CIDR block");
        }
        boolean open =
                scope.equals("world") ? parsed.get().world() : parsed.get().publicAddresses();
        return open ? Truth.yes(text.value()) : Truth.NO;
    }

    private static Truth admits(Opening opening, BigDecimal port) {
        Value protocol = opening.node()
                .argument(opening.vpcRule() ? "ip_protocol" : "protocol")
                .map(Node.Found::value)
                .orElse(Value.NULL);
        if (!protocol.known()) {
            return Truth.unknown("cannot tell its protocol: " + protocol.show());
        }
        String name = protocol.asText().orElse("").toLowerCase(java.util.Locale.ROOT);
        if (ALL_PROTOCOLS.contains(name)) {
            return Truth.yes("port " + port.toPlainString() + " (all protocols)");
        }
        if (!TCP.contains(name)) {
            return Truth.NO;
        }
        Value from = opening.node().argument("from_port").map(Node.Found::value).orElse(Value.NULL);
        Value to = opening.node().argument("to_port").map(Node.Found::value).orElse(Value.NULL);
        BigDecimal low = Functions.number(from);
        BigDecimal high = Functions.number(to);
        if (low == null || high == null) {
            return Truth.unknown("cannot tell its ports: from " + from.show() + " to " + to.show());
        }
        return low.compareTo(port) <= 0 && port.compareTo(high) <= 0
                ? Truth.yes("port " + port.toPlainString())
                : Truth.NO;
    }
}
