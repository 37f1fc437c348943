package dev.assay.service.design;

import dev.assay.grading.design.Design;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a valid design as SVG: one box per component, queue and store, in layers from the entry points down the
 * {@code dependsOn} edges, each box naming the part, its kind, how many of which instance type and its zones.
 * Every text is escaped, so a name the candidate wrote cannot become markup. Neutral on purpose: the drawing
 * shows what was written, not what the graders think of it.
 */
public final class DesignDiagram {
    private static final int BOX_WIDTH = 190;
    private static final int BOX_HEIGHT = 62;
    private static final int GAP_X = 24;
    private static final int GAP_Y = 46;
    private static final int MARGIN = 16;

    private DesignDiagram() {}

    public static String svg(Design design) {
        List<Design.Node> nodes = design.nodes();
        Map<String, Integer> layer = layers(design, nodes);
        Map<Integer, List<Design.Node>> rows = new LinkedHashMap<>();
        nodes.stream()
                .sorted((a, b) -> Integer.compare(layer.getOrDefault(a.name(), 0), layer.getOrDefault(b.name(), 0)))
                .forEach(node -> rows.computeIfAbsent(layer.getOrDefault(node.name(), 0), k -> new ArrayList<>())
                        .add(node));
        Map<String, int[]> at = new HashMap<>();
        int widest = rows.values().stream().mapToInt(List::size).max().orElse(1);
        int width = 2 * MARGIN + widest * BOX_WIDTH + (widest - 1) * GAP_X;
        int row = 0;
        for (List<Design.Node> line : rows.values()) {
            int lineWidth = line.size() * BOX_WIDTH + (line.size() - 1) * GAP_X;
            int x = (width - lineWidth) / 2;
            for (Design.Node node : line) {
                at.put(node.name(), new int[] {x, MARGIN + row * (BOX_HEIGHT + GAP_Y)});
                x += BOX_WIDTH + GAP_X;
            }
            row++;
        }
        int height = 2 * MARGIN + rows.size() * BOX_HEIGHT + Math.max(0, rows.size() - 1) * GAP_Y;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"design-diagram\" role=\"img\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\"><title>")
                .append(escape("Diagram of the design: " + nodes.size() + " parts"))
                .append("</title><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
                        + " markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">"
                        + "<path d=\"M 0 0 L 10 5 L 0 10 z\"/></marker></defs>");
        for (Design.Node node : nodes) {
            for (String target : node.dependsOn()) {
                int[] from = at.get(node.name());
                int[] to = at.get(target);
                if (from != null && to != null) {
                    edge(svg, from, to);
                }
            }
        }
        for (Design.Node node : nodes) {
            int[] place = at.get(node.name());
            if (place != null) {
                box(svg, node, place, design.store(node.name()).isPresent());
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Layer 0 holds the entry points (or every part nobody depends on); a part sits one below its deepest caller. */
    static Map<String, Integer> layers(Design design, List<Design.Node> nodes) {
        Map<String, Integer> layer = new HashMap<>();
        Map<String, Design.Node> byName = new HashMap<>();
        nodes.forEach(node -> byName.put(node.name(), node));
        List<String> roots = new ArrayList<>(design.entry());
        if (roots.isEmpty()) {
            nodes.stream()
                    .filter(n -> nodes.stream().noneMatch(m -> m.dependsOn().contains(n.name())))
                    .forEach(n -> roots.add(n.name()));
        }
        roots.forEach(root -> layer.put(root, 0));
        for (int pass = 0; pass < nodes.size(); pass++) { // longest path, bounded: the rules refuse cycles
            for (Design.Node node : nodes) {
                Integer here = layer.get(node.name());
                if (here == null) {
                    continue;
                }
                for (String target : node.dependsOn()) {
                    if (byName.containsKey(target) && layer.getOrDefault(target, -1) < here + 1) {
                        layer.put(target, Math.min(here + 1, nodes.size()));
                    }
                }
            }
        }
        int bottom = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        nodes.forEach(node -> layer.putIfAbsent(node.name(), bottom + 1)); // unreachable parts, drawn apart
        return layer;
    }

    private static void edge(StringBuilder svg, int[] from, int[] to) {
        int x1 = from[0] + BOX_WIDTH / 2;
        int y1 = from[1] + BOX_HEIGHT;
        int x2 = to[0] + BOX_WIDTH / 2;
        int y2 = to[1];
        if (to[1] <= from[1]) { // same row or upwards: from the side
            y1 = from[1] + BOX_HEIGHT / 2;
            y2 = to[1] + BOX_HEIGHT / 2;
            x1 = from[0] + (to[0] > from[0] ? BOX_WIDTH : 0);
            x2 = to[0] + (to[0] > from[0] ? 0 : BOX_WIDTH);
        }
        svg.append("<line class=\"edge\" x1=\"")
                .append(x1)
                .append("\" y1=\"")
                .append(y1)
                .append("\" x2=\"")
                .append(x2)
                .append("\" y2=\"")
                .append(y2)
                .append("\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>");
    }

    private static void box(StringBuilder svg, Design.Node node, int[] at, boolean store) {
        svg.append("<g class=\"part ")
                .append(store ? "store" : "component")
                .append("\" data-name=\"")
                .append(escape(node.name()))
                .append("\"><rect x=\"")
                .append(at[0])
                .append("\" y=\"")
                .append(at[1])
                .append("\" width=\"")
                .append(BOX_WIDTH)
                .append("\" height=\"")
                .append(BOX_HEIGHT)
                .append("\" rx=\"")
                .append(store ? 14 : 4)
                .append("\" fill=\"")
                .append(store ? "#eef4fb" : "#f6f6f6")
                .append("\" stroke=\"#333\"/>");
        text(svg, at[0] + 10, at[1] + 18, "name", node.name());
        text(svg, at[0] + 10, at[1] + 36, "kind", node.kind() + " · " + node.replicas() + " × " + node.instanceType());
        text(svg, at[0] + 10, at[1] + 53, "zones", "zones: " + String.join(", ", node.zones()));
        svg.append("</g>");
    }

    private static void text(StringBuilder svg, int x, int y, String kind, String value) {
        String shown = value.length() > 30 ? value.substring(0, 29) + "…" : value;
        svg.append("<text class=\"")
                .append(kind)
                .append("\" x=\"")
                .append(x)
                .append("\" y=\"")
                .append(y)
                .append("\" font-size=\"")
                .append(kind.equals("name") ? 13 : 11)
                .append(kind.equals("name") ? "\" font-weight=\"bold" : "")
                .append("\" font-family=\"sans-serif\">")
                .append(escape(shown))
                .append("</text>");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
