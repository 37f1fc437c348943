package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.CommandResult;
import dev.assay.grading.LabView;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Type;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Sends one HTTP request from a probe container in the lab's network namespace and judges the answer. */
public final class HttpGrader extends BuiltinGrader {
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .required("url", Type.STRING, "an http:// URL as seen from inside the lab, such as http://127.0.0.1/health")
            .oneOf("method", false, Set.of("GET", "HEAD", "POST", "PUT", "DELETE"), "the method (default GET)")
            .optional("status", Type.INTEGER, "the status code expected (default 200)")
            .optional("body", Type.REGEX, "a regular expression the body must match")
            .optional("headers", Type.STRING_MAP, "response headers and a regular expression each must match")
            .optional("maxLatency", Type.DURATION, "the slowest acceptable answer, such as 500ms")
            .optional(
                    "executable",
                    Type.STRING,
                    "who must answer: the absolute path of the program listening on the URL's port in the lab, which"
                            + " must be the image's own (unchanged, its libraries too)")
            .rule(values -> values.get("executable") instanceof String path && !path.startsWith("/")
                    ? List.of(new ParameterSpec.Problem("executable", "must be an absolute path"))
                    : List.of())
            .rule(values -> {
                String url = String.valueOf(values.get("url"));
                return url.matches("http://[A-Za-z0-9.-]+(:\\d{1,5})?(/[\\x21-\\x7e]*)?")
                        ? List.of()
                        : List.of(new ParameterSpec.Problem(
                                "url",
                                "must be an http:// URL with a host name or address, an optional port and a path"
                                        + " without spaces (labs run offline, so https is not probed)"));
            })
            .build();

    public HttpGrader() {
        super(
                "http",
                "3",
                "HTTP request from a probe container joined to the lab's network: status, body, headers, latency",
                PARAMETERS);
    }

    /**
     * The probe sends the request through its own bash's {@code /dev/tcp} and reads until the server closes, within
     * the time left, noting the kernel's uptime (10 ms ticks) before and after on stderr. It never half-closes its
     * side, as {@code printf | nc} did: nginx takes a half-close for a client abort and answers a proxied location
     * with nothing (499). Host, port and request arrive as arguments, never pasted into the script.
     */
    private static final String SCRIPT = "s=$(cut -d' ' -f1 /proc/uptime);"
            + " timeout \"$4\" /bin/bash -c 'exec 3<>\"/dev/tcp/$0/$1\" && printf \"%s\" \"$2\" >&3 && cat <&3'"
            + " \"$1\" \"$2\" \"$3\"; c=$?; e=$(cut -d' ' -f1 /proc/uptime); echo \"uptime $s $e\" >&2; exit $c";

    @Override
    public CheckResult grade(LabView lab, Map<String, Object> parameters) {
        URI url = URI.create(Text.string(parameters, "url", ""));
        String method = Text.string(parameters, "method", "GET");
        String host = url.getHost();
        int port = url.getPort() < 0 ? 80 : url.getPort();
        CommandResult result = send(lab, method, url, host, port);
        CheckResult.Builder check = CheckResult.builder(true).observe("request", method + " " + url);
        Response response = Response.parse(result.stdout());
        if (response == null) {
            return check.observe(
                            "answer", "none: " + Text.excerpt(result.stderr().replaceAll("uptime .*", "")))
                    .expect(false, "no HTTP answer from " + host + ":" + port)
                    .build();
        }
        long latency = latencyMillis(result.stderr());
        check.observe("status", response.status())
                .observe("latency", latency < 0 ? "unknown" : latency + " ms (10 ms resolution)")
                .observe("headers", response.headers().toString())
                .observe("body", Text.excerpt(response.body()))
                .output(result.stdout(), result.truncated());
        long status = Text.number(parameters, "status", 200);
        check.expect(response.status() == status, "status " + response.status() + ", expected " + status);
        if (parameters.get("body") instanceof String regex) {
            check.expect(
                    Pattern.compile(regex, Pattern.MULTILINE)
                            .matcher(response.body())
                            .find(),
                    "body does not match /" + regex + "/");
        }
        if (parameters.get("headers") instanceof Map<?, ?> expected) {
            expected.forEach((name, regex) -> {
                String value = response.headers().get(String.valueOf(name).toLowerCase(Locale.ROOT));
                check.expect(
                        value != null
                                && Pattern.compile(String.valueOf(regex))
                                        .matcher(value)
                                        .find(),
                        "header " + name + " is " + (value == null ? "absent" : "'" + value + "'") + ", expected /"
                                + regex + "/");
            });
        }
        if (parameters.get("maxLatency") instanceof String limit) {
            long max = Text.duration(limit).toMillis();
            check.expect(latency >= 0 && latency <= max, "answered in " + latency + " ms, more than " + limit);
        }
        if (parameters.get("executable") instanceof String executable) {
            whoAnswered(lab, port, executable, check);
        }
        return check.build();
    }

    /** The listener on {@code port} must be {@code executable}, the image's own program: an answer alone can be faked. */
    private static void whoAnswered(LabView lab, int port, String executable, CheckResult.Builder check) {
        List<ProcTable.Process> holders = ProcTable.read(lab).sockets().stream()
                .filter(s -> s.listening() && s.port() == port && s.protocol().startsWith("tcp"))
                .flatMap(s -> s.holders().stream())
                .distinct()
                .toList();
        check.observe(
                "listener",
                holders.isEmpty()
                        ? "none seen"
                        : holders.stream()
                                .map(p -> p.executable() + " (pid " + p.pid() + ")")
                                .distinct()
                                .toList());
        List<ProcTable.Process> genuine = holders.stream()
                .filter(p -> ProcTable.path(p).equals(executable))
                .toList();
        check.expect(
                !genuine.isEmpty() && genuine.size() == holders.size(),
                "port " + port + " is answered by something other than " + executable);
        ProgramIdentity.problems(lab, executable, genuine, check).forEach(problem -> check.expect(false, problem));
    }

    /** Sends the request from a probe: host, port and request go as arguments, never into the script. */
    private static CommandResult send(LabView lab, String method, URI url, String host, int port) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        String request = method + " " + path + " HTTP/1.0\r\nHost: " + host + "\r\nUser-Agent: assay-probe\r\n"
                + "Connection: close\r\n\r\n";
        long seconds = Math.max(1, lab.timeLeft().toSeconds() - 1);
        List<String> command = List.of(
                "/bin/sh", "-c", SCRIPT, "probe", host, Integer.toString(port), request, Long.toString(seconds));
        return lab.inProbe(command, lab.timeLeft());
    }

    private static long latencyMillis(String stderr) {
        var matcher = Pattern.compile("uptime (\\d+)\\.(\\d+) (\\d+)\\.(\\d+)").matcher(stderr);
        if (!matcher.find()) {
            return -1;
        }
        long start = Long.parseLong(matcher.group(1)) * 1000 + Long.parseLong(matcher.group(2)) * 10;
        long end = Long.parseLong(matcher.group(3)) * 1000 + Long.parseLong(matcher.group(4)) * 10;
        return end - start;
    }

    /** An HTTP/1.x answer as the wire had it: status, headers (names lower-cased), body. */
    record Response(int status, Map<String, String> headers, String body) {
        static @org.jspecify.annotations.Nullable Response parse(String raw) {
            var statusLine =
                    Pattern.compile("\\AHTTP/\\d(?:\\.\\d)? (\\d{3})[^\\n]*\\n").matcher(raw);
            if (!statusLine.find()) {
                return null;
            }
            int split = raw.indexOf("\r\n\r\n");
            int bodyStart = split < 0 ? raw.length() : split + 4;
            if (split < 0) {
                split = raw.indexOf("\n\n");
                bodyStart = split < 0 ? raw.length() : split + 2;
            }
            int headEnd = split < 0 ? raw.length() : split;
            String head = headEnd > statusLine.end() ? raw.substring(statusLine.end(), headEnd) : "";
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : head.split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(
                            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
            }
            return new Response(Integer.parseInt(statusLine.group(1)), headers, raw.substring(bodyStart));
        }
    }
}
