package dev.assay.service.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator for when wrk is not installed: {@code connections} threads, each sending one GET
 * after the other for {@code seconds}; a response other than 200 (or none within 10 s) is an error.
 */
final class JavaLoad {
    private JavaLoad() {}

    static LoadResult run(URI url, String cookie, int connections, Duration length) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("Cookie", cookie)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        AtomicLong errors = new AtomicLong();
        long until = System.nanoTime() + length.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        long started = System.nanoTime();
        List<Future<List<Double>>> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(threads.submit(() -> {
                List<Double> latencies = new ArrayList<>();
                while (System.nanoTime() < until) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (java.io.IOException e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(BenchCommand.millis(sent));
                }
                return latencies;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> worker : workers) {
            all.addAll(worker.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        threads.shutdown();
        if (all.isEmpty()) {
            throw new IllegalStateException("no request to " + url + " was answered in " + length.toSeconds() + " s");
        }
        return new LoadResult(
                all.size(), errors.get(), seconds, Percentiles.of(all, 0.50), Percentiles.of(all, 0.99), "java");
    }
}
