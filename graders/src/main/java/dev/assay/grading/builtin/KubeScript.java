package dev.assay.grading.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code runs} rule: the container runs {@code program} on one script file, and that file, found through the
 * container's volume mounts (the longest mount path wins; subPath and a ConfigMap volume's items followed), is a
 * ConfigMap key whose content has the planted {@code sha256}. The command is command + args (the lab images have
 * no entrypoint of their own), or {@code sh -c "[exec] program script"}; anything else (options, {@code -e}, a
 * longer shell line) cannot be judged and fails, saying so. NODE_OPTIONS, which makes node load other code first,
 * fails it too.
 */
final class KubeScript {
    private static final List<String> SHELLS = List.of("sh", "/bin/sh", "/usr/bin/sh", "bash", "/bin/bash");

    private final KubeWorkload workload;

    KubeScript(KubeWorkload workload) {
        this.workload = workload;
    }

    String judge(Map<?, ?> rule, KubeWorkload.Container at) {
        JsonNode container = at.container();
        String program = String.valueOf(rule.get("program"));
        List<String> argv = words(container.path("command"));
        argv.addAll(words(container.path("args")));
        if (argv.isEmpty()) {
            return "runs the image's default command, not " + program;
        }
        if (argv.size() == 3 && SHELLS.contains(argv.get(0)) && argv.get(1).equals("-c")) {
            String line = argv.get(2).trim().replaceFirst("^exec\\s+", "");
            if (!line.matches("[A-Za-z0-9_./-]+\\s+[A-Za-z0-9_./-]+")) {
                return "runs the shell line " + Text.excerpt(argv.get(2)) + ", which is not judged (only \"" + program
                        + " <script>\")";
            }
            argv = List.of(line.split("\\s+"));
        }
        if (argv.size() != 2 || !isProgram(argv.get(0), program) || argv.get(1).startsWith("-")) {
            return "runs " + argv + ", not " + program + " on one script file (options and inline code are not"
                    + " judged)";
        }
        if (program.equals("node") && setsNodeOptions(container)) {
            return "sets NODE_OPTIONS, which makes node load other code first";
        }
        String script = argv.get(1);
        if (!script.startsWith("/")) {
            String dir = container.path("workingDir").asText("");
            if (dir.isEmpty()) {
                return "runs " + script + " relative to the image's working directory, which is not judged";
            }
            script = dir + "/" + script;
        }
        return content(at, normal(script), String.valueOf(rule.get("sha256")));
    }

    private static boolean isProgram(String word, String program) {
        return word.equals(program)
                || List.of("/usr/bin/", "/bin/", "/usr/local/bin/").stream()
                        .anyMatch(dir -> word.equals(dir + program));
    }

    private boolean setsNodeOptions(JsonNode container) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals("NODE_OPTIONS")) {
                return true;
            }
        }
        for (JsonNode from : container.path("envFrom")) {
            boolean isMap = from.has("configMapRef");
            String name = (isMap ? from.path("configMapRef") : from.path("secretRef"))
                    .path("name")
                    .asText();
            String prefix = from.path("prefix").asText("");
            if (workload.keys(name, isMap ? "ConfigMap" : "Secret").stream()
                    .anyMatch(key -> (prefix + key).equals("NODE_OPTIONS"))) {
                return true;
            }
        }
        return false;
    }

    /** The file at {@code path} as the container sees it, compared with the planted content. */
    private String content(KubeWorkload.Container at, String path, String sha256) {
        JsonNode mount = null;
        String mountPath = "";
        for (JsonNode candidate : at.container().path("volumeMounts")) {
            String candidatePath = normal(candidate.path("mountPath").asText("/"));
            boolean under = path.equals(candidatePath)
                    || path.startsWith(candidatePath.equals("/") ? "/" : candidatePath + "/");
            if (under && candidatePath.length() >= mountPath.length()) {
                mount = candidate;
                mountPath = candidatePath;
            }
        }
        if (mount == null) {
            return path + " is not mounted from a ConfigMap: the image has no such script";
        }
        if (mount.hasNonNull("subPathExpr")) {
            return path + " is mounted with a subPathExpr, which is not judged";
        }
        String relative = path.substring(mountPath.length()).replaceFirst("^/", "");
        String subPath = mount.path("subPath").asText("");
        relative = subPath.isEmpty() ? relative : relative.isEmpty() ? subPath : subPath + "/" + relative;
        String volumeName = mount.path("name").asText();
        JsonNode volume = null;
        for (JsonNode candidate : at.spec().path("volumes")) {
            if (candidate.path("name").asText().equals(volumeName)) {
                volume = candidate;
            }
        }
        if (volume == null || !volume.path("configMap").isObject()) {
            return path + " comes from volume " + volumeName + ", which is not a ConfigMap volume: not judged";
        }
        String configMap = volume.path("configMap").path("name").asText();
        String key = key(
                volume.path("configMap").path("items"), normal("/" + relative).substring(1));
        if (key == null) {
            return path + " is not a file of ConfigMap " + configMap + "'s volume";
        }
        byte[] bytes = bytes(configMap, key);
        if (bytes == null) {
            return path + " would be ConfigMap " + configMap + " key " + key + ", which does not exist";
        }
        String digest = sha256(bytes);
        return digest.equalsIgnoreCase(sha256)
                ? ""
                : path + " (ConfigMap " + configMap + " key " + key + ") is not the planted code (sha256 "
                        + digest.substring(0, 12) + "...)";
    }

    /** The key a file of a ConfigMap volume holds: by the items' paths when given, else the file's own name. */
    private static @Nullable String key(JsonNode items, String relative) {
        if (items.isArray() && !items.isEmpty()) {
            for (JsonNode item : items) {
                if (normal("/" + item.path("path").asText()).substring(1).equals(relative)) {
                    return item.path("key").asText();
                }
            }
            return null;
        }
        return relative.isEmpty() || relative.contains("/") ? null : relative;
    }

    private byte @Nullable [] bytes(String configMap, String key) {
        JsonNode map = KubeWorkload.first(workload.read("ConfigMap", configMap));
        if (map == null) {
            return null;
        }
        if (map.path("data").path(key).isTextual()) {
            return map.path("data").path(key).asText().getBytes(StandardCharsets.UTF_8);
        }
        if (map.path("binaryData").path(key).isTextual()) {
            try {
                return Base64.getDecoder()
                        .decode(map.path("binaryData").path(key).asText());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static List<String> words(JsonNode list) {
        List<String> words = new ArrayList<>();
        list.forEach(word -> words.add(word.asText()));
        return words;
    }

    /** An absolute path with "." and ".." resolved, as the container's file system would. */
    static String normal(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
