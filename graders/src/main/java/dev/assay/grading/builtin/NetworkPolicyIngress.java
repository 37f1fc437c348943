package dev.assay.grading.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.grading.builtin.LabelSelector.Match;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether NetworkPolicies, as written, admit a connection to a pod: the rules of the Kubernetes NetworkPolicy API.
 * A pod no ingress policy selects is not isolated (everything is admitted); an isolated pod admits what any rule of
 * any policy selecting it admits. A rule admits a source when its {@code from} is empty or one peer matches
 * (podSelector: pods of the policy's namespace; namespaceSelector: pods of the namespaces it selects; both: pods it
 * selects in the namespaces it selects; ipBlock: addresses in the CIDR and not in its exceptions), and the port when
 * its {@code ports} is empty or one entry matches (protocol TCP unless given; a port by number, a range with
 * endPort, or by the name of the destination's container port).
 */
final class NetworkPolicyIngress {
    static final Set<String> KEYS = Set.of("to", "from", "namespace", "ip", "port", "portName", "protocol", "expect");

    /** One connection: a source pod (its labels, and its namespace's if not the policy's) or an address. */
    record Connection(
            Map<String, String> to,
            Optional<Map<String, String>> from,
            Optional<Map<String, String>> namespace,
            Optional<String> ip,
            int port,
            Optional<String> portName,
            String protocol) {}

    private NetworkPolicyIngress() {}

    /** YES when the policies admit the connection, NO when not, UNKNOWN when some construct cannot be judged. */
    static Match admits(List<JsonNode> policies, Connection connection) {
        boolean isolated = false;
        Match admitted = Match.NO;
        for (JsonNode policy : policies) {
            JsonNode spec = policy.path("spec");
            if (!ingressType(spec)) {
                continue;
            }
            Match selects = LabelSelector.matches(spec.path("podSelector"), connection.to(), true);
            if (selects == Match.UNKNOWN) {
                return Match.UNKNOWN;
            }
            if (selects == Match.NO) {
                continue;
            }
            isolated = true;
            for (JsonNode rule : spec.path("ingress")) {
                admitted =
                        or(admitted, and(from(rule.path("from"), connection), ports(rule.path("ports"), connection)));
            }
        }
        return isolated ? admitted : Match.YES;
    }

    /** policyTypes as the API server defaults it: Ingress always, unless the list is given without it. */
    private static boolean ingressType(JsonNode spec) {
        JsonNode types = spec.path("policyTypes");
        if (!types.isArray() || types.isEmpty()) {
            return true;
        }
        for (JsonNode type : types) {
            if (type.asText().equals("Ingress")) {
                return true;
            }
        }
        return false;
    }

    private static Match from(JsonNode peers, Connection connection) {
        if (!peers.isArray() || peers.isEmpty()) {
            return Match.YES;
        }
        Match any = Match.NO;
        for (JsonNode peer : peers) {
            any = or(any, peer(peer, connection));
        }
        return any;
    }

    private static Match peer(JsonNode peer, Connection connection) {
        if (peer.has("ipBlock")) {
            if (connection.ip().isEmpty()) {
                return Match.UNKNOWN; // whether a pod's own address falls in the block depends on the network plugin
            }
            return inBlock(peer.path("ipBlock"), connection.ip().get());
        }
        if (connection.from().isEmpty()) {
            return Match.NO; // an address outside the cluster is no pod of any namespace
        }
        JsonNode pods = peer.path("podSelector");
        JsonNode namespaces = peer.path("namespaceSelector");
        if (pods.isMissingNode() && namespaces.isMissingNode()) {
            return Match.UNKNOWN;
        }
        Match namespace = namespaces.isMissingNode()
                ? (connection.namespace().isEmpty() ? Match.YES : Match.NO)
                : LabelSelector.matches(namespaces, connection.namespace().orElse(Map.of()), true);
        Match pod = pods.isMissingNode()
                ? Match.YES
                : LabelSelector.matches(pods, connection.from().get(), true);
        return and(namespace, pod);
    }

    private static Match ports(JsonNode ports, Connection connection) {
        if (!ports.isArray() || ports.isEmpty()) {
            return Match.YES;
        }
        Match any = Match.NO;
        for (JsonNode entry : ports) {
            if (!entry.path("protocol").asText("TCP").equals(connection.protocol())) {
                continue;
            }
            JsonNode port = entry.path("port");
            if (port.isMissingNode() || port.isNull()) {
                return Match.YES;
            }
            if (port.isInt()) {
                int last = entry.path("endPort").asInt(port.asInt());
                any = or(any, connection.port() >= port.asInt() && connection.port() <= last ? Match.YES : Match.NO);
            } else if (connection.portName().filter(port.asText()::equals).isPresent()) {
                any = Match.YES;
            }
        }
        return any;
    }

    private static Match inBlock(JsonNode block, String ip) {
        Optional<Boolean> inside = Cidr.contains(block.path("cidr").asText(""), ip);
        if (inside.isEmpty()) {
            return Match.UNKNOWN;
        }
        if (!inside.get()) {
            return Match.NO;
        }
        for (JsonNode except : block.path("except")) {
            Optional<Boolean> out = Cidr.contains(except.asText(""), ip);
            if (out.isEmpty()) {
                return Match.UNKNOWN;
            }
            if (out.get()) {
                return Match.NO;
            }
        }
        return Match.YES;
    }

    private static Match or(Match a, Match b) {
        if (a == Match.YES || b == Match.YES) {
            return Match.YES;
        }
        return a == Match.UNKNOWN || b == Match.UNKNOWN ? Match.UNKNOWN : Match.NO;
    }

    private static Match and(Match a, Match b) {
        if (a == Match.NO || b == Match.NO) {
            return Match.NO;
        }
        return a == Match.UNKNOWN || b == Match.UNKNOWN ? Match.UNKNOWN : Match.YES;
    }

    /** CIDR blocks of IPv4 or IPv6 addresses, written as literals (never looked up). */
    static final class Cidr {
        private Cidr() {}

        static Optional<Boolean> contains(String cidr, String ip) {
            String[] parts = cidr.split("/", 2);
            Optional<byte[]> network = literal(parts[0]);
            Optional<byte[]> address = literal(ip);
            if (parts.length != 2 || network.isEmpty() || address.isEmpty() || !parts[1].matches("\\d{1,3}")) {
                return Optional.empty();
            }
            int bits = network.get().length * 8;
            int prefix = Integer.parseInt(parts[1]);
            if (prefix > bits) {
                return Optional.empty();
            }
            if (address.get().length != network.get().length) {
                return Optional.of(false);
            }
            BigInteger mask = prefix == 0
                    ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(prefix).subtract(BigInteger.ONE).shiftLeft(bits - prefix);
            return Optional.of(
                    new BigInteger(1, network.get()).and(mask).equals(new BigInteger(1, address.get()).and(mask)));
        }

        /** The address's bytes when it is an IP literal; never a name resolved through DNS. */
        private static Optional<byte[]> literal(String text) {
            if (text.matches("(\\d{1,3})(\\.\\d{1,3}){3}")) {
                String[] octets = text.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(octets[i]);
                    if (octet > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) octet;
                }
                return Optional.of(bytes);
            }
            if (!text.contains(":") || !text.matches("[0-9A-Fa-f:.]+")) {
                return Optional.empty();
            }
            try {
                return Optional.of(InetAddress.getByName(text).getAddress()); // a literal with ':' is never looked up
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
    }
}
