package dev.assay.grading.hcl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The differential corpus: the hand-written seeds in {@code hcl-corpus/} (Terraform modules of the labs, every
 * piece of the syntax, files with one fault each, and edge cases of the lexer), and for every seed a fixed set of
 * mutations, each named after what it did. Files are handled as bytes (read as Latin-1), so that seeds that are
 * not UTF-8 stay as they are. The same files come out on every run.
 */
final class HclCorpus {
    /** Mutations per seed. */
    static final int MUTATIONS = 9;

    record CorpusFile(String name, byte[] bytes) {}

    private record Mutation(String name, BiFunction<String, Random, String> apply) {}

    private static final String ALPHABET = "{}[]()\"=,.:?<>-$%#/*~\n \t\\aZ0'&!+";
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(\\.\\d+)?");
    private static final Pattern STRING = Pattern.compile("\"[^\"\\n$%\\\\]*\"");

    private static final List<Mutation> MUTATIONS_IN_ORDER = List.of(
            new Mutation("delete-char", HclCorpus::deleteChar),
            new Mutation("insert-char", HclCorpus::insertChar),
            new Mutation("delete-line", HclCorpus::deleteLine),
            new Mutation("duplicate-line", HclCorpus::duplicateLine),
            new Mutation("join-lines", (text, random) -> replaceOne(text, random, Pattern.compile("\n"), " ")),
            new Mutation("split-line", (text, random) -> replaceOne(text, random, Pattern.compile(" "), "\n")),
            new Mutation("swap-chars", HclCorpus::swapChars),
            new Mutation("drop-quote", (text, random) -> replaceOne(text, random, Pattern.compile("\""), "")),
            new Mutation("comment", HclCorpus::insertComment),
            new Mutation(
                    "bare-address",
                    (text, random) ->
                            replaceOne(text, random, STRING, pick(random, "0.0.0.0/0", "10.0.0.1", "1.2.3", "::/0"))),
            new Mutation(
                    "number",
                    (text, random) -> replaceOne(
                            text,
                            random,
                            NUMBER,
                            pick(random, "1e5", "1.", "1..2", "-0", "0x1F", "1.e3", "007", "2E-3", "1e", ".5"))),
            new Mutation(
                    "strip-marker",
                    (text, random) -> replaceOne(
                            text, random, Pattern.compile("\\$\\{|}"), pick(random, "${~", "~}", "${ ~", "%{~"))),
            new Mutation(
                    "newline-after",
                    (text, random) -> replaceGroups(text, random, Pattern.compile("[\\[({=?:,]"), "$0\n")),
            new Mutation("crlf-bom-tabs", HclCorpus::encoding),
            new Mutation(
                    "keyword",
                    (text, random) -> replaceOne(
                            text,
                            random,
                            Pattern.compile("\\b[a-z_]{3,}\\b"),
                            pick(random, "for", "in", "if", "null", "true", "endif", "a.b"))),
            new Mutation(
                    "template",
                    (text, random) -> replaceOne(
                            text,
                            random,
                            STRING,
                            pick(
                                    random,
                                    "\"${x}\"",
                                    "\"a${x.y}b\"",
                                    "\"%{ if x }a%{ else }b%{ endif }\"",
                                    "\"%{for v in l}${v}%{endfor}\"",
                                    "\"$${x}\"",
                                    "\"${\"}\"}\""))),
            new Mutation(
                    "heredoc",
                    (text, random) -> replaceOne(
                            text,
                            random,
                            STRING,
                            pick(
                                    random,
                                    "<<EOT\nx\nEOT\n",
                                    "<<-EOT\n    a\n  b\n  EOT\n",
                                    "<<EOT\n${x}\nEOT",
                                    "<<EOT\nx\n EOT x\n"))),
            new Mutation(
                    "wrap",
                    (text, random) -> replaceGroups(
                            text,
                            random,
                            Pattern.compile("= ([^\\n]+)"),
                            pick(
                                    random,
                                    "= ($1)",
                                    "= [$1]",
                                    "= {k = $1}",
                                    "= -$1",
                                    "= !$1",
                                    "= f($1...)",
                                    "= $1 ? 1 : 2"))),
            new Mutation("delete-span", HclCorpus::deleteSpan));

    private HclCorpus() {}

    static List<CorpusFile> files() {
        List<CorpusFile> files = new ArrayList<>();
        List<Path> seeds = seeds();
        for (int s = 0; s < seeds.size(); s++) {
            Path seed = seeds.get(s);
            String name = seed.getFileName().toString().replace(".tf", "");
            String text = read(seed);
            files.add(new CorpusFile(name + ".tf", text.getBytes(StandardCharsets.ISO_8859_1)));
            Random random = new Random(name.hashCode());
            for (int m = 0; m < MUTATIONS; m++) {
                Mutation mutation = MUTATIONS_IN_ORDER.get((s * MUTATIONS + m) % MUTATIONS_IN_ORDER.size());
                String mutated = mutation.apply().apply(text, random);
                files.add(new CorpusFile(
                        name + "~" + m + "-" + mutation.name() + ".tf", mutated.getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        return files;
    }

    private static List<Path> seeds() {
        try (Stream<Path> listing =
                Files.list(Path.of(Objects.requireNonNull(HclCorpus.class.getResource("/hcl-corpus"))
                        .toURI()))) {
            return listing.filter(p -> p.toString().endsWith(".tf")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path path) {
        try {
            return new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String deleteChar(String text, Random random) {
        if (text.isEmpty()) {
            return "}";
        }
        int at = random.nextInt(text.length());
        return text.substring(0, at) + text.substring(at + 1);
    }

    private static String insertChar(String text, Random random) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + ALPHABET.charAt(random.nextInt(ALPHABET.length())) + text.substring(at);
    }

    private static String deleteSpan(String text, Random random) {
        if (text.length() < 4) {
            return insertChar(text, random);
        }
        int at = random.nextInt(text.length() - 2);
        int end = Math.min(text.length(), at + 1 + random.nextInt(12));
        return text.substring(0, at) + text.substring(end);
    }

    private static String swapChars(String text, Random random) {
        if (text.length() < 2) {
            return insertChar(text, random);
        }
        int at = random.nextInt(text.length() - 1);
        return text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2);
    }

    private static String deleteLine(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(random.nextInt(lines.size()));
        return String.join("\n", lines);
    }

    private static String duplicateLine(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        lines.add(at, lines.get(at));
        return String.join("\n", lines);
    }

    private static String insertComment(String text, Random random) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at)
                + pick(random, "# c\n", "// c\n", "/* c */", "/* a\nb */", "#")
                + text.substring(at);
    }

    private static String encoding(String text, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> text.replace("\n", "\r\n");
            case 1 -> "\u00EF\u00BB\u00BF" + text;
            case 2 -> text.replace("  ", "\t");
            default -> text.replace("\n", "\r");
        };
    }

    private static String replaceOne(String text, Random random, Pattern pattern, String replacement) {
        return replaceGroups(text, random, pattern, Matcher.quoteReplacement(replacement));
    }

    /** Replaces one match of the pattern, chosen at random ($1 in the replacement is its group); without a match,
     * inserts a character instead. */
    private static String replaceGroups(String text, Random random, Pattern pattern, String replacement) {
        List<int[]> matches = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            matches.add(new int[] {matcher.start(), matcher.end()});
        }
        if (matches.isEmpty()) {
            return insertChar(text, random);
        }
        int[] match = matches.get(random.nextInt(matches.size()));
        Matcher one = pattern.matcher(text.substring(match[0], match[1]));
        return text.substring(0, match[0]) + one.replaceFirst(replacement) + text.substring(match[1]);
    }
}
