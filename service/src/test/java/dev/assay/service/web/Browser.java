package dev.assay.service.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client for tests: one instance is one browser. Redirects are not followed. */
public final class Browser {
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    private final URI base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String csrf = "";

    public Browser(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Sends this header with every request (X-Forwarded-For to act as another client, say). */
    public Browser with(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The CSRF token of the last page read, as a form would carry it. */
    public String csrf() {
        return csrf;
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(request(path)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .GET());
        Matcher matcher = CSRF_META.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    /** Posts a form; the page's CSRF token goes along unless the fields say otherwise. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields, boolean withCsrf) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (withCsrf) {
            all.putIfAbsent("csrf", csrf);
        }
        String body = all.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postJson(String path, String json, String csrfHeader) {
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (!csrfHeader.isEmpty()) {
            builder.header("X-CSRF-Token", csrfHeader);
        }
        return send(builder);
    }

    /** Posts a body as it is, with the given content type and no CSRF token. */
    public HttpResponse<String> postRaw(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends a body-less request (PUT, DELETE ...) as an API client would, with the CSRF header. */
    public HttpResponse<String> sendJson(String method, String path, String csrfHeader) {
        return send(request(path)
                .header("Accept", "application/json")
                .header("X-CSRF-Token", csrfHeader)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Sends a JSON body with any method (PUT, PATCH ...) as an API client would, with the CSRF header. */
    public HttpResponse<String> sendJson(String method, String path, String json, String csrfHeader) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-Token", csrfHeader)
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> getJson(String path) {
        return send(request(path).header("Accept", "application/json").GET());
    }

    /** The cookies this browser would send to the service, as a Cookie header value. */
    public String cookieHeader() {
        return cookies.getCookieStore().get(base).stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    /**
     * Opens a WebSocket as this browser's page would (its cookies, and an Origin of the service's own site
     * unless {@code origin} says otherwise); the handshake's refusal comes back as the exception.
     */
    public java.util.concurrent.CompletableFuture<java.net.http.WebSocket> webSocket(
            String path, String origin, java.net.http.WebSocket.Listener listener) {
        java.net.http.WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        String cookieHeader = cookieHeader();
        if (!cookieHeader.isEmpty()) {
            builder.header("Cookie", cookieHeader);
        }
        if (!origin.isEmpty()) {
            builder.header("Origin", origin);
        }
        headers.forEach(builder::header);
        return builder.buildAsync(
                URI.create(base.toString().replaceFirst("^http", "ws")).resolve(path), listener);
    }

    /** The Origin a page of the service has. */
    public String origin() {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        headers.forEach(builder::header);
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
