package dev.vouch.benchmark;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Calls the services' HTTP API as a client would, and drives load at a fixed concurrency. */
final class Api {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    /** A call that answers with its status code. */
    interface Call {
        int call(int worker, long iteration) throws Exception;
    }

    static String token(String mentorApi, String tenant, String subject, String roles) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(mentorApi + "/dev/token?tenant="
                + encode(tenant) + "&sub=" + encode(subject) + "&roles=" + roles + "&ttl=PT12H")).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token: " + response.statusCode() + " " + response.body());
        }
        return response.body().trim();
    }

    static HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    static HttpResponse<String> post(String url, String token, String body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String mentorBody(String name) {
        return JSON.createObjectNode().put("name", name).put("title", "Associate Professor")
                .put("specialty", "Internal Medicine").put("organization", "Lakeside University Hospital")
                .put("relationship", "FACULTY").put("source", "CURRENT_NETWORK").toString();
    }

    static String letterBody(String mentorId, Instant deadline) {
        var body = JSON.createObjectNode().put("mentorId", mentorId).put("purpose", "RESIDENCY")
                .put("deadline", deadline.toString()).put("waiverSigned", true);
        body.putArray("targets").add("Lakeside IM Residency");
        body.putArray("materials").add("CV");
        return body.toString();
    }

    /** Creates a mentor and answers its id. */
    static String createMentor(String mentorApi, String token, String name) {
        HttpResponse<String> response = post(mentorApi + "/api/v1/mentors", token, mentorBody(name));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /mentors answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body()).get("id").asString();
    }

    static JsonNode read(String body) {
        return JSON.readTree(body);
    }

    /** Runs {@code call} from {@code concurrency} threads, back to back, for {@code duration}. */
    static Samples closedLoop(int concurrency, Duration duration, int expected, Call call) {
        long[] nanos = new long[4_000_000];
        AtomicInteger count = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            workers.add(pool.submit(() -> {
                long iteration = 0;
                while (System.nanoTime() < end) {
                    long before = System.nanoTime();
                    int status;
                    try {
                        status = call.call(worker, iteration++);
                    } catch (Exception e) {
                        status = -1;
                    }
                    long took = System.nanoTime() - before;
                    if (status == expected) {
                        int i = count.getAndIncrement();
                        if (i < nanos.length) {
                            nanos[i] = took;
                        }
                    } else {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return Samples.of(nanos, Math.min(count.get(), nanos.length), failures.get(), seconds);
    }

    /** {@code requests} calls from {@code concurrency} threads: for latency, not throughput. */
    static Samples repeat(int concurrency, int requests, int expected, Call call) {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger count = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    long before = System.nanoTime();
                    int status;
                    try {
                        status = call.call(worker, i);
                    } catch (Exception e) {
                        status = -1;
                    }
                    if (status == expected) {
                        nanos[count.getAndIncrement()] = System.nanoTime() - before;
                    } else {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            try {
                worker.get(10, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        pool.shutdown();
        return Samples.of(nanos, count.get(), failures.get(), (System.nanoTime() - start) / 1e9);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
