package dev.assay.service.environment.docker;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Resolves a symbolic link of a directory's tar to a name inside that directory, the way the kernel walks it. */
final class TreeLinks {
    /** The kernel gives up after 40 links in one walk; so do we. */
    private static final int MAX_HOPS = 40;

    private TreeLinks() {}

    /**
     * Where the link {@code name} (relative to the directory {@code root}, an absolute path) pointing at {@code
     * target} ends, relative to {@code root}, following the other {@code links} of the tree; null when the chain
     * leaves the directory, loops, or passes through a directory link (not followed).
     */
    static @Nullable String resolve(String name, String target, String root, Map<String, String> links) {
        String current = name;
        String pointsTo = target;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            String next = inside(parent(current), pointsTo, root);
            if (next == null) {
                return null;
            }
            String further = links.get(next);
            if (further == null) {
                return next;
            }
            current = next;
            pointsTo = further;
        }
        return null;
    }

    private static String parent(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** {@code target} seen from the directory {@code from} (relative to root), as a name relative to root. */
    private static @Nullable String inside(String from, String target, String root) {
        String base = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        String path;
        if (target.startsWith("/")) {
            if (!target.startsWith(base + "/")) {
                return null;
            }
            path = target.substring(base.length() + 1);
        } else {
            path = from.isEmpty() ? target : from + "/" + target;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }
}
